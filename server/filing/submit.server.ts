import crypto from "node:crypto";
import { isUuid } from "../../vocabulary/identity";
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Pool, Sql } from "../db/client.server";
import { audit } from "../audit/audit.server";
import { enqueue } from "../jobs/queue.server";
import { readCookie, serializeCookie } from "../http/cookies.server";
import { clientKey, DEFAULT_RATE_LIMITS, policies, settle, take, type RateLimited, type RateLimitSettings } from "../http/rate-limit.server";
import { findCourt } from "./courts.server";
import { listDraftAttachments, type Attachment } from "./attachments.server";
import { digestToken } from "./drafts.server";
import { currentCitizenId, requireDraft, resumePath } from "./steps.server";
import {
  applicantEmail,
  applicantName,
  firstIncomplete,
  isPastTimeLimit,
  pathFor,
  stepPath,
  timeLimitEnds,
  type Answers,
  type StepId,
  debtorName,
} from "./journey";
import { paths } from "../../vocabulary/paths";

export const DONE_COOKIE = "thads_filing_done";

// ————— check your answers —————

export type ReviewSection = { stepId: StepId; slug: string; values: Record<string, unknown> };

export type ReviewView = {
  sections: ReviewSection[];
  attachments: Attachment[];
  courtName: string | null;
  office: { name: string; address: string | null } | null;
  timeLimit: { ends: string; past: boolean } | null;
};

/** Every answer on the applicant's path, for "check your answers"; an unfinished draft goes back to its step. */
export async function loadReview(request: Request, context: AppLoadContext): Promise<ReviewView> {
  const draft = await requireDraft(request, context);
  if (firstIncomplete(draft.answers, draft.completed) !== "check") throw redirect(resumePath(draft));
  const { sql } = context.services;
  const court = await findCourt(sql, { code: String(draft.answers.judgment?.court ?? "") });
  const ends = timeLimitEnds(draft.answers.judgment?.effectiveDate);
  return {
    sections: pathFor(draft.answers).map((s) => ({ stepId: s.id, slug: s.slug, values: draft.answers[s.id] ?? {} })),
    attachments: await listDraftAttachments(sql, { draftId: draft.id }),
    courtName: court?.name ?? null,
    office: court ? { name: court.agency_name, address: court.agency_address } : null,
    timeLimit: ends ? { ends, past: isPastTimeLimit(draft.answers) } : null,
  };
}

// ————— submission —————

export const ACCESS_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // 32 letters: no 0/O, 1/I
export const ACCESS_CODE_LENGTH = 16;

/**
 * 16 characters from a 32-letter alphabet: 80 bits, each character uniform (256 is a multiple of 32, so
 * `byte & 31` has no bias), shown as XXXX-XXXX-XXXX-XXXX. Lookups with it are rate-limited too.
 */
