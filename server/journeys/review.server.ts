import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Pool } from "../db";
import { serializeCookie } from "../http";
import { listDraftAttachments, type Attachment } from "./attachments.server";
import type { Answers } from "./definition";
import type { Procedure } from "./procedure";
import type { FileStore } from "./storage.server";
import { fileStoreFor } from "./storage.server";
import { currentCitizenId, requireDraft, resumePath } from "./steps.server";

// ————— check your answers —————

export type ReviewSection<S extends string = string> = { stepId: S; slug: string; values: Record<string, unknown> };

export type ReviewView<S extends string = string> = { sections: ReviewSection<S>[]; attachments: Attachment[] };

/**
 * Every answer on the applicant's path, step by step as the definition lists them, with the files, for
 * "check your answers"; an unfinished draft goes back to its step.
 */
export async function loadReview<S extends string, R extends { ok: true }, E extends Record<string, unknown>, V extends Record<string, unknown>>(
  procedure: Procedure<S, R, E, V>,
  request: Request,
  context: AppLoadContext,
): Promise<ReviewView<S> & V> {
  const { journey } = procedure;
  const draft = await requireDraft(journey, request, context);
  if (journey.firstIncomplete(draft.answers, draft.completed) !== "check") throw redirect(resumePath(journey, draft));
  const { sql } = context.services;
  const extras = procedure.reviewExtras ? await procedure.reviewExtras({ sql, draft }) : ({} as V);
  return {
    sections: journey.pathFor(draft.answers).map((s) => ({ stepId: s.id, slug: s.slug, values: draft.answers[s.id] ?? {} })),
    attachments: await listDraftAttachments(sql, { draftId: draft.id }),
    ...extras,
  };
}

// ————— submission —————

export type SubmitResult<R extends { ok: true }> = R | { ok: false; redirectTo: string };

/**
 * Sends a draft, all in ONE transaction: the draft is locked and re-checked (every step on the path
 * complete and still valid, the required document attached), the procedure's `submit` writes its records
 * from the answers on the path, and the draft is removed. Either all of it happens or none. Files the
 * procedure did not keep are removed from the store after the commit (when a store is given).
 */
export async function submitDraft<S extends string, R extends { ok: true }, E extends Record<string, unknown>, V extends Record<string, unknown>>(
  procedure: Procedure<S, R, E, V>,
  sql: Pool,
  input: { draftId: string; citizenId: string | null; ip: string | null; requestId?: string; store?: Pick<FileStore, "remove"> },
): Promise<SubmitResult<R>> {
  const { journey } = procedure;
  const outcome = await sql.begin(async (tx) => {
    const [draft] = await tx<{ answers: Answers<S>; completed: S[]; locale: "vi" | "en" }[]>`
      select answers, completed, locale from filing_drafts
      where id = ${input.draftId} and journey = ${journey.id} and expires_at > now() for update`;
    if (!draft) return { result: { ok: false as const, redirectTo: journey.path }, left: [] };
    const stand = journey.firstIncomplete(draft.answers, draft.completed);
    if (stand !== "check") return { result: { ok: false as const, redirectTo: journey.stepPath(stand.id) }, left: [] };
    const attachments = await listDraftAttachments(tx, { draftId: input.draftId });
    const required = journey.attachments?.required;
    const attachmentsStep = journey.pathFor(draft.answers).find((s) => s.kind === "attachments");
    if (required && attachmentsStep && !attachments.some((a) => a.documentType === required.documentType)) {
      return { result: { ok: false as const, redirectTo: journey.stepPath(attachmentsStep.id) }, left: [] };
    }

    const result = await procedure.submit(journey.answersOnPath(draft.answers), {
      tx,
      draftId: input.draftId,
      citizenId: input.citizenId,
      ip: input.ip,
      requestId: input.requestId,
      locale: draft.locale,
      attachments,
    });
    if (!result.ok) return { result: { ok: false as const, redirectTo: result.step ? journey.stepPath(result.step) : journey.path }, left: [] };
    // The draft's own files (those the procedure did not take over) go with it.
    const left = await tx<{ storage_key: string }[]>`
      delete from filing_attachments where draft_id = ${input.draftId} and request_id is null returning storage_key`;
    await tx`delete from filing_drafts where id = ${input.draftId}`;
    return { result: result as R, left: left.map((l) => l.storage_key) };
  });
  if (input.store) for (const key of outcome.left) await input.store.remove(key);
  return outcome.result;
}

/** The "check your answers" POST: submit, then the procedure's confirmation (the draft's cookie is cleared). */
export async function submitFromReview<S extends string, R extends { ok: true }, E extends Record<string, unknown>, V extends Record<string, unknown>>(
  procedure: Procedure<S, R, E, V>,
  request: Request,
  context: AppLoadContext,
) {
  const { journey } = procedure;
  const draft = await requireDraft(journey, request, context);
  const { sql, config } = context.services;
  const result = await submitDraft(procedure, sql, {
    draftId: draft.id,
    citizenId: await currentCitizenId(request, sql),
    ip: context.clientIp,
    requestId: context.requestId,
    store: fileStoreFor(config),
  });
  if (!result.ok) return redirect(result.redirectTo);
  const confirmation = procedure.confirmation(result as R, context);
  const headers = new Headers();
  for (const cookie of confirmation.cookies) headers.append("Set-Cookie", cookie);
  headers.append("Set-Cookie", serializeCookie(journey.draftCookie, "", { maxAge: 0, secure: config.isProduction }));
  return redirect(confirmation.redirectTo, { headers });
}
