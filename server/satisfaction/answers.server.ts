import crypto from "node:crypto";
import type { Pool, Sql } from "../db";
import { lookUpPair, partyCaseView } from "../cases";

/** The longest optional comment (characters). */
export const SATISFACTION_COMMENT_MAX = 1000;

export type SatisfactionInput = { score: number; comment: string | null };
export type SatisfactionProblem = "score" | "comment";

/** The form's fields as typed: a score 1–5 (required) and an optional one-paragraph comment. */
export function parseSatisfaction(raw: { score: unknown; comment: unknown }): { ok: true; value: SatisfactionInput } | { ok: false; problems: SatisfactionProblem[] } {
  const problems: SatisfactionProblem[] = [];
  const s = typeof raw.score === "string" ? raw.score.trim() : "";
  const score = /^[1-5]$/.test(s) ? Number(s) : NaN;
  if (Number.isNaN(score)) problems.push("score");
  const c = typeof raw.comment === "string" ? raw.comment.trim() : "";
  // eslint-disable-next-line no-control-regex
  if (c.length > SATISFACTION_COMMENT_MAX || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(c)) problems.push("comment");
  return problems.length ? { ok: false, problems } : { ok: true, value: { score, comment: c || null } };
}

export type SatisfactionOutcome = "answered" | "already-answered" | "not-final" | "not-found" | "rate-limited";

/** Whether the case's party has answered already (the page shows the question only until then). */
export async function satisfactionAnswered(sql: Sql, caseId: string): Promise<boolean> {
  const [row] = await sql<{ n: number }[]>`select 1 as n from satisfaction_answers where case_id = ${caseId}`;
  return Boolean(row);
}

/** Stores the one answer of a case in a final state; a second answer is refused (the primary key). */
export async function answerCase(sql: Sql, caseId: string, input: SatisfactionInput): Promise<SatisfactionOutcome> {
  const view = await partyCaseView(sql, { caseId });
  if (!view) return "not-found";
  if (!view.final) return "not-final";
  const inserted = await sql<{ case_id: string }[]>`
    insert into satisfaction_answers (case_id, agency_id, case_type, score, comment)
    select id, agency_id, case_type, ${input.score}, ${input.comment} from cases where id = ${caseId}
    on conflict (case_id) do nothing
    returning case_id`;
  return inserted.length ? "answered" : "already-answered";
}

/** My cases: the signed-in citizen answers for a case they filed (cases.citizen_id); anyone else's is not found. */
export async function answerAsCitizen(sql: Sql, { citizenId, reference, input }: { citizenId: string; reference: string; input: SatisfactionInput }): Promise<SatisfactionOutcome> {
  const [own] = await sql<{ id: string }[]>`select id from cases where reference = ${reference} and citizen_id = ${citizenId}`;
  if (!own) return "not-found";
  return answerCase(sql, own.id, input);
}

/** The status lookup: whoever proves the pair (reference + access code, under the lookup's limits) answers. */
export async function answerByPair(
  sql: Pool,
  { reference, accessCode, ip, input }: { reference: string; accessCode: string; ip: string | null; input: SatisfactionInput },
): Promise<SatisfactionOutcome> {
  const found = await lookUpPair(sql, { reference, accessCode, ip });
  if (!found.ok) return found.reason === "rate-limited" ? "rate-limited" : "not-found";
  return answerCase(sql, found.caseId, input);
}

/** How long the lookup page's satisfaction token lasts (ADR 081). */
export const SATISFACTION_TOKEN_MINUTES = 60;

const tokenHash = (token: string) => crypto.createHash("sha256").update(token, "utf8").digest();
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The status lookup (ADR 081): once the pair is proved and the case is final, the page's satisfaction form
 * carries this random token (a hidden field), never the access code. Only its SHA-256 is stored, with the
 * case and an expiry; expired tokens are swept here.
 */
export async function issueSatisfactionToken(sql: Sql, caseId: string, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await sql`delete from satisfaction_tokens where expires_at < ${now}`;
  await sql`insert into satisfaction_tokens (token_hash, case_id, expires_at)
    values (${tokenHash(token)}, ${caseId}, ${new Date(now.getTime() + SATISFACTION_TOKEN_MINUTES * 60_000)})`;
  return token;
}

/** The case a live token stands for, or null (unknown, malformed or expired: the same null). */
export async function caseOfSatisfactionToken(sql: Sql, token: unknown, now = new Date()): Promise<string | null> {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  const [row] = await sql<{ case_id: string }[]>`
    select case_id from satisfaction_tokens where token_hash = ${tokenHash(token)} and expires_at > ${now}`;
  return row?.case_id ?? null;
}

/** The lookup page's answer, by its token: spent once the case has its answer (this one or an earlier one). */
export async function answerByToken(sql: Sql, { token, input, now = new Date() }: { token: unknown; input: SatisfactionInput; now?: Date }): Promise<SatisfactionOutcome> {
  const caseId = await caseOfSatisfactionToken(sql, token, now);
  if (!caseId) return "not-found";
  const outcome = await answerCase(sql, caseId, input);
  if (outcome === "answered" || outcome === "already-answered") await spendSatisfactionToken(sql, token as string);
  return outcome;
}

/** Deletes a token (its case has its answer). */
export async function spendSatisfactionToken(sql: Sql, token: string): Promise<void> {
  await sql`delete from satisfaction_tokens where token_hash = ${tokenHash(token)}`;
}
