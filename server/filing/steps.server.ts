import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Sql } from "../db/client.server";
import { readCookie, serializeCookie } from "../http/cookies.server";
import { findSession, SESSION_COOKIE } from "../accounts/session.server";
import { listCourts, findCourt, type Court } from "../agencies/index";
import { createDraft, findDraft, markStepComplete, saveStepAnswers, DRAFT_COOKIE, DRAFT_TTL_DAYS, type Draft } from "./drafts.server";
import { fileStoreFor } from "./storage.server";
import {
  hasJudgmentCopy,
  listDraftAttachments,
  receiveUploads,
  removeDraftAttachment,
  type Attachment,
  type UploadProblem,
} from "./attachments.server";
import {
  canVisit,
  firstIncomplete,
  formValues,
  isPastTimeLimit,
  previousStep,
  SERVICE_PATH,
  stepById,
  stepBySlug,
  stepPath,
  timeLimitEnds,
  pathFor,
  type StepDef,
} from "./journey";

export function draftCookie(context: AppLoadContext, token: string): string {
  return serializeCookie(DRAFT_COOKIE, token, { maxAge: DRAFT_TTL_DAYS * 86400, secure: context.services.config.isProduction });
}

/** The signed-in citizen behind the session cookie, if any. */
export async function currentCitizenId(request: Request, sql: Sql): Promise<string | null> {
  const session = await findSession(sql, readCookie(request, SESSION_COOKIE));
  return session?.citizen_id ?? null;
}

/** This visitor's draft (signed-in citizen first, then the guest cookie), or null. */
export async function currentDraft(request: Request, context: AppLoadContext): Promise<Draft | null> {
  const { sql } = context.services;
  const citizenId = await currentCitizenId(request, sql);
  return findDraft(sql, { token: readCookie(request, DRAFT_COOKIE), citizenId });
}

/** The draft, or a redirect to the service's start page when there is none (expired, other device). */
export async function requireDraft(request: Request, context: AppLoadContext): Promise<Draft> {
  const draft = await currentDraft(request, context);
  if (!draft) throw redirect(SERVICE_PATH);
  return draft;
}

/** "Start now": a new draft (a signed-in citizen's belongs to them), with its cookie. */
export async function startDraft(request: Request, context: AppLoadContext) {
  const { sql } = context.services;
  const citizenId = await currentCitizenId(request, sql);
  const { token } = await createDraft(sql, { citizenId, locale: context.locale });
  return redirect(stepPath("who"), { headers: { "Set-Cookie": draftCookie(context, token) } });
}

/** Where "continue" leads for this draft: the first step still to do, or "check your answers". */
export function resumePath(draft: Draft): string {
  const next = firstIncomplete(draft.answers, draft.completed);
  return next === "check" ? stepPath("check") : stepPath(next.id);
}

export type StepView = {
  slug: string;
  stepId: StepDef["id"];
  number: number;
  total: number;
  values: Record<string, unknown>;
  courts: Court[] | null;
  backHref: string;
  returnToCheck: boolean;
  timeLimit: { ends: string; past: boolean } | null;
};

/** Resolves a form step for the loader; steps not reachable yet send the applicant to where they stand. */
export async function loadFormStep(
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
): Promise<StepView> {
  const step = stepBySlug(slug);
  if (!step || step.kind !== "form") throw new Response(null, { status: 404 });
  const draft = await requireDraft(request, context);
  if (!canVisit(step, draft.answers, draft.completed)) throw redirect(resumePath(draft));
  const path = pathFor(draft.answers);
  const previous = previousStep(step, draft.answers);
  const returnToCheck = new URL(request.url).searchParams.get("quay-lai") === "kiem-tra";
  // The 5-year limit: a note on the judgment step, and a warning on the step right after it once the
  // date entered is past the limit (the applicant has left the judgment step by the time it is known).
  const ends = step.id === "judgment" || previous?.id === "judgment" ? timeLimitEnds(draft.answers.judgment?.effectiveDate) : null;
  const past = isPastTimeLimit(draft.answers);
  return {
    slug: step.slug,
    stepId: step.id,
    number: path.findIndex((s) => s.id === step.id) + 1,
    total: path.length,
    values: formValues(draft.answers[step.id] ?? {}),
    courts: step.fields.some((f) => f.name === "court") ? await listCourts(context.services.sql, { receivingOnly: true }) : null,
    backHref: returnToCheck ? stepPath("check") : previous ? stepPath(previous.id) : SERVICE_PATH,
    returnToCheck,
    timeLimit: ends && (step.id === "judgment" || past) ? { ends, past } : null,
  };
}

export type StepActionResult = { ok: true; redirectTo: string } | { ok: false; result: SubmissionResult<string[]> };

