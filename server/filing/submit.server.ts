import crypto from "node:crypto";
import { isUuid } from "../../vocabulary/identity";
import type { AppLoadContext } from "@remix-run/node";
import type { Pool, Sql } from "../db";
import { audit } from "../audit";
import { enqueue } from "../jobs";
import {
  readCookie,
  serializeCookie,
  clientKey,
  DEFAULT_RATE_LIMITS,
  policies,
  settle,
  take,
  type RateLimited,
  type RateLimitSettings,
} from "../http";
import { digestToken, type SubmitContext, type SubmitOutcome } from "../journeys";
import { findCourt } from "../agencies";
import { openCase, newAccessCode, accessCodeHash } from "../cases";
import { ENFORCEMENT_REQUEST_CASE } from "./case-type";
import type { SubmittedRequest } from "./request-view";
import { applicantEmail, applicantName, isPastTimeLimit, SERVICE_PATH, type Answers, type StepId, debtorName } from "./journey";

// ————— requests filed while signed out —————

/**
 * Requests filed while signed out with this citizen's e-mail address as the applicant's become theirs
 * (shown in the account). Only ever called at sign-in, where the address has just been verified (the
 * e-mail code, or a provider vouching for it): the confirmation with the reference went to that mailbox.
 */
export async function claimRequestsByEmail(sql: Sql, { citizenId }: { citizenId: string }): Promise<string[]> {
  const rows = await sql<{ reference: string }[]>`
    update enforcement_requests r set citizen_id = c.id
    from citizens c
    where c.id = ${citizenId} and c.email is not null
      and r.citizen_id is null and r.applicant_email is not null and lower(r.applicant_email) = lower(c.email)
    returning r.reference`;
  return rows.map((r) => r.reference);
}

export const DONE_COOKIE = "thads_filing_done";

// ————— submission —————

// The access code of the lookup pair is every procedure's (server/cases, ADR 065).
export { ACCESS_CODE_ALPHABET, ACCESS_CODE_LENGTH, newAccessCode, normaliseAccessCode, accessCodeHash } from "../cases";

export type FiledRequest = { ok: true; requestId: string; reference: string; accessCode: string; agencyId: string };

/**
 * The enforcement request's submit function, run by the journey engine inside its transaction (which
 * also locks, re-checks and removes the draft): the request row (routed to the office that enforces the
 * issuing court's judgments), its attachments moved from the draft, the audit entry and the confirmation
 * e-mail job (outbox). Either all of it happens or none.
 */
