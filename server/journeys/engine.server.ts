import type { AppLoadContext } from "@remix-run/node";
import type { Pool, Sql } from "../db";
import { createDraft, findDraft, type Draft } from "./drafts.server";
import type { Procedure } from "./procedure";
import type { FileStore } from "./storage.server";
import * as steps from "./steps.server";
import * as review from "./review.server";
import * as resume from "./resume.server";

/**
 * The engine bound to one procedure: what its routes, jobs and tests call. A new procedure is a
 * definition, a `submit` and a confirmation page; everything returned here comes for free.
 */
export function journeyEngine<
  S extends string,
  R extends { ok: true },
  E extends Record<string, unknown> = Record<never, never>,
  V extends Record<string, unknown> = Record<never, never>,
>(procedure: Procedure<S, R, E, V>) {
  const { journey } = procedure;
  return {
    procedure,
    journey,
    DRAFT_COOKIE: journey.draftCookie,
    createDraft: (sql: Sql, args: { citizenId?: string | null; locale: "vi" | "en" }) => createDraft<S>(sql, { ...args, journey: journey.id }),
    findDraft: (sql: Sql, args: { token?: string | null; citizenId?: string | null }): Promise<Draft<S> | null> => findDraft<S>(sql, { ...args, journey: journey.id }),
    draftCookie: (context: AppLoadContext, token: string) => steps.draftCookie(journey, context, token),
    currentDraft: (request: Request, context: AppLoadContext) => steps.currentDraft(journey, request, context),
    requireDraft: (request: Request, context: AppLoadContext) => steps.requireDraft(journey, request, context),
    startDraft: (request: Request, context: AppLoadContext) => steps.startDraft(journey, request, context),
    resumePath: (draft: Draft<S>) => steps.resumePath(journey, draft),
    loadFormStep: (request: Request, context: AppLoadContext, slug: string | undefined) => steps.loadFormStep(procedure, request, context, slug),
    submitFormStep: (request: Request, context: AppLoadContext, slug: string | undefined, formData: FormData) =>
      steps.submitFormStep(procedure, request, context, slug, formData),
    loadAttachmentsStep: (request: Request, context: AppLoadContext) => steps.loadAttachmentsStep(journey, request, context),
    submitAttachmentsStep: (request: Request, context: AppLoadContext) => steps.submitAttachmentsStep(journey, request, context),
    loadReview: (request: Request, context: AppLoadContext) => review.loadReview(procedure, request, context),
    submitDraft: (sql: Pool, input: { draftId: string; citizenId: string | null; ip: string | null; requestId?: string; store?: Pick<FileStore, "remove"> }) => review.submitDraft(procedure, sql, input),
    submitFromReview: (request: Request, context: AppLoadContext) => review.submitFromReview(procedure, request, context),
    loadSaveForLater: (request: Request, context: AppLoadContext) => resume.loadSaveForLater(procedure, request, context),
    sendResumeLink: (request: Request, context: AppLoadContext, formData: FormData) => resume.sendResumeLink(procedure, request, context, formData),
    openResumeLink: (context: AppLoadContext, token: string | undefined) => resume.openResumeLink(procedure, context, token),
  };
}

export type JourneyEngine<S extends string, R extends { ok: true }> = ReturnType<typeof journeyEngine<S, R>>;
