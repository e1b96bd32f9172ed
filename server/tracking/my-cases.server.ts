import type { Sql } from "../db";
import { CASE_TYPES, caseTypeById, normaliseReference, partyCaseSummaries, partyCaseView, type PartyCaseSummary, type PartyCaseView } from "../cases";
import { openInfoRequestsForCitizen } from "../answers";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import { isUuid } from "../../vocabulary/identity";

/**
 * My cases (issue 13 item 2, ADR 067): what is the signed-in citizen's own — the cases whose filing party is
 * their account (cases.citizen_id, joined at sign-in by a verified address or e-ID), the payments made with
 * their verified address and the receipts of those payments, and the decision documents of the public
 * events of their cases. Every query here names the citizen in its WHERE: there is no "by id" without it,
 * so another citizen's case, document or payment is simply not found (the same 404 as one that does not exist).
 */

export const CASES_PAGE_SIZE = 20;
export const PAYMENTS_SHOWN = 50;
export const DOCUMENTS_SHOWN = 50;

/** The keyset of the case list: (received_at, id) of the last case shown, as one opaque URL-safe token. */
export function caseCursor(receivedAt: string | Date, id: string): string {
  return Buffer.from(`${new Date(receivedAt).toISOString()}|${id}`, "utf8").toString("base64url");
}