/**
 * Validates one step's form with its schema (plus the database checks the browser cannot make), stores
 * it, and says where to go next: the next step on the path, or back to "check your answers" when the
 * applicant came from there and nothing else is missing. Invalid input comes back with every value.
 */
export async function submitFormStep(
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
  formData: FormData,
): Promise<StepActionResult> {
  const step = stepBySlug(slug);
  if (!step || step.kind !== "form") throw new Response(null, { status: 404 });
  const draft = await requireDraft(request, context);
  if (!canVisit(step, draft.answers, draft.completed)) throw redirect(resumePath(draft));
  const { sql } = context.services;

  const submission = parseWithZod(formData, { schema: step.schema });
  if (submission.status !== "success") return { ok: false, result: submission.reply() };
  const values = submission.value as Record<string, unknown>;

  if (step.id === "judgment") {
    const court = await findCourt(sql, { code: String(values.court) });
    if (!court) return { ok: false, result: submission.reply({ fieldErrors: { court: ["filing.errors.court.choose"] } }) };
  }

  await saveStepAnswers(sql, { draftId: draft.id, stepId: step.id, values });
  const answers = { ...draft.answers, [step.id]: values };
  const completed = draft.completed.includes(step.id) ? draft.completed : [...draft.completed, step.id];
  const nextStep = step.next(answers);
  const fromCheck = formData.get("returnTo") === "check";
  if (fromCheck || nextStep === "check") {
    const stand = firstIncomplete(answers, completed);
    return { ok: true, redirectTo: stand === "check" ? stepPath("check") : stepPath(stand.id) };
  }
  return { ok: true, redirectTo: stepPath(nextStep) };
}

// ————— the attachments step —————

export type AttachmentsView = {
  number: number;
  total: number;
  backHref: string;
  returnToCheck: boolean;
  attachments: Attachment[];
};

export async function loadAttachmentsStep(request: Request, context: AppLoadContext): Promise<AttachmentsView> {
  const step = stepById("attachments");
  const draft = await requireDraft(request, context);
  if (!canVisit(step, draft.answers, draft.completed)) throw redirect(resumePath(draft));
  const path = pathFor(draft.answers);
  const previous = previousStep(step, draft.answers);
  const returnToCheck = new URL(request.url).searchParams.get("quay-lai") === "kiem-tra";
  return {
    number: path.findIndex((s) => s.id === step.id) + 1,
    total: path.length,
    backHref: returnToCheck ? stepPath("check") : previous ? stepPath(previous.id) : SERVICE_PATH,
    returnToCheck,
    attachments: await listDraftAttachments(context.services.sql, { draftId: draft.id }),
  };
}

export type AttachmentsActionResult =
  | { ok: true; redirectTo: string }
  | { ok: false; problems: UploadProblem[]; accepted: number; removed: boolean; documentType: string | null; duplicates: string[] };

/**
 * The attachments page posts three ways: a multipart upload (works without JavaScript, one or many
 * files), "remove" for one file, and "continue", which needs a copy of the judgment.
 */
export async function submitAttachmentsStep(request: Request, context: AppLoadContext): Promise<AttachmentsActionResult> {
  const step = stepById("attachments");
  const draft = await requireDraft(request, context);
  if (!canVisit(step, draft.answers, draft.completed)) throw redirect(resumePath(draft));
  const { sql, config } = context.services;
  const store = fileStoreFor(config);

  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const outcome = await receiveUploads(request, { sql, store }, { draftId: draft.id });
    return { ok: false, problems: outcome.problems, accepted: outcome.accepted, removed: false, documentType: outcome.documentType, duplicates: outcome.duplicates };
  }
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "remove") {
    const removed = await removeDraftAttachment(sql, store, { draftId: draft.id, attachmentId: String(form.get("id") ?? "") });
    return { ok: false, problems: [], accepted: 0, removed, documentType: null, duplicates: [] };
  }
  if (!(await hasJudgmentCopy(sql, { draftId: draft.id }))) {
    return { ok: false, problems: [{ code: "judgmentMissing" }], accepted: 0, removed: false, documentType: null, duplicates: [] };
  }
  await markStepComplete(sql, { draftId: draft.id, stepId: "attachments" });
  const completed = draft.completed.includes("attachments") ? draft.completed : [...draft.completed, "attachments" as const];
  if (form.get("returnTo") === "check") {
    const stand = firstIncomplete(draft.answers, completed);
    return { ok: true, redirectTo: stand === "check" ? stepPath("check") : stepPath(stand.id) };
  }
  return { ok: true, redirectTo: stepPath(step.next(draft.answers)) };
}
