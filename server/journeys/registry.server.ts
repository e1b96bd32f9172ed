import type { AppLoadContext } from "@remix-run/node";
import type { FieldDef } from "./definition";
import type { journeyEngine } from "./engine.server";

/**
 * Procedures served by the generic procedure pages (`app/routes/dich-vu.$slug.*`, ADR 074): each procedure
 * registers its bound engine when its domain's entry loads, under the last segment of its journey's path
 * (`/dich-vu/phan-anh-kien-nghi` → `phan-anh-kien-nghi`). A new procedure then adds definition files, not
 * route files. The enforcement request keeps its own pages (they predate this).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEngine = ReturnType<typeof journeyEngine<any, any, any, any>>;

export type RegisteredProcedure = {
  engine: AnyEngine;
  /** Choices a step's select fields need from the database (field name → options), e.g. the offices. */
  stepOptions?: (args: {
    sql: import("../db").Sql;
    stepId: string;
    /** The draft's answers so far, e.g. the province chosen before its offices are listed. */
    answers: Record<string, Record<string, unknown> | undefined>;
  }) => Promise<Record<string, { value: string; label: string }[]>>;
  /** The "sent" page: loads the view for this browser's last submission of this procedure. */
  done: (request: Request, context: AppLoadContext) => Promise<unknown>;
  /**
   * Only a signed-in citizen may file (a verified e-mail or e-ID, e.g. a denunciation): the start page asks
   * them to sign in and come back, and no draft is made for a visitor who is not signed in.
   */
  requireSignIn?: boolean;
  /**
   * Notices drawn from a step's or the check page's extras (the procedure's `stepExtras`/`reviewExtras`), e.g.
   * the complaint's time limit: i18n keys of the procedure's words, with values; `dates` are formatted per locale.
   */
  notices?: (extras: Record<string, unknown>, at: { page: "step"; stepId: string } | { page: "check" }) => ProcedureNotice[];
};

export type ProcedureNotice = { key: string; values?: Record<string, string>; dates?: Record<string, string>; tone?: "info" | "warning" };

const BY_SLUG = new Map<string, RegisteredProcedure>();

export function registerProcedure(procedure: RegisteredProcedure): void {
  const slug = procedure.engine.journey.path.split("/").pop()!;
  BY_SLUG.set(slug, procedure);
}

export function procedureBySlug(slug: string | undefined): RegisteredProcedure | null {
  return (slug && BY_SLUG.get(slug)) || null;
}

export function registeredProcedureSlugs(): string[] {
  return [...BY_SLUG.keys()];
}

/** Every registered procedure (the HTTP layer reads their upload pages' body limits). */
export function registeredProcedures(): RegisteredProcedure[] {
  return [...BY_SLUG.values()];
}

/** A step's fields as the browser needs them to draw the form (no schema, no functions). */
export function fieldsForBrowser(fields: readonly FieldDef[]): FieldDef[] {
  return fields.map((f) => ({ ...f }));
}