export function newAccessCode(): string {
  const bytes = crypto.randomBytes(ACCESS_CODE_LENGTH);
  const chars = Array.from(bytes, (b) => ACCESS_CODE_ALPHABET[b & 31]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

export function normaliseAccessCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

export function accessCodeHash(code: string): Buffer {
  return digestToken(`access:${normaliseAccessCode(code)}`);
}

export type SubmitResult =
  | { ok: true; requestId: string; reference: string; accessCode: string; agencyId: string }
  | { ok: false; redirectTo: string };

/**
 * Sends the request, all in ONE transaction: the request row (routed to the office that enforces the
 * issuing court's judgments), its attachments moved from the draft, the audit entry, the confirmation
 * e-mail job (outbox), and the draft's removal. Either all of it happens or none.
 */
export async function submitDraft(
  sql: Pool,
  input: { draftId: string; citizenId: string | null; ip: string | null; requestId?: string },
): Promise<SubmitResult> {
  return sql.begin(async (tx) => {
    const [draft] = await tx<{ answers: Answers; completed: StepId[]; locale: "vi" | "en" }[]>`
      select answers, completed, locale from filing_drafts where id = ${input.draftId} and expires_at > now() for update`;
    if (!draft) return { ok: false as const, redirectTo: paths.filing.start };
    const stand = firstIncomplete(draft.answers, draft.completed);
    if (stand !== "check") return { ok: false as const, redirectTo: stepPath(stand.id) };
    const [judgmentCopy] = await tx`select 1 from filing_attachments where draft_id = ${input.draftId} and document_type = 'judgment' limit 1`;
    if (!judgmentCopy) return { ok: false as const, redirectTo: stepPath("attachments") };
    const court = await findCourt(tx, { code: String(draft.answers.judgment?.court ?? "") });
    if (!court) return { ok: false as const, redirectTo: stepPath("judgment") };

    const answers: Answers = Object.fromEntries(pathFor(draft.answers).map((s) => [s.id, draft.answers[s.id] ?? {}]));
    const accessCode = newAccessCode();
    const [{ nextval }] = (await tx<{ nextval: number }[]>`select nextval('enforcement_request_seq')::int as nextval`) as unknown as [{ nextval: number }];
    const year = new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date());
    const reference = `YC-${year}-${String(nextval).padStart(7, "0")}`;
    const amount = typeof answers.obligations?.amount === "number" ? answers.obligations.amount : null;

    const [row] = await tx<{ id: string }[]>`
      insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, citizen_id, applicant_name,
        applicant_email, debtor_name, judgment_number, judgment_effective_on, money_amount, past_time_limit, answers, locale)
      values (${reference}, ${accessCodeHash(accessCode)}, ${court.agency_id}, ${court.id}, ${input.citizenId},
        ${applicantName(answers)}, ${applicantEmail(answers)}, ${debtorName(answers)},
        ${String(answers.judgment?.judgmentNumber ?? "")}, ${String(answers.judgment?.effectiveDate ?? "")},
        ${amount}, ${isPastTimeLimit(answers)}, ${tx.json(answers as never)}, ${draft.locale})
      returning id`;
    const requestId = row!.id;
    await tx`update filing_attachments set request_id = ${requestId}, draft_id = null where draft_id = ${input.draftId}`;
    await audit(tx, {
      actorType: input.citizenId ? "citizen" : "anonymous",
      actorId: input.citizenId,
      agencyId: court.agency_id,
      action: "filing.request.submitted",
      targetType: "enforcement_request",
      targetId: requestId,
      ip: input.ip,
      requestId: input.requestId,
      details: { reference, court: court.code },
    });
    if (applicantEmail(answers)) {
      await enqueue(tx, "send_filing_confirmation", { requestId }, { jobKey: `filing-confirmation:${requestId}` });
    }
    await tx`delete from filing_drafts where id = ${input.draftId}`;
    return { ok: true as const, requestId, reference, accessCode, agencyId: court.agency_id };
  });
}

/** The "check your answers" POST: submit, then show the confirmation (codes kept in a short-lived cookie). */
export async function submitFromReview(request: Request, context: AppLoadContext) {
  const draft = await requireDraft(request, context);
  const { sql, config } = context.services;
  const result = await submitDraft(sql, {
    draftId: draft.id,
    citizenId: await currentCitizenId(request, sql),
    ip: context.clientIp,
    requestId: context.requestId,
  });
  if (!result.ok) return redirect(result.redirectTo);
  const headers = new Headers();
  headers.append("Set-Cookie", serializeCookie(DONE_COOKIE, `${result.reference}.${result.accessCode}`, { maxAge: 3600, secure: config.isProduction }));
  headers.append("Set-Cookie", serializeCookie("thads_filing", "", { maxAge: 0, secure: config.isProduction }));
  return redirect(paths.filing.done, { headers });
}

export type SubmittedRequest = {
  id: string;
  reference: string;
  agencyId: string;
  agencyName: string;
  agencyAddress: string | null;
  agencyPhone: string | null;
  courtName: string;
  applicantName: string;
  applicantEmail: string | null;
  submittedAt: Date;
  pastTimeLimit: boolean;
  status: string;
  answers: Answers;
  locale: "vi" | "en";
};

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
