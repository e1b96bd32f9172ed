import { data, redirect, type AppLoadContext } from "@remix-run/node";
import type { FieldDef } from "./definition";
import { procedureBySlug, type ProcedureNotice, type RegisteredProcedure } from "./registry.server";
import { currentCitizenId } from "./steps.server";
import type { Attachment } from "./attachments.server";

/** Where a visitor who must sign in goes: the citizen sign-in, back to the procedure's start page after. */
const signInHref = (path: string) => `/dang-nhap?redirectTo=${encodeURIComponent(path)}`;

/**
 * The procedure's sign-in gate (`requireSignIn`): a visitor who is not signed in is sent to sign in and
 * back to the start page, before any draft exists. Drafts of such a procedure only ever belong to a citizen.
 */
async function gate(p: RegisteredProcedure, request: Request, context: AppLoadContext): Promise<void> {
  if (!p.requireSignIn) return;
  if (!(await currentCitizenId(request, context.services.sql))) throw redirect(signInHref(p.engine.journey.path));
}

const noticesAt = (p: RegisteredProcedure, extras: Record<string, unknown>, at: Parameters<NonNullable<RegisteredProcedure["notices"]>>[1]): ProcedureNotice[] =>
  p.notices ? p.notices(extras, at) : [];

/**
 * The generic procedure pages (ADR 074): every loader/action of `app/routes/dich-vu.$slug.*` is one call
 * here, which finds the registered procedure by the URL's slug and runs the one journey engine bound to it.
 * An unknown slug is null (the start page then shows the service's "not online yet" page, or 404).
 */
function need(slug: string | undefined): RegisteredProcedure {
  const p = procedureBySlug(slug);
  if (!p) throw new Response(null, { status: 404 });
  return p;
}

export type ProcedureStartView = {
  slug: string;
  content: string;
  path: string;
  firstStepHref: string;
  draft: { updatedAt: string; continueHref: string } | null;
  /** Set when the procedure needs a signed-in citizen and this visitor is not one: the start button signs in first. */
  signInHref: string | null;
};

export async function loadProcedureStart(request: Request, context: AppLoadContext, slug: string | undefined): Promise<ProcedureStartView | null> {
  const p = procedureBySlug(slug);
  if (!p) return null;
  const { engine } = p;
  const signedOut = p.requireSignIn ? !(await currentCitizenId(request, context.services.sql)) : false;
  const draft = signedOut ? null : await engine.currentDraft(request, context);
  return {
    slug: slug!,
    content: engine.journey.content,
    path: engine.journey.path,
    firstStepHref: engine.journey.stepPath(engine.journey.firstStep.id),
    draft: draft ? { updatedAt: draft.updatedAt.toISOString(), continueHref: engine.resumePath(draft) } : null,
    signInHref: signedOut ? signInHref(engine.journey.path) : null,
  };
}

export async function startProcedure(request: Request, context: AppLoadContext, slug: string | undefined) {
  const p = need(slug);
  await gate(p, request, context);
  return p.engine.startDraft(request, context);
}

type StepCommon = {
  content: string;
  path: string;
  title: string;
  stepId: string;
  slug: string;
  number: number;
  total: number;
  backHref: string;
  returnToCheck: boolean;
  notices: ProcedureNotice[];
};

export type ProcedureStepView =
  | (StepCommon & {
      kind: "form";
      fields: FieldDef[];
      values: Record<string, unknown>;
      options: Record<string, { value: string; label: string }[]>;
    })
  | (StepCommon & {
      kind: "attachments";
      attachments: Pick<Attachment, "id" | "documentType" | "originalName" | "sizeBytes">[];
      documentTypes: string[];
      maxFiles: number;
      maxFileBytes: number;
      /** The document type that must be attached before going on, if any. */
      requiredType: string | null;
    });

export async function loadProcedureStep(request: Request, context: AppLoadContext, slug: string | undefined, stepSlug: string | undefined): Promise<ProcedureStepView> {
  const p = need(slug);
  await gate(p, request, context);
  const { engine } = p;
  const step = engine.journey.stepBySlug(stepSlug);
  if (!step) throw new Response(null, { status: 404 });
  const title = `${engine.journey.content}.steps.${step.id}.title`;
  if (step.kind === "attachments") {
    const view = await engine.loadAttachmentsStep(request, context);
    const rules = engine.journey.attachments!;
    return {
      kind: "attachments",
      content: engine.journey.content,
      path: engine.journey.path,
      title,
      stepId: step.id,
      slug: step.slug,
      number: view.number,
      total: view.total,
      backHref: view.backHref,
      returnToCheck: view.returnToCheck,
      notices: noticesAt(p, {}, { page: "step", stepId: step.id }),
      attachments: view.attachments.map((a) => ({ id: a.id, documentType: a.documentType, originalName: a.originalName, sizeBytes: a.sizeBytes })),
      documentTypes: [...rules.documentTypes],
      maxFiles: rules.maxFiles,
      maxFileBytes: rules.maxFileBytes,
      requiredType: rules.required?.documentType ?? null,
    };
  }
  const view = await engine.loadFormStep(request, context, stepSlug);
  const answers = p.stepOptions ? ((await engine.currentDraft(request, context))?.answers ?? {}) : {};
  const options = p.stepOptions ? await p.stepOptions({ sql: context.services.sql, stepId: step.id, answers }) : {};
  const { stepId, slug: _s, number, total, values, backHref, returnToCheck, ...extras } = view as typeof view & Record<string, unknown>;
  return {
    kind: "form",
    content: engine.journey.content,
    path: engine.journey.path,
    title,
    fields: step.fields.map((f: FieldDef) => ({ ...f })),
    stepId,
    slug: step.slug,
    number,
    total,
    values,
    backHref,
    returnToCheck,
    options,
    notices: noticesAt(p, extras, { page: "step", stepId: step.id }),
  };
}

