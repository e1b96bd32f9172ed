import type { Sql } from "../db";
import { digestToken } from "../http";
import { isUuid } from "../../vocabulary/identity";
import { INFO_REQUEST_TTL_DAYS, type InfoRequestView } from "./browser";
import crypto from "node:crypto";

/** The case event that asks the citizen for more (server/filing/case-type.ts), and the one their answer fires. */
export const ASK_EVENT = "askForMore";
export const ANSWER_EVENT = "citizenAnswered";
/** The case type whose submissions (enforcement_requests) name the citizen who filed them. */
export const ENFORCEMENT_CASE_TYPE = "enforcement-request";

/** The case state in which the office waits for the citizen. */
export const WAITING_STATE = "awaitingCitizen";

/** A fresh link token: 256 random bits, base64url (only its SHA-256 is stored). */
export function newAnswerToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** Whether a value has the shape of newAnswerToken(): anything else names nothing and costs no query. */
export const isAnswerTokenShape = (value: string | undefined | null): value is string =>
  typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);

/**
 * Creates the info-request row of every `askForMore` event of the given cases that has none yet (lazy,
 * idempotent: event_id is unique). The question and the documents asked for are copied from the event's
 * fields; the request stays open INFO_REQUEST_TTL_DAYS days from the question.
 */
export async function ensureInfoRequests(sql: Sql, cases: { caseId: string } | { citizenId: string } | { since: Date }) {
  const scope =
    "caseId" in cases
      ? sql`e.case_id = ${cases.caseId}`
      : "citizenId" in cases
        ? sql`e.case_id in (select c.id from cases c join enforcement_requests r on r.id = c.submission_id
              where r.citizen_id = ${cases.citizenId} and c.case_type = ${ENFORCEMENT_CASE_TYPE})`
        : sql`e.event = ${ASK_EVENT} and e.at > ${cases.since} and not exists (select 1 from case_info_requests x where x.event_id = e.id)`;
  await sql`
    insert into case_info_requests (case_id, event_id, message, requested_documents, created_at, expires_at)
    select e.case_id, e.id,
      left(coalesce(e.fields->>'message', e.fields->>'note', ''), 4000),
      coalesce((select array_agg(d) from jsonb_array_elements_text(
        case when jsonb_typeof(e.fields->'documents') = 'array' then e.fields->'documents'
             when jsonb_typeof(e.fields->'documentTypes') = 'array' then e.fields->'documentTypes'
             when jsonb_typeof(e.fields->'requestedDocuments') = 'array' then e.fields->'requestedDocuments'
             else '[]'::jsonb end) d), '{}'),
      e.at, e.at + make_interval(days => ${INFO_REQUEST_TTL_DAYS})
    from case_events e
    where e.event = ${ASK_EVENT} and ${scope}
    on conflict (event_id) do nothing`;
}

type Row = {
  id: string;
  case_id: string;
  event_id: string;
  reference: string;
  office_name: string;
  agency_id: string;
  case_state: string;
  applicant_name: string;
  applicant_email: string | null;
  locale: string;
  citizen_id: string | null;
  message: string;
  requested_documents: string[];
  created_at: Date;
  expires_at: Date;
  answered_at: Date | null;
  answer_text: string | null;
  answered_via: "link" | "account" | null;
  mailed_at: Date | null;
  /** The latest question of its case (an earlier one is closed by a newer one). */
  latest: boolean;
};

export type InfoRequest = {
  id: string;
  caseId: string;
  eventId: string;
  reference: string;
  officeName: string;
  agencyId: string;
  caseState: string;
  applicantName: string;
  applicantEmail: string | null;
  locale: "vi" | "en";
  citizenId: string | null;
  message: string;
  requestedDocuments: string[];
  askedAt: Date;
  expiresAt: Date;
  answeredAt: Date | null;
  answerText: string | null;
  answeredVia: "link" | "account" | null;
  mailedAt: Date | null;
  /** The state of the question for its page: open (may be answered), answered, closed (the case moved on), expired. */
  status: "open" | "answered" | "closed" | "expired";
};

const SELECT = (sql: Sql) => sql`
  select q.id, q.case_id, q.event_id::text as event_id, c.reference, a.name as office_name, c.agency_id, c.state as case_state,
    r.applicant_name, r.applicant_email, r.locale, r.citizen_id,
    q.message, q.requested_documents, q.created_at, q.expires_at, q.answered_at, q.answer_text, q.answered_via, q.mailed_at,
    not exists (select 1 from case_info_requests n where n.case_id = q.case_id and n.event_id > q.event_id) as latest
  from case_info_requests q
  join cases c on c.id = q.case_id
  join agencies a on a.id = c.agency_id
  left join enforcement_requests r on r.id = c.submission_id and c.case_type = ${ENFORCEMENT_CASE_TYPE}`;

function toInfoRequest(r: Row, now = new Date()): InfoRequest {
  const status: InfoRequest["status"] = r.answered_at
    ? "answered"
    : r.expires_at <= now
      ? "expired"
      : r.case_state !== WAITING_STATE || !r.latest
        ? "closed"
        : "open";
  return {
    id: r.id,
    caseId: r.case_id,
    eventId: r.event_id,
    reference: r.reference,
    officeName: r.office_name,
    agencyId: r.agency_id,
    caseState: r.case_state,
    applicantName: r.applicant_name,
    applicantEmail: r.applicant_email,
    locale: r.locale === "en" ? "en" : "vi",
    citizenId: r.citizen_id,
    message: r.message,
    requestedDocuments: r.requested_documents,
    askedAt: r.created_at,
    expiresAt: r.expires_at,
    answeredAt: r.answered_at,
    answerText: r.answer_text,
    answeredVia: r.answered_via,
    mailedAt: r.mailed_at,
    status,
  };
}

