import crypto from "node:crypto";
import type { Pool, Sql } from "../db";
import { audit } from "../audit";
import {
  clientKey,
  DEFAULT_RATE_LIMITS,
  policies,
  settle,
  take,
  type RateLimited,
  type RateLimitSettings,
} from "../http";
import { checkPayerId, isUuid } from "../../vocabulary/identity";
import { CsvSyntaxError, parseCsvRecords, type CsvRecord } from "./csv";
import { agenciesInScope, courtIdByCode, courtIdsByCode, scopedAgencies, actsAt } from "../agencies/index";
import { CSV_COLUMNS, NoticeInputSchema, type NoticeInput } from "./schemas";

export { CSV_COLUMNS };

/** Fee notices (thông báo nộp tiền tạm ứng án phí): created by staff (form, CSV) and courts (API). */

export type NoticeSource = "form" | "csv" | "court_api" | "seed";

export type Notice = {
  id: string;
  notice_number: string;
  court_id: string;
  court_name: string;
  court_document_number: string | null;
  case_reference: string;
  payer_name: string;
  payer_id_kind: "cccd" | "tax";
  payer_id_number: string;
  payer_address: string;
  amount: number;
  due_date: string;
  agency_id: string;
  agency_name: string;
  agency_address: string | null;
  status: "unpaid" | "paid" | "cancelled";
  paid_at: Date | null;
  source: NoticeSource;
  created_at: Date;
};

const NOTICE_COLUMNS = (sql: Sql) => sql`
  n.id, n.notice_number, n.court_id, c.name as court_name, n.court_document_number, n.case_reference, n.payer_name,
  n.payer_id_kind, n.payer_id_number, n.payer_address, n.amount, to_char(n.due_date, 'YYYY-MM-DD') as due_date,
  n.agency_id, a.name as agency_name, a.address as agency_address, n.status, n.paid_at, n.source, n.created_at`;

/** TB-<year>-<7 random digits>: short enough to read out on the phone, not a counter. */
export function newNoticeNumber(now = new Date()): string {
  const digits = String(crypto.randomInt(0, 10_000_000)).padStart(7, "0");
  return `TB-${now.getUTCFullYear()}-${digits}`;
}

/** Inserts a validated notice; the number is drawn until it is free. */
export async function insertNotice(
  sql: Sql,
  input: NoticeInput & { courtId: string; agencyId: string; source: NoticeSource; createdBy?: string | null; noticeNumber?: string },
): Promise<{ id: string; noticeNumber: string }> {
  const kind = checkPayerId(input.payerIdNumber);
  if (!kind.ok) throw new Error("payer id must be validated first");
  for (let attempt = 0; attempt < 10; attempt++) {
    const number = input.noticeNumber ?? newNoticeNumber();
    const rows = await sql<{ id: string }[]>`
      insert into fee_notices (notice_number, court_id, court_document_number, case_reference, payer_name, payer_id_kind,
        payer_id_number, payer_address, amount, due_date, agency_id, source, created_by)
      values (${number}, ${input.courtId}, ${input.courtDocumentNumber || null}, ${input.caseReference}, ${input.payerName},
        ${kind.kind}, ${kind.value}, ${input.payerAddress}, ${input.amount}, ${input.dueDate}, ${input.agencyId},
        ${input.source}, ${input.createdBy ?? null})
      on conflict (notice_number) do nothing
      returning id`;
    if (rows[0]) return { id: rows[0].id, noticeNumber: number };
    if (input.noticeNumber) break;
  }
  throw new Error("could not draw a free notice number");
}

/** The offices where this staff member is an accountant (checked in SQL, never from the form). */
export async function accountantAgencies(sql: Sql, { staffId }: { staffId: string }) {
  return agenciesInScope(sql, { staffId, roles: ["accountant"] });
}

export type CreateByStaffResult =
  | { ok: true; id: string; noticeNumber: string }
  | { ok: false; field: "courtCode" | "agencyId"; error: string };

/** An accountant records a court's notice for their own collecting office. Audited. */
export async function createNoticeByStaff(
  sql: Pool,
  input: NoticeInput & { agencyId: string },
  actor: { staffId: string; ip: string | null; requestId: string | null },
): Promise<CreateByStaffResult> {
  return sql.begin(async (tx) => {
    const allowed = await actsAt(tx, { staffId: actor.staffId, agencyId: input.agencyId, roles: ["accountant"] });
    if (!allowed) return { ok: false as const, field: "agencyId" as const, error: "payments.errors.agencyRequired" };
    const courtId = await courtIdByCode(tx, input.courtCode);
    if (!courtId) return { ok: false as const, field: "courtCode" as const, error: "payments.errors.courtUnknown" };
    const created = await insertNotice(tx, { ...input, courtId, source: "form", createdBy: actor.staffId });
    await audit(tx, {
      actorType: "staff",
      actorId: actor.staffId,
      agencyId: input.agencyId,
      action: "fee_notice.create",
      targetType: "fee_notice",
      targetId: created.id,
      ip: actor.ip,
      requestId: actor.requestId,
      details: { noticeNumber: created.noticeNumber, amount: input.amount, courtCode: input.courtCode },
    });
    return { ok: true as const, ...created };
  });
}

const CSV_FIELD: Record<(typeof CSV_COLUMNS)[number], keyof NoticeInput> = {
  court_code: "courtCode",
  court_document_number: "courtDocumentNumber",
  case_reference: "caseReference",
  payer_name: "payerName",
  payer_id_number: "payerIdNumber",
  payer_address: "payerAddress",
  amount: "amount",
  due_date: "dueDate",
};
export const CSV_MAX_ROWS = 2000;

