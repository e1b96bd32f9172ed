import type { z } from "zod";

/**
 * A journey as data (docs/decisions/051-one-journey-engine.md): a procedure lists its steps, each with
 * its URL slug, its fields, its Zod schema (messages are i18n keys) and `next(answers)`; the engine
 * derives the path, "can this step be visited", the first incomplete step and the back link from it.
 * Pure code, shared with the browser: the browser validates with the same schemas.
 */

export type FieldKind = "text" | "textarea" | "email" | "tel" | "date" | "money" | "radio" | "select" | "checkboxes" | "checkbox";

export type FieldDef = {
  name: string;
  kind: FieldKind;
  /** Fixed choices (labels at `<content>.fields.<name>.options.<value>`); a select may take its list from the procedure's step extras. */
  options?: readonly string[];
  optional?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "tel" | "email" | "text";
  /** Shown with a hint line (`<content>.fields.<name>.hint`). */
  hint?: boolean;
  /** Personal numbers are masked on pages that do not need them in full. */
  sensitive?: boolean;
  /** Its words under `<content>.fields.<wording>` when they differ from another step's field of the same name. */
  wording?: string;
};

/** Where a field's words live: `<content>.fields.<this>.label`, `.hint`, `.options.<value>`, `.short`. */
export const fieldWording = (def: FieldDef) => def.wording ?? def.name;

/** What the applicant has answered so far, by step id (only steps that passed their schema are stored). */
export type Answers<S extends string = string> = Partial<Record<S, Record<string, unknown>>>;

export type StepDef<S extends string = string> = {
  id: S;
  slug: string;
  /** "form" steps are rendered from `fields`; an "attachments" step is the engine's upload page. */
  kind: "form" | "attachments";
  fields: FieldDef[];
  schema: z.ZodType<Record<string, unknown>>;
  next: (answers: Answers<S>) => S | "check";
};

/** Limits and document types of a journey's attachments step. */
export type AttachmentRules<D extends string = string> = {
  documentTypes: readonly D[];
  maxFiles: number;
  maxFileBytes: number;
  /**
   * A document type that must be attached before the step is complete (e.g. a copy of the judgment), and
   * the problem code shown when it is not (words at `<content>.attachments.errors.<problem>`).
   */
  required?: { documentType: D; problem: string };
};

export type JourneyDefinition<S extends string = string> = {
  /** Stored with every draft (`filing_drafts.journey`): never change it once drafts exist. */
  id: string;
  /** The service's start page, e.g. "/dich-vu/yeu-cau-thi-hanh-an"; steps live under it. */
  path: string;
  /** The i18n section of its words: `<content>.steps.<id>.title`, `<content>.fields.<name>.label`, `<content>.common.*`. */
  content: string;
  /** The guest draft's cookie (only the SHA-256 of its token is stored). */
  draftCookie: string;
  /** Slugs of the engine's own pages under `path`. */
  checkSlug: string;
  saveSlug: string;
  resumeSlug: string;
  steps: readonly StepDef<S>[];
  attachments?: AttachmentRules;
};

/** Checks a definition once at start-up: unique ids and slugs, and every `next` names a step. */
export function defineJourney<S extends string>(definition: JourneyDefinition<S>): Journey<S> {
  const ids = new Set(definition.steps.map((s) => s.id));
  const slugs = new Set(definition.steps.map((s) => s.slug));
  if (ids.size !== definition.steps.length) throw new Error(`journey ${definition.id}: two steps share an id`);
  if (slugs.size !== definition.steps.length) throw new Error(`journey ${definition.id}: two steps share a slug`);
  for (const reserved of [definition.checkSlug, definition.saveSlug, definition.resumeSlug]) {
    if (slugs.has(reserved)) throw new Error(`journey ${definition.id}: step slug ${reserved} is one of the engine's pages`);
  }
  if (definition.steps.some((s) => s.kind === "attachments") && !definition.attachments) {
    throw new Error(`journey ${definition.id}: an attachments step needs attachment rules`);
  }
  return journey(definition);
}