/**
 * POST a step. A form step: on to the next page, or the form again (400) with every value and a message per
 * field. An attachments step: an upload or a removal comes back to the page with what happened (400 with
 * the problems), "continue" goes on once the required document, if any, is there.
 */
export async function submitProcedureStep(request: Request, context: AppLoadContext, slug: string | undefined, stepSlug: string | undefined) {
  const p = need(slug);
  await gate(p, request, context);
  const { engine } = p;
  const step = engine.journey.stepBySlug(stepSlug);
  if (!step) throw new Response(null, { status: 404 });
  if (step.kind === "attachments") {
    const outcome = await engine.submitAttachmentsStep(request, context);
    if (outcome.ok) return redirect(outcome.redirectTo);
    return data({ kind: "attachments" as const, ...outcome, result: undefined }, { status: outcome.problems.length ? 400 : 200 });
  }
  const outcome = await engine.submitFormStep(request, context, stepSlug, await request.formData());
  if (outcome.ok) return redirect(outcome.redirectTo);
  return data({ kind: "form" as const, result: outcome.result, problems: undefined }, { status: 400 });
}

export type ProcedureReviewView = {
  content: string;
  path: string;
  sections: { stepId: string; title: string; href: string; fields: FieldDef[]; values: Record<string, unknown> }[];
  /** Labels of the chosen select options (field name → value → label), for "check your answers". */
  optionLabels: Record<string, Record<string, string>>;
  attachments: { id: string; documentType: string; originalName: string; sizeBytes: number }[];
  extras: Record<string, unknown>;
  notices: ProcedureNotice[];
  /** The attachments step's page, for the files' change link. */
  attachmentsHref: string | null;
};

export async function loadProcedureReview(request: Request, context: AppLoadContext, slug: string | undefined): Promise<ProcedureReviewView> {
  const p = need(slug);
  await gate(p, request, context);
  const { engine } = p;
  const view = await engine.loadReview(request, context);
  const optionLabels: Record<string, Record<string, string>> = {};
  const reviewed = (view as { sections: { stepId: string; values: Record<string, unknown> }[] }).sections;
  const answers = Object.fromEntries(reviewed.map((s) => [s.stepId, s.values]));
  for (const s of reviewed) {
    const opts = p.stepOptions ? await p.stepOptions({ sql: context.services.sql, stepId: s.stepId, answers }) : {};
    for (const [field, list] of Object.entries(opts)) optionLabels[field] = Object.fromEntries(list.map((o) => [o.value, o.label]));
  }
  const { sections, attachments, ...extras } = view as typeof view & Record<string, unknown>;
  const journey = engine.journey;
  return {
    content: journey.content,
    path: journey.path,
    sections: (sections as { stepId: string; values: Record<string, unknown> }[]).filter((s) => journey.stepById(s.stepId).kind === "form").map((s) => {
      const step = journey.stepById(s.stepId);
      return { stepId: s.stepId, title: `${journey.content}.steps.${s.stepId}.title`, href: journey.stepPath(s.stepId), fields: step.fields.map((f: FieldDef) => ({ ...f })), values: s.values };
    }),
    attachments: (attachments as { id: string; documentType: string; originalName: string; sizeBytes: number }[]).map((a) => ({
      id: a.id,
      documentType: a.documentType,
      originalName: a.originalName,
      sizeBytes: a.sizeBytes,
    })),
    optionLabels,
    extras,
    notices: noticesAt(p, extras, { page: "check" }),
    attachmentsHref: (() => {
      const files = journey.steps.find((st) => st.kind === "attachments");
      return files && sections.some((x: { stepId: string }) => x.stepId === files.id) ? journey.stepPath(files.id) : null;
    })(),
  };
}

export async function submitProcedureReview(request: Request, context: AppLoadContext, slug: string | undefined) {
  const p = need(slug);
  await gate(p, request, context);
  return p.engine.submitFromReview(request, context);
}

/** The "sent" page's view, with the procedure's i18n section (its id and its words' section may differ). */
export async function loadProcedureDone(request: Request, context: AppLoadContext, slug: string | undefined) {
  const p = need(slug);
  const view = (await p.done(request, context)) as Record<string, unknown>;
  return { ...view, content: p.engine.journey.content };
}
