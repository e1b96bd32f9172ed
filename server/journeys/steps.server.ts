import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Sql } from "../db";
import { readCookie, serializeCookie } from "../http";
import { findSession, SESSION_COOKIE } from "../accounts";
import { createDraft, findDraft, markStepComplete, saveStepAnswers, DRAFT_TTL_DAYS, type Draft } from "./drafts.server";
import { fileStoreFor } from "./storage.server";
import { hasDocument, listDraftAttachments, receiveUploads, removeDraftAttachment, type Attachment, type UploadProblem } from "./attachments.server";
import { formValues, type Journey, type StepDef } from "./definition";
import type { Procedure } from "./procedure";

/** The query parameter a "Change" link on "check your answers" carries (`?quay-lai=<check slug>`). */
export const RETURN_PARAM = "quay-lai";

// A procedure of any shape: the functions below only read its journey and its optional hooks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProcedure<S extends string> = Procedure<S, any, any, any>;

export function draftCookie(journey: Pick<Journey, "draftCookie">, context: AppLoadContext, token: string): string {
  return serializeCookie(journey.draftCookie, token, { maxAge: DRAFT_TTL_DAYS * 86400, secure: context.services.config.isProduction });
}

/** The signed-in citizen behind the session cookie, if any. */
export async function currentCitizenId(request: Request, sql: Sql): Promise<string | null> {
  const session = await findSession(sql, readCookie(request, SESSION_COOKIE));
  return session?.citizen_id ?? null;
}

/** This visitor's draft of this journey (signed-in citizen first, then the guest cookie), or null. */
export async function currentDraft<S extends string>(journey: Journey<S>, request: Request, context: AppLoadContext): Promise<Draft<S> | null> {
  const { sql } = context.services;
  const citizenId = await currentCitizenId(request, sql);
  return findDraft<S>(sql, { journey: journey.id, token: readCookie(request, journey.draftCookie), citizenId });
}

/** The draft, or a redirect to the service's start page when there is none (expired, other device). */
export async function requireDraft<S extends string>(journey: Journey<S>, request: Request, context: AppLoadContext): Promise<Draft<S>> {
  const draft = await currentDraft(journey, request, context);
  if (!draft) throw redirect(journey.path);
  return draft;
}

/** "Start now": a new draft (a signed-in citizen's belongs to them), with its cookie. */
export async function startDraft<S extends string>(journey: Journey<S>, request: Request, context: AppLoadContext) {
  const { sql } = context.services;
  const citizenId = await currentCitizenId(request, sql);
  const { token } = await createDraft(sql, { journey: journey.id, citizenId, locale: context.locale });
  return redirect(journey.stepPath(journey.firstStep.id), { headers: { "Set-Cookie": draftCookie(journey, context, token) } });
}

/** Where "continue" leads for this draft: the first step still to do, or "check your answers". */
export function resumePath<S extends string>(journey: Journey<S>, draft: Draft<S>): string {
  const next = journey.firstIncomplete(draft.answers, draft.completed);
  return next === "check" ? journey.stepPath("check") : journey.stepPath(next.id);
}

/** The draft for a step's page, or a redirect to where the applicant stands when the step is not reachable yet. */
async function draftAt<S extends string>(journey: Journey<S>, step: StepDef<S>, request: Request, context: AppLoadContext) {
  const draft = await requireDraft(journey, request, context);
  if (!journey.canVisit(step, draft.answers, draft.completed)) throw redirect(resumePath(journey, draft));
  const returnToCheck = new URL(request.url).searchParams.get(RETURN_PARAM) === journey.checkSlug;
  const previous = journey.previousStep(step, draft.answers);
  const path = journey.pathFor(draft.answers);
  return {
    draft,
    previous,
    number: path.findIndex((s) => s.id === step.id) + 1,
    total: path.length,
    returnToCheck,
    backHref: returnToCheck ? journey.stepPath("check") : previous ? journey.stepPath(previous.id) : journey.path,
  };
}

/** After a step is complete: back to "check your answers" (or the first gap) when asked or at the end, else the next step. */
function whereNext<S extends string>(journey: Journey<S>, step: StepDef<S>, draft: Draft<S>, fromCheck: boolean): string {
  const next = step.next(draft.answers);
  if (fromCheck || next === "check") {
    const stand = journey.firstIncomplete(draft.answers, draft.completed);
    return stand === "check" ? journey.stepPath("check") : journey.stepPath(stand.id);
  }
  return journey.stepPath(next);
}

export type StepView<S extends string = string> = {
  slug: string;
  stepId: S;
  number: number;
  total: number;
  values: Record<string, unknown>;
  backHref: string;
  returnToCheck: boolean;
};