/** The request an e-mailed link names (by the SHA-256 of its token), or null for an unknown token. */
export async function infoRequestByToken(sql: Sql, token: string): Promise<InfoRequest | null> {
  if (!isAnswerTokenShape(token)) return null;
  const [row] = await sql<Row[]>`${SELECT(sql)} where q.token_hash = ${digestToken(token)}`;
  return row ? toInfoRequest(row) : null;
}

/** One request, only if it is about a case this citizen filed (else null). */
export async function infoRequestForCitizen(sql: Sql, { id, citizenId }: { id: string; citizenId: string }): Promise<InfoRequest | null> {
  if (!isUuid(id)) return null;
  const [row] = await sql<Row[]>`${SELECT(sql)} where q.id = ${id} and r.citizen_id = ${citizenId}`;
  return row ? toInfoRequest(row) : null;
}

export async function infoRequestById(sql: Sql, id: string): Promise<InfoRequest | null> {
  if (!isUuid(id)) return null;
  const [row] = await sql<Row[]>`${SELECT(sql)} where q.id = ${id}`;
  return row ? toInfoRequest(row) : null;
}

export async function infoRequestByEvent(sql: Sql, { caseId, eventId }: { caseId: string; eventId: string | number }): Promise<InfoRequest | null> {
  const [row] = await sql<Row[]>`${SELECT(sql)} where q.case_id = ${caseId} and q.event_id = ${String(eventId)}::bigint`;
  return row ? toInfoRequest(row) : null;
}

/** The open questions of the citizen's cases ("Việc cần bạn làm"), oldest deadline first. */
export async function openInfoRequestsForCitizen(sql: Sql, { citizenId }: { citizenId: string }): Promise<InfoRequest[]> {
  await ensureInfoRequests(sql, { citizenId });
  const rows = await sql<Row[]>`${SELECT(sql)}
    where r.citizen_id = ${citizenId} and c.case_type = ${ENFORCEMENT_CASE_TYPE} and q.answered_at is null and q.expires_at > now() and c.state = ${WAITING_STATE}
    order by q.expires_at, q.id limit 50`;
  return rows.map((r) => toInfoRequest(r)).filter((q) => q.status === "open");
}

/**
 * Gives the request a new link token (the previous link stops working) and returns it: the e-mail job
 * calls it for each message it sends, since only the hash is kept. Null when the request is no longer open.
 */
export async function issueAnswerToken(sql: Sql, { id }: { id: string }): Promise<string | null> {
  const token = newAnswerToken();
  const [row] = await sql`
    update case_info_requests set token_hash = ${digestToken(token)}
    where id = ${id} and answered_at is null and expires_at > now() returning id`;
  return row ? token : null;
}

export async function markMailed(sql: Sql, { id }: { id: string }) {
  await sql`update case_info_requests set mailed_at = now() where id = ${id}`;
}

type FileRow = { id: string; info_request_id: string; document_type: string; original_name: string; content_type: string; size_bytes: string | number; storage_key: string };

export type InfoFile = InfoRequestView["files"][number] & { storageKey: string; infoRequestId: string };

export async function filesOf(sql: Sql, ids: string[]): Promise<InfoFile[]> {
  if (!ids.length) return [];
  const rows = await sql<FileRow[]>`
    select id, info_request_id, document_type, original_name, content_type, size_bytes, storage_key
    from case_info_attachments where info_request_id = any(${ids}::uuid[]) order by created_at, id`;
  return rows.map((f) => ({
    id: f.id,
    infoRequestId: f.info_request_id,
    documentType: f.document_type,
    originalName: f.original_name,
    contentType: f.content_type,
    sizeBytes: Number(f.size_bytes),
    storageKey: f.storage_key,
  }));
}

/** Every question of one case with its answer and files (the staff case page), oldest first. */
export async function infoRequestsOfCase(sql: Sql, { caseId }: { caseId: string }): Promise<InfoRequestView[]> {
  await ensureInfoRequests(sql, { caseId });
  const rows = (await sql<Row[]>`${SELECT(sql)} where q.case_id = ${caseId} order by q.event_id`).map((r) => toInfoRequest(r));
  const files = await filesOf(sql, rows.map((r) => r.id));
  return rows.map((q) => toView(q, files.filter((f) => f.infoRequestId === q.id)));
}

export function toView(q: InfoRequest, files: InfoFile[]): InfoRequestView {
  return {
    id: q.id,
    caseId: q.caseId,
    reference: q.reference,
    officeName: q.officeName,
    message: q.message,
    requestedDocuments: q.requestedDocuments,
    askedAt: q.askedAt.toISOString(),
    expiresAt: q.expiresAt.toISOString(),
    answeredAt: q.answeredAt?.toISOString() ?? null,
    answerText: q.answerText,
    answeredVia: q.answeredVia,
    files: files.map(({ storageKey: _k, infoRequestId: _i, ...f }) => f),
  };
}
