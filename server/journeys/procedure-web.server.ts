import { data, redirect, type AppLoadContext } from "@remix-run/node";
import type { FieldDef } from "./definition";
import { procedureBySlug, type RegisteredProcedure } from "./registry.server";

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
};

export async function loadProcedureStart(request: Request, context: AppLoadContext, slug: string | undefined): Promise<ProcedureStartView | null> {
  const p = procedureBySlug(slug);
  if (!p) return null;
  const { engine } = p;
  const draft = await engine.currentDraft(request, context);
  return {
    slug: slug!,
    content: engine.journey.content,
    path: engine.journey.path,
    firstStepHref: engine.journey.stepPath(engine.journey.firstStep.id),
    draft: draft ? { updatedAt: draft.updatedAt.toISOString(), continueHref: engine.resumePath(draft) } : null,
  };
}

export function startProcedure(request: Request, context: AppLoadContext, slug: string | undefined) {
  return need(slug).engine.startDraft(request, context);
}

export type ProcedureStepView = {
  content: string;
  path: string;
  title: string;
  fields: FieldDef[];
  stepId: string;
  slug: string;
  number: number;
  total: number;
  values: Record<string, unknown>;
  backHref: string;
  returnToCheck: boolean;
  options: Record<string, { value: string; label: string }[]>;
};

export async function loadProcedureStep(request: Request, context: AppLoadContext, slug: string | undefined, stepSlug: string | undefined): Promise<ProcedureStepView> {
  const p = need(slug);
  const { engine } = p;
  const view = await engine.loadFormStep(request, context, stepSlug);
  const step = engine.journey.stepBySlug(stepSlug)!;
  const options = p.stepOptions ? await p.stepOptions({ sql: context.services.sql, stepId: step.id }) : {};
  return {
    content: engine.journey.content,
    path: engine.journey.path,
    title: `${engine.journey.content}.steps.${step.id}.title`,
    fields: step.fields.map((f: FieldDef) => ({ ...f })),
    stepId: view.stepId,
    slug: view.slug,
    number: view.number,
    total: view.total,
    values: view.values,
    backHref: view.backHref,
    returnToCheck: view.returnToCheck,
    options,
  };
}

/** POST a step: on to the next page, or the form again (400) with every value and a message per field. */
export async function submitProcedureStep(request: Request, context: AppLoadContext, slug: string | undefined, stepSlug: string | undefined) {
  const { engine } = need(slug);
  const outcome = await engine.submitFormStep(request, context, stepSlug, await request.formData());
  if (outcome.ok) return redirect(outcome.redirectTo);
  return data({ result: outcome.result }, { status: 400 });
}

export type ProcedureReviewView = {
  content: string;
  path: string;
  sections: { stepId: string; title: string; href: string; fields: FieldDef[]; values: Record<string, unknown> }[];
  /** Labels of the chosen select options (field name → value → label), for "check your answers". */
  optionLabels: Record<string, Record<string, string>>;
  attachments: { id: string; documentType: string; originalName: string; sizeBytes: number }[];
  extras: Record<string, unknown>;
};

export async function loadProcedureReview(request: Request, context: AppLoadContext, slug: string | undefined): Promise<ProcedureReviewView> {
  const p = need(slug);
  const { engine } = p;
  const view = await engine.loadReview(request, context);
  const optionLabels: Record<string, Record<string, string>> = {};
  for (const s of (view as { sections: { stepId: string }[] }).sections) {
    const opts = p.stepOptions ? await p.stepOptions({ sql: context.services.sql, stepId: s.stepId }) : {};
    for (const [field, list] of Object.entries(opts)) optionLabels[field] = Object.fromEntries(list.map((o) => [o.value, o.label]));
  }
  const { sections, attachments, ...extras } = view as typeof view & Record<string, unknown>;
  const journey = engine.journey;
  return {
    content: journey.content,
    path: journey.path,
    sections: (sections as { stepId: string; values: Record<string, unknown> }[]).map((s) => {
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
  };
}

export function submitProcedureReview(request: Request, context: AppLoadContext, slug: string | undefined) {
  return need(slug).engine.submitFromReview(request, context);
}

export function loadProcedureDone(request: Request, context: AppLoadContext, slug: string | undefined) {
  return need(slug).done(request, context);
}