/** A definition with the routing functions derived from its steps. */
export type Journey<S extends string = string> = JourneyDefinition<S> & ReturnType<typeof routing<S>>;

function journey<S extends string>(definition: JourneyDefinition<S>): Journey<S> {
  return { ...definition, ...routing(definition) };
}

function routing<S extends string>(definition: JourneyDefinition<S>) {
  const { steps, path: servicePath, checkSlug } = definition;
  const first = steps[0]!;

  const stepById = (id: S): StepDef<S> => steps.find((s) => s.id === id)!;
  const stepBySlug = (slug: string | undefined): StepDef<S> | undefined => steps.find((s) => s.slug === slug);
  const stepPath = (id: S | "check"): string => (id === "check" ? `${servicePath}/${checkSlug}` : `${servicePath}/${stepById(id).slug}`);

  /** The steps this applicant goes through, in order, following each step's `next` from the first. */
  const pathFor = (answers: Answers<S>): StepDef<S>[] => {
    const path: StepDef<S>[] = [];
    let step: StepDef<S> | undefined = first;
    while (step && path.length < steps.length) {
      path.push(step);
      const next: S | "check" = step.next(answers);
      step = next === "check" ? undefined : stepById(next);
    }
    return path;
  };

  /**
   * Where the applicant stands: the first step on their path that is not completed (or whose stored
   * answers no longer pass its schema, e.g. a date that was fine yesterday), or "check" when all are.
   */
  const firstIncomplete = (answers: Answers<S>, completed: readonly string[]): StepDef<S> | "check" => {
    for (const step of pathFor(answers)) {
      if (!completed.includes(step.id)) return step;
      if (step.kind === "form" && !step.schema.safeParse(formValues(answers[step.id] ?? {})).success) return step;
    }
    return "check";
  };

  /** Whether a step may be shown: it is on the path and every step before it is complete. */
  const canVisit = (step: StepDef<S>, answers: Answers<S>, completed: readonly string[]): boolean => {
    const path = pathFor(answers);
    const index = path.findIndex((s) => s.id === step.id);
    if (index < 0) return false;
    return path.slice(0, index).every((s) => completed.includes(s.id));
  };

  /** The step before this one on the applicant's path (for the back link). */
  const previousStep = (step: StepDef<S>, answers: Answers<S>): StepDef<S> | null => {
    const path = pathFor(answers);
    const index = path.findIndex((s) => s.id === step.id);
    return index > 0 ? path[index - 1]! : null;
  };

  /** Only the answers of the steps on the applicant's path (a branch not taken leaves nothing behind). */
  const answersOnPath = (answers: Answers<S>): Answers<S> =>
    Object.fromEntries(pathFor(answers).map((s) => [s.id, answers[s.id] ?? {}])) as Answers<S>;

  return { firstStep: first, stepById, stepBySlug, stepPath, pathFor, firstIncomplete, canVisit, previousStep, answersOnPath };
}

/**
 * Stored answers turned back into what the form posts (strings, "on" for a ticked box), so a stored
 * step can be re-validated with the same schema and re-rendered as default values.
 */
export function formValues(stored: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(stored)
      .filter(([, v]) => v !== undefined && v !== null && v !== false)
      .map(([k, v]) => [k, typeof v === "number" ? String(v) : v === true ? true : v]),
  );
}

/**
 * The body cap of a journey's upload page (every file at its limit, plus a megabyte for the fields), for
 * the HTTP layer's per-path limits; none when the journey has no attachments step.
 */
export function uploadRoutes(journey: Pick<JourneyDefinition<string>, "path" | "attachments"> & { steps: readonly Pick<StepDef<string>, "kind" | "slug">[] }): { path: string; limit: number }[] {
  const step = journey.steps.find((s) => s.kind === "attachments");
  if (!step || !journey.attachments) return [];
  return [{ path: `${journey.path}/${step.slug}`, limit: journey.attachments.maxFiles * journey.attachments.maxFileBytes + 1024 * 1024 }];
}