/** One problem in an import: the line (1 = header), the column and an i18n key. */
export type CsvProblem = { line: number; column: string | null; error: string };
export type ImportResult = { ok: true; created: { id: string; noticeNumber: string }[] } | { ok: false; problems: CsvProblem[] };

/**
 * Imports a CSV of notices into the accountant's office: every row is checked first, and nothing is
 * imported if any row is wrong (the answer lists each problem by line and column). Audited once.
 */
export async function importNoticesCsv(
  sql: Pool,
  { csv, agencyId }: { csv: string; agencyId: string },
  actor: { staffId: string; ip: string | null; requestId: string | null },
): Promise<ImportResult> {
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(csv);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { ok: false, problems: [{ line: e.line, column: null, error: "payments.import.errors.quote" }] };
    throw e;
  }
  const rows = records.map((r) => r.cells);
  const problems: CsvProblem[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (!rows.length || missing.length) {
    return { ok: false, problems: [{ line: 1, column: missing.join(", ") || null, error: "payments.import.errors.header" }] };
  }
  if (rows.length < 2) return { ok: false, problems: [{ line: 1, column: null, error: "payments.import.errors.empty" }] };
  if (rows.length - 1 > CSV_MAX_ROWS) return { ok: false, problems: [{ line: 1, column: null, error: "payments.import.errors.tooMany" }] };

  const courts = await courtIdsByCode(sql);
  const valid: (NoticeInput & { courtId: string })[] = [];
  records.slice(1).forEach(({ cells, line }) => {
    // An unquoted "1,250,000" in a comma-separated file splits into three cells: say so, not "wrong date".
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== "")) {
      problems.push({ line, column: null, error: "payments.import.errors.extraCells" });
      return;
    }
    const record: Record<string, string> = {};
    CSV_COLUMNS.forEach((c) => (record[CSV_FIELD[c]] = (cells[header.indexOf(c)] ?? "").trim()));
    const parsed = NoticeInputSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        const column = CSV_COLUMNS.find((c) => CSV_FIELD[c] === field) ?? null;
        problems.push({ line, column, error: issue.message });
      }
      return;
    }
    const courtId = courts.get(parsed.data.courtCode.toUpperCase());
    if (!courtId) {
      problems.push({ line, column: "court_code", error: "payments.errors.courtUnknown" });
      return;
    }
    valid.push({ ...parsed.data, courtId });
  });
  if (problems.length) return { ok: false, problems };
  if (!isUuid(agencyId)) return { ok: false, problems: [{ line: 1, column: null, error: "payments.errors.agencyRequired" }] };

  return sql.begin(async (tx) => {
    const allowed = await actsAt(tx, { staffId: actor.staffId, agencyId, roles: ["accountant"] });
    if (!allowed) return { ok: false as const, problems: [{ line: 1, column: null, error: "payments.errors.agencyRequired" }] };
    const created = [];
    for (const row of valid) created.push(await insertNotice(tx, { ...row, agencyId, source: "csv", createdBy: actor.staffId }));
    await audit(tx, {
      actorType: "staff",
      actorId: actor.staffId,
      agencyId,
      action: "fee_notice.import_csv",
      targetType: "fee_notice",
      ip: actor.ip,
      requestId: actor.requestId,
      details: { count: created.length, noticeNumbers: created.map((c) => c.noticeNumber) },
    });
    return { ok: true as const, created };
  });
}

/** The notices of the offices where this staff member is an accountant (the filter is in SQL). */
export async function listNoticesForAccountant(sql: Sql, { staffId, limit = 100 }: { staffId: string; limit?: number }) {
  return sql<Notice[]>`
    select ${NOTICE_COLUMNS(sql)}
    from fee_notices n join courts c on c.id = n.court_id join agencies a on a.id = n.agency_id
    where n.agency_id in (${scopedAgencies(sql, staffId, ["accountant"])})
    order by n.created_at desc limit ${limit}`;
}

export async function getNotice(sql: Sql, { id }: { id: string }): Promise<Notice | null> {
  const [row] = await sql<Notice[]>`
    select ${NOTICE_COLUMNS(sql)}
    from fee_notices n join courts c on c.id = n.court_id join agencies a on a.id = n.agency_id
    where n.id = ${id}`;
  return row ?? null;
}

export type LookupResult = { ok: true; notice: Notice } | { ok: false; reason: "not-found" } | RateLimited;

/**
 * A citizen finds a notice with its number and the payer's ID number. A wrong pair, an unknown number
 * and a cancelled notice all give the same answer. Only failed lookups count (docs/decisions/042-rate-limits.md):
 * per notice number a few, then a wait that doubles up to RATE_LIMIT_MAX_DELAY_SECONDS (all the real payer
 * may have to wait, whoever guessed); per client address a longer one. A found notice resets its number.
 */
export async function findNoticeForPayer(
  sql: Pool,
  { noticeNumber, idNumber, ip, limits }: { noticeNumber: string; idNumber: string; ip: string | null; limits?: RateLimitSettings },
): Promise<LookupResult> {
  const policy = policies(limits ?? DEFAULT_RATE_LIMITS);
  const taken = await take(sql, [
    { key: `notice-lookup:number:${noticeNumber}`, policy: policy.subject, onSuccess: "reset" },
    { key: clientKey("notice-lookup", ip), policy: policy.client, onSuccess: "refund" },
  ]);
  if (!taken.ok) return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  const [row] = await sql<Notice[]>`
    select ${NOTICE_COLUMNS(sql)}
    from fee_notices n join courts c on c.id = n.court_id join agencies a on a.id = n.agency_id
    where n.notice_number = ${noticeNumber} and n.payer_id_number = ${idNumber} and n.status <> 'cancelled'`;
  if (!row) return { ok: false, reason: "not-found" };
  await settle(sql, taken.ticket);
  return { ok: true, notice: row };
}
