import type { AppLoadContext } from "@remix-run/node";
import type { Pool, Sql } from "../db";
import type { Answers, Journey, StepDef } from "./definition";
import type { Draft } from "./drafts.server";
import type { Attachment } from "./attachments.server";

/** What a procedure's submit function is given: the open transaction and who is sending. */
export type SubmitContext = {
  /** The transaction that also removes the draft: write the procedure's rows with it, or nothing happens. */
  tx: Sql;
  draftId: string;
  citizenId: string | null;
  ip: string | null;
  requestId?: string;
  locale: "vi" | "en";
  /** The files on the draft; a procedure keeps the ones it wants by setting their `request_id` (or copying them). */
  attachments: Attachment[];
};

/** A procedure's answer: its own result (reference, codes…), or the step to send the applicant back to. */
export type SubmitOutcome<S extends string, R extends { ok: true }> = R | { ok: false; step: S | null };

/**
 * A procedure: a journey definition plus the server-side parts only it knows. Everything else (drafts,
 * resume links, attachments, check your answers, the submit transaction) is the engine's.
 */
export type Procedure<
  S extends string,
  R extends { ok: true },
  E extends Record<string, unknown> = Record<never, never>,
  V extends Record<string, unknown> = Record<never, never>,
> = {
  journey: Journey<S>;
  /** Writes the procedure's records from the answers on the applicant's path, in the engine's transaction. */
  submit: (answers: Answers<S>, context: SubmitContext) => Promise<SubmitOutcome<S, R>>;
  /** Where the applicant sees the confirmation, and the cookies that carry it there. */
  confirmation: (result: R, context: AppLoadContext) => { redirectTo: string; cookies: string[] };
  /** The job that e-mails a resume link; its payload is `{ email, url, expiresAt, locale }`. */
  resumeEmailJob: string;
  /** Prefix of the rate-limit keys of its resume links. */
  rateLimitKey: string;
  /** Extra data a form step's page needs (choices from the database, notices), merged into the step view. */
  stepExtras?: (args: { sql: Sql; step: StepDef<S>; draft: Draft<S>; previous: StepDef<S> | null }) => Promise<E>;
  /** Checks of a valid step that only the database can make (a court that exists): field errors, or null. */
  checkStep?: (args: {
    sql: Sql;
    step: StepDef<S>;
    values: Record<string, unknown>;
    /** The signed-in citizen, if any (their own case needs no access code), and the client's address (rate limits). */
    citizenId: string | null;
    ip: string | null;
    /** The draft's answers to the other steps (a choice that depends on an earlier one). */
    answers: Answers<S>;
  }) => Promise<Record<string, string[]> | null>;
  /** Extra data for "check your answers" (the office it will go to…), merged into the review view. */
  reviewExtras?: (args: { sql: Sql; draft: Draft<S> }) => Promise<V>;
  /** The applicant's e-mail address in the answers, offered on the "save for later" page. */
  contactEmail?: (answers: Answers<S>) => string | null;
};