/** A cursor as the URL carries it, or null for anything malformed (the list then starts at the top). */
export function readCaseCursor(value: string | null | undefined): { receivedAt: Date; id: string } | null {
  if (!value || value.length > 120 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const receivedAt = new Date(at ?? "");
  if (!isUuid(id) || Number.isNaN(receivedAt.getTime())) return null;
  return { receivedAt, id };
}

/** The (case type, state) pairs in which the filing party must act (each case type's partyActionStates). */
function actionPairs(): [string, string][] {
  return CASE_TYPES.flatMap((t) => ((t.partyActionStates ?? []) as readonly string[]).map((s) => [t.id, s] as [string, string]));
}

export type MyPayment = {
  txnRef: string;
  noticeNumber: string;
  amount: number;
  state: string;
  noticeStatus: string;
  dueDate: string;
  createdAt: string;
  paidAt: string | null;
  receipt: { code: string; number: string; status: string; issuedAt: string } | null;
};

export type MyDocument = { reference: string; seq: number; event: string; content: string; at: string };

export type MyCasesPage = {
  action: {
    cases: PartyCaseSummary[];
    questions: { id: string; reference: string; office: string; expiresAt: string }[];
    unpaid: { noticeNumber: string; amount: number; dueDate: string }[];
  };
  cases: PartyCaseSummary[];
  /** The cursor of the next page of cases, null on the last. */
  next: string | null;
  /** True when this is not the first page. */
  paged: boolean;
  payments: MyPayment[];
  documents: MyDocument[];
};

export async function myCasesPage(sql: Sql, { citizenId, cursor }: { citizenId: string; cursor: string | null }): Promise<MyCasesPage> {
  const after = readCaseCursor(cursor);
  const pairs = actionPairs();
  const [pageRows, actionRows, questions, payments, documents] = await Promise.all([
    sql<{ id: string; received_at: Date }[]>`
      select id, received_at from cases
      where citizen_id = ${citizenId} ${after ? sql`and (received_at, id) < (${after.receivedAt}, ${after.id}::uuid)` : sql``}
      order by received_at desc, id desc limit ${CASES_PAGE_SIZE + 1}`,
    pairs.length
      ? sql<{ id: string }[]>`
          select id from cases
          where citizen_id = ${citizenId} and (case_type || ':' || state) = any(${pairs.map((p) => `${p[0]}:${p[1]}`)}::text[])
          order by updated_at desc, id desc limit 50`
      : Promise.resolve([] as { id: string }[]),
    openInfoRequestsForCitizen(sql, { citizenId }),
    myPayments(sql, { citizenId }),
    myDocuments(sql, { citizenId }),
  ]);
  const shown = pageRows.slice(0, CASES_PAGE_SIZE);
  const last = shown[shown.length - 1];
  const [cases, actionCases] = await Promise.all([partyCaseSummaries(sql, shown.map((r) => r.id)), partyCaseSummaries(sql, actionRows.map((r) => r.id))]);
  const unpaid = new Map<string, { noticeNumber: string; amount: number; dueDate: string }>();
  for (const p of payments) if (p.noticeStatus === "unpaid" && !unpaid.has(p.noticeNumber)) unpaid.set(p.noticeNumber, { noticeNumber: p.noticeNumber, amount: p.amount, dueDate: p.dueDate });
  return {
    action: {
      cases: actionCases,
      questions: questions.map((q) => ({ id: q.id, reference: q.reference, office: q.officeName, expiresAt: q.expiresAt.toISOString() })),
      unpaid: [...unpaid.values()],
    },
    cases,
    next: pageRows.length > CASES_PAGE_SIZE && last ? caseCursor(last.received_at, last.id) : null,
    paged: after !== null,
    payments,
    documents,
  };
}

/**
 * Payments made with the citizen's verified address (case-insensitive), newest first, with the receipt of
 * each (a receipt links to its own page, paths.receipt(code)). A citizen without an address has none.
 */
export async function myPayments(sql: Sql, { citizenId }: { citizenId: string }): Promise<MyPayment[]> {
  const rows = await sql<
    {
      txn_ref: string;
      notice_number: string;
      amount: string;
      state: string;
      notice_status: string;
      due_date: string;
      created_at: Date;
      pay_date: Date | null;
      receipt_code: string | null;
      receipt_number: string | null;
      receipt_status: string | null;
      receipt_issued_at: Date | null;
    }[]
  >`
    select a.txn_ref, n.notice_number, a.amount::text, a.state::text, n.status::text as notice_status, to_char(n.due_date, 'YYYY-MM-DD') as due_date,
      a.created_at, a.pay_date, r.code as receipt_code, r.symbol || '-' || lpad(r.number::text, 7, '0') as receipt_number,
      r.status::text as receipt_status, r.issued_at as receipt_issued_at
    from citizens ci
    join payment_attempts a on lower(a.email) = lower(ci.email)
    join fee_notices n on n.id = a.notice_id
    left join lateral (select * from receipts x where x.attempt_id = a.id order by x.issued_at desc limit 1) r on true
    where ci.id = ${citizenId} and ci.email is not null
    order by a.created_at desc, a.id desc limit ${PAYMENTS_SHOWN}`;
  return rows.map((r) => ({
    txnRef: r.txn_ref,
    noticeNumber: r.notice_number,
    amount: Number(r.amount),
    state: r.state,
    noticeStatus: r.notice_status,
    dueDate: r.due_date,
    createdAt: r.created_at.toISOString(),
    paidAt: r.pay_date?.toISOString() ?? null,
    receipt: r.receipt_code
      ? { code: r.receipt_code, number: r.receipt_number ?? "", status: r.receipt_status ?? "valid", issuedAt: r.receipt_issued_at!.toISOString() }
      : null,
  }));
}

/** Events of a case type that produce a decision document and are public (only those the party may download). */
function publicDocumentEvents(caseType: string): string[] {
  const events = caseTypeById(caseType).events as Record<string, { public?: boolean; document?: string } | undefined>;
  return Object.keys(events).filter((e) => events[e]?.public && events[e]?.document);
}

/** The issued decision documents of the public events of the citizen's cases, newest first. */
export async function myDocuments(sql: Sql, { citizenId }: { citizenId: string }): Promise<MyDocument[]> {
  const rows = await sql<{ reference: string; case_type: string; seq: number; event: string; at: Date }[]>`
    select c.reference, c.case_type, e.seq, e.event, e.at
    from cases c
    join case_events e on e.case_id = c.id and e.public
    join stored_documents d on d.kind = 'case-document' and d.owner_id = c.id and d.version = e.seq and d.locale = 'vi'
    where c.citizen_id = ${citizenId}
    order by e.at desc, e.id desc limit ${DOCUMENTS_SHOWN}`;
  return rows
    .filter((r) => publicDocumentEvents(r.case_type).includes(r.event))
    .map((r) => ({ reference: r.reference, seq: r.seq, event: r.event, content: caseTypeById(r.case_type).content, at: r.at.toISOString() }));
}

/** The citizen's own case by its reference, or null — the same null for someone else's case and for none. */
export type OwnCase = { id: string; agencyId: string; caseType: string; submissionId: string; reference: string; caseNumber: string | null; notify: boolean };

export async function myCaseId(sql: Sql, { citizenId, reference }: { citizenId: string; reference: string | undefined }): Promise<OwnCase | null> {
  const ref = normaliseReference(reference ?? "");
  if (ref.length < 1 || ref.length > 40) return null;
  const [row] = await sql<{ id: string; agency_id: string; case_type: string; submission_id: string; reference: string; case_number: string | null; notify_applicant: boolean }[]>`
    select id, agency_id, case_type, submission_id, reference, case_number, notify_applicant from cases where reference = ${ref} and citizen_id = ${citizenId}`;
  return row
    ? { id: row.id, agencyId: row.agency_id, caseType: row.case_type, submissionId: row.submission_id, reference: row.reference, caseNumber: row.case_number, notify: row.notify_applicant }
    : null;
}

/** Whether the case's procedure keeps a PDF of what was filed that its party may download (the enforcement request does). */
export const hasFilingPdf = (caseType: string) => caseType === ENFORCEMENT_REQUEST_CASE.id;

export type MyCaseDocument = { seq: number; event: string; document: string; at: string; issued: boolean };

export type MyCaseView = PartyCaseView & { notify: boolean; documents: MyCaseDocument[]; applicantEmail: string | null; filingPdf: boolean };

/**
 * One case of the citizen as they see it: the party view (ADR 065) with the filing party's own name in full
 * (they are that party: they proved more than the lookup pair), the other party still masked; the decision
 * documents of its public events; and their e-mail choice.
 */
export async function myCaseView(sql: Sql, { citizenId, reference, at = new Date() }: { citizenId: string; reference: string | undefined; at?: Date }): Promise<MyCaseView | null> {
  const own = await myCaseId(sql, { citizenId, reference });
  if (!own) return null;
  const documentEvents = publicDocumentEvents(own.caseType);
  const [view, [names], docs] = await Promise.all([
    partyCaseView(sql, { caseId: own.id, at }),
    sql<{ applicant_name: string; applicant_email: string | null }[]>`select applicant_name, applicant_email from cases where id = ${own.id} and citizen_id = ${citizenId}`,
    documentEvents.length
      ? sql<{ seq: number; event: string; at: Date; issued: boolean }[]>`
          select e.seq, e.event, e.at, exists (select 1 from stored_documents d where d.kind = 'case-document' and d.owner_id = e.case_id and d.version = e.seq and d.locale = 'vi') as issued
          from case_events e where e.case_id = ${own.id} and e.public and e.event = any(${documentEvents}::text[])
          order by e.seq desc`
      : Promise.resolve([] as { seq: number; event: string; at: Date; issued: boolean }[]),
  ]);
  if (!view || !names) return null;
  const events = caseTypeById(own.caseType).events as Record<string, { document?: string } | undefined>;
  return {
    ...view,
    applicantName: names.applicant_name,
    applicantEmail: names.applicant_email,
    notify: own.notify,
    filingPdf: hasFilingPdf(own.caseType),
    documents: docs.map((d) => ({ seq: d.seq, event: d.event, document: events[d.event]!.document!, at: d.at.toISOString(), issued: d.issued })),
  };
}

/** The event of the citizen's own case that issued a decision document the party may download, or null. */
export async function myCaseDocumentEvent(
  sql: Sql,
  { citizenId, reference, seq }: { citizenId: string; reference: string | undefined; seq: number },
): Promise<{ case: OwnCase; eventId: number; document: string } | null> {
  const own = await myCaseId(sql, { citizenId, reference });
  if (!own) return null;
  const allowed = publicDocumentEvents(own.caseType);
  if (!allowed.length) return null;
  const [e] = await sql<{ id: number; event: string }[]>`
    select id, event from case_events where case_id = ${own.id} and seq = ${seq} and public and event in ${sql(allowed)}`;
  if (!e) return null;
  const events = caseTypeById(own.caseType).events as Record<string, { document?: string } | undefined>;
  return { case: own, eventId: Number(e.id), document: events[e.event]!.document! };
}

/** Turns the e-mails about the citizen's own case on or off; false when it is not theirs (nothing written). */
export async function setMyCaseNotify(sql: Sql, { citizenId, caseId, notify }: { citizenId: string; caseId: string; notify: boolean }): Promise<boolean> {
  const [row] = await sql`update cases set notify_applicant = ${notify} where id = ${caseId} and citizen_id = ${citizenId} returning id`;
  return Boolean(row);
}