export async function fileRequest(answers: Answers, ctx: SubmitContext): Promise<SubmitOutcome<StepId, FiledRequest>> {
  const { tx } = ctx;
  const court = await findCourt(tx, { code: String(answers.judgment?.court ?? "") });
  if (!court) return { ok: false, step: "judgment" };

  const accessCode = newAccessCode();
  const [{ nextval }] = (await tx<{ nextval: number }[]>`select nextval('enforcement_request_seq')::int as nextval`) as unknown as [{ nextval: number }];
  const year = new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date());
  const reference = `YC-${year}-${String(nextval).padStart(7, "0")}`;
  const amount = typeof answers.obligations?.amount === "number" ? answers.obligations.amount : null;

  const [row] = await tx<{ id: string; submitted_at: Date }[]>`
    insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, citizen_id, applicant_name,
      applicant_email, debtor_name, judgment_number, judgment_effective_on, money_amount, past_time_limit, answers, locale)
    values (${reference}, ${accessCodeHash(accessCode)}, ${court.agency_id}, ${court.id}, ${ctx.citizenId},
      ${applicantName(answers)}, ${applicantEmail(answers)}, ${debtorName(answers)},
      ${String(answers.judgment?.judgmentNumber ?? "")}, ${String(answers.judgment?.effectiveDate ?? "")},
      ${amount}, ${isPastTimeLimit(answers)}, ${tx.json(answers as never)}, ${ctx.locale})
    returning id, submitted_at`;
  const requestId = row!.id;
  await tx`update filing_attachments set request_id = ${requestId}, draft_id = null where draft_id = ${ctx.draftId}`;
  // The office's case (docs/decisions/058): the one engine runs it from here; its clocks start at receipt.
  await openCase(tx, {
    caseType: ENFORCEMENT_REQUEST_CASE,
    submissionId: requestId,
    reference,
    agencyId: court.agency_id,
    applicantName: applicantName(answers),
    otherPartyName: otherPartyName(answers),
    searchParts: idNumbers(answers),
    receivedAt: row!.submitted_at,
    accessCodeHash: accessCodeHash(accessCode),
    citizenId: ctx.citizenId,
    applicantEmail: applicantEmail(answers) || null,
    applicantIdNumber: applicantIdNumber(answers),
    locale: ctx.locale,
    actor: { type: "citizen", citizenId: ctx.citizenId },
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
  await audit(tx, {
    actorType: ctx.citizenId ? "citizen" : "anonymous",
    actorId: ctx.citizenId,
    agencyId: court.agency_id,
    action: "filing.request.submitted",
    targetType: "enforcement_request",
    targetId: requestId,
    ip: ctx.ip,
    requestId: ctx.requestId,
    details: { reference, court: court.code },
  });
  if (applicantEmail(answers)) {
    await enqueue(tx, "send_filing_confirmation", { requestId }, { jobKey: `filing-confirmation:${requestId}` });
  }
  return { ok: true, requestId, reference, accessCode, agencyId: court.agency_id };
}

/** The filing party's own citizen ID number when a person files (an organisation has none; a representative's is not theirs). */
function applicantIdNumber(answers: Answers): string | null {
  const party = (answers.who as Record<string, unknown> | undefined)?.party;
  const id = answers.person?.cccd;
  return party !== "organisation" && typeof id === "string" && id.trim() ? id : null;
}

/** The party on the other side: the debtor, or the creditor when the debtor files. */
function otherPartyName(answers: Answers): string | null {
  const role = (answers.who as Record<string, unknown> | undefined)?.role;
  const name = role === "debtor" ? answers.creditor?.creditorName : debtorName(answers);
  return typeof name === "string" && name.trim() ? name : null;
}

/** The ID numbers in a request (citizen ID, tax code, the parties' numbers): staff search cases by them. */
function idNumbers(answers: Answers): string[] {
  const values = [answers.person?.cccd, answers.organisation?.taxCode, answers.representative?.repCccd, answers.debtor?.debtorId, answers.creditor?.creditorId, answers.judgment?.judgmentNumber];
  return values.filter((v): v is string => typeof v === "string" && v.trim() !== "");
}

/** The confirmation page shows the reference and access code, carried there in a short-lived cookie. */
export function filedConfirmation(result: FiledRequest, context: AppLoadContext) {
  return {
    redirectTo: `${SERVICE_PATH}/da-gui`,
    cookies: [serializeCookie(DONE_COOKIE, `${result.reference}.${result.accessCode}`, { maxAge: 3600, secure: context.services.config.isProduction })],
  };
}

export type { SubmittedRequest } from "./request-view";

type RequestRow = {
  id: string;
  reference: string;
  agency_id: string;
  agency_name: string;
  agency_address: string | null;
  agency_phone: string | null;
  court_name: string;
  applicant_name: string;
  applicant_email: string | null;
  submitted_at: Date;
  past_time_limit: boolean;
  status: string;
  answers: Answers;
  locale: "vi" | "en";
};

const toRequest = (r: RequestRow): SubmittedRequest => ({
  id: r.id,
  reference: r.reference,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  agencyAddress: r.agency_address,
  agencyPhone: r.agency_phone,
  courtName: r.court_name,
  applicantName: r.applicant_name,
  applicantEmail: r.applicant_email,
  submittedAt: r.submitted_at,
  pastTimeLimit: r.past_time_limit,
  status: r.status,
  answers: r.answers,
  locale: r.locale,
});

const REQUEST_COLUMNS = (sql: Sql) => sql`
  r.id, r.reference, r.agency_id, a.name as agency_name, a.address as agency_address, a.phone as agency_phone,
  c.name as court_name, r.applicant_name, r.applicant_email, r.submitted_at, r.past_time_limit, r.status, r.answers, r.locale`;

export async function getRequestById(sql: Sql, { id }: { id: string }): Promise<SubmittedRequest | null> {
  if (!isUuid(id)) return null;
  const [row] = await sql<RequestRow[]>`
    select ${REQUEST_COLUMNS(sql)} from enforcement_requests r
    join agencies a on a.id = r.agency_id join courts c on c.id = r.court_id
    where r.id = ${id}`;
  return row ? toRequest(row) : null;
}

export type RequestByCode = { ok: true; request: SubmittedRequest } | { ok: false; reason: "not-found" } | RateLimited;

/**
 * The request behind a reference and access code (both must match). Only failures count
 * (docs/decisions/042-rate-limits.md): per reference (a small capped wait, so its applicant is never
 * held up for long) and per client address.
 */
export async function getRequestByCode(
  sql: Pool,
  { reference, accessCode, ip, limits }: { reference: string; accessCode: string; ip: string | null; limits?: RateLimitSettings },
): Promise<RequestByCode> {
  const policy = policies(limits ?? DEFAULT_RATE_LIMITS);
  const taken = await take(sql, [
    { key: `filing-access:reference:${reference.slice(0, 40)}`, policy: policy.subject, onSuccess: "reset" },
    { key: clientKey("filing-access", ip), policy: policy.client, onSuccess: "refund" },
  ]);
  if (!taken.ok) return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  if (reference.length > 40 || accessCode.length > 40) return { ok: false, reason: "not-found" };
  const [row] = await sql<RequestRow[]>`
    select ${REQUEST_COLUMNS(sql)} from enforcement_requests r
    join agencies a on a.id = r.agency_id join courts c on c.id = r.court_id
    where r.reference = ${reference} and r.access_code_hash = ${accessCodeHash(accessCode)}`;
  if (!row) return { ok: false, reason: "not-found" };
  await settle(sql, taken.ticket);
  return { ok: true, request: toRequest(row) };
}

export type JustSubmitted = { ok: true; request: SubmittedRequest; accessCode: string } | { ok: false; reason: "not-found" } | RateLimited;

/** The request just submitted in this browser (from the confirmation cookie), with its access code. */
export async function justSubmitted(request: Request, context: AppLoadContext): Promise<JustSubmitted> {
  const value = readCookie(request, DONE_COOKIE);
  const dot = value?.indexOf(".") ?? -1;
  if (!value || dot < 0) return { ok: false, reason: "not-found" };
  const reference = value.slice(0, dot);
  const accessCode = value.slice(dot + 1);
  const found = await getRequestByCode(context.services.sql, { reference, accessCode, ip: context.clientIp, limits: context.services.config });
  return found.ok ? { ok: true, request: found.request, accessCode } : found;
}