/** Resolves a form step for the loader; steps not reachable yet send the applicant to where they stand. */
export async function loadFormStep<S extends string, R extends { ok: true }, E extends Record<string, unknown>, V extends Record<string, unknown>>(
  procedure: Procedure<S, R, E, V>,
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
): Promise<StepView<S> & E> {
  const { journey } = procedure;
  const step = journey.stepBySlug(slug);
  if (!step || step.kind !== "form") throw new Response(null, { status: 404 });
  const at = await draftAt(journey, step, request, context);
  const extras = procedure.stepExtras ? await procedure.stepExtras({ sql: context.services.sql, step, draft: at.draft, previous: at.previous }) : ({} as E);
  return {
    slug: step.slug,
    stepId: step.id,
    number: at.number,
    total: at.total,
    values: formValues(at.draft.answers[step.id] ?? {}),
    backHref: at.backHref,
    returnToCheck: at.returnToCheck,
    ...extras,
  };
}

export type StepActionResult = { ok: true; redirectTo: string } | { ok: false; result: SubmissionResult<string[]> };

/**
 * Validates one step's form with its schema (plus the procedure's database checks, which the browser
 * cannot make), stores it, and says where to go next: the next step on the path, or back to "check your
 * answers" when the applicant came from there and nothing else is missing. Invalid input comes back with
 * every value.
 */
export async function submitFormStep<S extends string>(
  procedure: AnyProcedure<S>,
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
  formData: FormData,
): Promise<StepActionResult> {
  const { journey } = procedure;
  const step = journey.stepBySlug(slug);
  if (!step || step.kind !== "form") throw new Response(null, { status: 404 });
  const draft = await requireDraft(journey, request, context);
  if (!journey.canVisit(step, draft.answers, draft.completed)) throw redirect(resumePath(journey, draft));
  const { sql } = context.services;

  const submission = parseWithZod(formData, { schema: step.schema });
  if (submission.status !== "success") return { ok: false, result: submission.reply() };
  const values = submission.value as Record<string, unknown>;
  const fieldErrors = procedure.checkStep
    ? await procedure.checkStep({ sql, step, values, citizenId: await currentCitizenId(request, sql), ip: context.clientIp || null, answers: draft.answers })
    : null;
  if (fieldErrors) return { ok: false, result: submission.reply({ fieldErrors }) };

  await saveStepAnswers(sql, { draftId: draft.id, stepId: step.id, values });
  const answers = { ...draft.answers, [step.id]: values };
  const completed = draft.completed.includes(step.id) ? draft.completed : [...draft.completed, step.id];
  return { ok: true, redirectTo: whereNext(journey, step, { ...draft, answers, completed }, formData.get("returnTo") === "check") };
}

// ————— the attachments step —————

function attachmentsStep<S extends string>(journey: Journey<S>): StepDef<S> {
  const step = journey.steps.find((s) => s.kind === "attachments");
  if (!step || !journey.attachments) throw new Response(null, { status: 404 });
  return step;
}

export type AttachmentsView = {
  number: number;
  total: number;
  backHref: string;
  returnToCheck: boolean;
  attachments: Attachment[];
};

export async function loadAttachmentsStep<S extends string>(journey: Journey<S>, request: Request, context: AppLoadContext): Promise<AttachmentsView> {
  const at = await draftAt(journey, attachmentsStep(journey), request, context);
  return {
    number: at.number,
    total: at.total,
    backHref: at.backHref,
    returnToCheck: at.returnToCheck,
    attachments: await listDraftAttachments(context.services.sql, { draftId: at.draft.id }),
  };
}

export type AttachmentsActionResult =
  | { ok: true; redirectTo: string }
  | { ok: false; problems: UploadProblem[]; accepted: number; removed: boolean; documentType: string | null; duplicates: string[] };

/**
 * The attachments page posts three ways: a multipart upload (works without JavaScript, one or many
 * files), "remove" for one file, and "continue", which needs the journey's required document, if any.
 */
export async function submitAttachmentsStep<S extends string>(journey: Journey<S>, request: Request, context: AppLoadContext): Promise<AttachmentsActionResult> {
  const step = attachmentsStep(journey);
  const rules = journey.attachments!;
  const draft = await requireDraft(journey, request, context);
  if (!journey.canVisit(step, draft.answers, draft.completed)) throw redirect(resumePath(journey, draft));
  const { sql, config } = context.services;
  const store = fileStoreFor(config);

  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const outcome = await receiveUploads(request, { sql, store }, { draftId: draft.id, rules });
    return { ok: false, problems: outcome.problems, accepted: outcome.accepted, removed: false, documentType: outcome.documentType, duplicates: outcome.duplicates };
  }
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "remove") {
    const removed = await removeDraftAttachment(sql, store, { draftId: draft.id, attachmentId: String(form.get("id") ?? "") });
    return { ok: false, problems: [], accepted: 0, removed, documentType: null, duplicates: [] };
  }
  if (rules.required && !(await hasDocument(sql, { draftId: draft.id, documentType: rules.required.documentType }))) {
    return { ok: false, problems: [{ code: rules.required.problem }], accepted: 0, removed: false, documentType: null, duplicates: [] };
  }
  await markStepComplete(sql, { draftId: draft.id, stepId: step.id });
  const completed = draft.completed.includes(step.id) ? draft.completed : [...draft.completed, step.id];
  return { ok: true, redirectTo: whereNext(journey, step, { ...draft, completed }, form.get("returnTo") === "check") };
}
