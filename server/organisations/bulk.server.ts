import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Pool, Sql } from "../db";
import { audit } from "../audit";
import { partyCaseSummaries, verifyLookupPairs, type PartyCaseSummary } from "../cases";
import { csvCell } from "../inbox";
import { take } from "../http";
import type { Locale } from "../../vocabulary/i18n/config";
import { resources } from "../../vocabulary/i18n/resources.server";
import { formatDate } from "../../vocabulary/format";
import { followCases } from "./cases.server";
import type { Actor } from "./membership.server";

/**
 * The bulk lookup (ADR 069): an organisation's member uploads a CSV of lookup pairs (reference + access
 * code) and gets, for each line, what the pair proves — the case as its parties see it — or one same
 * "not found" for a wrong reference and a wrong code. The file is bounded (BULK_MAX_BYTES, BULK_MAX_ROWS),
 * checked as UTF-8 text (with or without BOM, `,` or `;`), its header read in Vietnamese or by an alias.
 * The result is kept BULK_TTL_MINUTES under a random id with the organisation's id in every WHERE, so the
 * result page and its CSV are plain links; only references and the cases they opened are kept, never codes.
 */

export const BULK_MAX_ROWS = 10_000;
/** 10,000 lines of a 40-character reference and a 19-character code fit with room to spare. */
export const BULK_MAX_BYTES = 2 * 1024 * 1024;
export const BULK_TTL_MINUTES = 60;
/** Runs per organisation per hour (every member's together). */
export const BULK_RUNS_PER_HOUR = 30;
const CHUNK = 500;

export type BulkFileProblem = "empty" | "notCsv" | "columns" | "tooBig" | "tooManyRows";

export type BulkPair = { line: number; reference: string; accessCode: string };

/** A header cell as compared: no diacritics, đ → d, lower case, letters and digits only. */
export function headerKey(cell: string): string {
  return cell
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const REFERENCE_HEADERS = new Set(["mahoso", "sohoso", "mathamchieu", "mayeucau", "reference", "ref", "casereference", "referencenumber"]);
const CODE_HEADERS = new Set(["matracuu", "matruycap", "mabimat", "accesscode", "code", "lookupcode", "trackingcode"]);

/**
 * The pairs of an uploaded file, or why it cannot be read. Binary files (a NUL byte, bytes that are not
 * UTF-8) are "notCsv"; a header without both columns is "columns"; no data line is "empty".
 */
export function readBulkFile(bytes: Uint8Array): { ok: true; pairs: BulkPair[] } | { ok: false; problem: BulkFileProblem } {
  if (bytes.byteLength === 0) return { ok: false, problem: "empty" };
  if (bytes.byteLength > BULK_MAX_BYTES) return { ok: false, problem: "tooBig" };
  if (bytes.includes(0)) return { ok: false, problem: "notCsv" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problem: "notCsv" };
  }
  text = text.replace(/^\uFEFF/, "");
  if (!text.trim()) return { ok: false, problem: "empty" };
  const headerLine = text.slice(0, text.search(/\r?\n|\r|$/));
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: { line: number; cells: string[] }[] = [];
  let previousEnd = 0;
  try {
    parse(text, {
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      to: BULK_MAX_ROWS + 2,
      on_record: (cells: string[], { lines }: { lines: number }) => {
        records.push({ line: previousEnd + 1, cells });
        previousEnd = lines;
        return null;
      },
    });
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, problem: "notCsv" };
    throw e;
  }
  records = records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [header, ...rows] = records;
  if (!header) return { ok: false, problem: "empty" };
  const keys = header.cells.map(headerKey);
  const refAt = keys.findIndex((k) => REFERENCE_HEADERS.has(k));
  const codeAt = keys.findIndex((k) => CODE_HEADERS.has(k));
  if (refAt < 0 || codeAt < 0) return { ok: false, problem: "columns" };
  if (rows.length === 0) return { ok: false, problem: "empty" };
  if (rows.length > BULK_MAX_ROWS) return { ok: false, problem: "tooManyRows" };
  return {
    ok: true,
    pairs: rows.map((r) => ({ line: r.line, reference: (r.cells[refAt] ?? "").trim().slice(0, 60), accessCode: (r.cells[codeAt] ?? "").trim().slice(0, 64) })),
  };
}

export type BulkRunRow = { line: number; reference: string; caseId: string | null };

/**
 * Runs the pairs (in chunks of CHUNK through verifyLookupPairs), follows the found ones when asked, keeps
 * the result and audits the run with its counts. Rate-limited per organisation.
 */
export async function runBulkLookup(
  sql: Pool,
  { organisationId, pairs, follow }: { organisationId: string; pairs: readonly BulkPair[]; follow: boolean },
  actor: Actor,
): Promise<{ ok: true; runId: string; found: number; notFound: number; followed: number } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number }> {
  const taken = await take(sql, [{ key: `org-bulk:${organisationId}`, policy: { kind: "cap", limit: BULK_RUNS_PER_HOUR, windowSeconds: 3600 }, onSuccess: "keep" }]);
  if (!taken.ok) return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  const rows: BulkRunRow[] = [];
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const chunk = pairs.slice(i, i + CHUNK);
    const ids = await verifyLookupPairs(sql, chunk);
    chunk.forEach((p, j) => rows.push({ line: p.line, reference: p.reference, caseId: ids[j] ?? null }));
  }
  const foundIds = rows.flatMap((r) => (r.caseId ? [r.caseId] : []));
  const found = rows.filter((r) => r.caseId).length;
  return sql.begin(async (tx) => {
    await tx`delete from organisation_bulk_runs where expires_at < now()`;
    const followed = follow ? await followCases(tx, { organisationId, caseIds: foundIds }, actor) : 0;
    const [run] = await tx<{ id: string }[]>`
      insert into organisation_bulk_runs (organisation_id, citizen_id, rows, found, not_found, followed, expires_at)
      values (${organisationId}, ${actor.citizenId}, ${tx.json(rows as never)}, ${found}, ${rows.length - found}, ${followed},
        now() + make_interval(mins => ${BULK_TTL_MINUTES}))
      returning id`;
    await audit(tx, {
      actorType: "citizen",
      actorId: actor.citizenId,
      action: "organisation.bulk-lookup",
      targetType: "organisation",
      targetId: organisationId,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      details: { runId: run!.id, rows: rows.length, found, notFound: rows.length - found, followed },
    });
    return { ok: true as const, runId: run!.id, found, notFound: rows.length - found, followed };
  });
}

export type BulkResultRow = { line: number; reference: string; found: PartyCaseSummary | null };
export type BulkRun = {
  id: string;
  createdAt: string;
  expiresAt: string;
  found: number;
  notFound: number;
  followed: number;
  /** Every line of the run. */
  total: number;
  /** Where `rows` start among them (0 unless a slice was asked for). */
  offset: number;
  rows: BulkResultRow[];
};

/** Lines per page of the result table (the CSV has them all). */
export const BULK_PAGE_ROWS = 500;

/**
 * A kept run of the organisation (null: another organisation's, expired, or none); `slice` keeps only
 * those lines (the result page), whose cases alone are read.
 */
export async function bulkRun(
  sql: Sql,
  { organisationId, runId, slice }: { organisationId: string; runId: string; slice?: { offset: number; limit: number } },
): Promise<BulkRun | null> {
  if (!/^[0-9a-f-]{36}$/i.test(runId)) return null;
  const [run] = await sql<{ id: string; rows: BulkRunRow[]; found: number; not_found: number; followed: number; created_at: Date; expires_at: Date }[]>`
    select id, rows, found, not_found, followed, created_at, expires_at from organisation_bulk_runs
    where id = ${runId} and organisation_id = ${organisationId} and expires_at > now()`;
  if (!run) return null;
  const offset = slice ? Math.max(0, Math.min(slice.offset, Math.max(0, run.rows.length - 1))) : 0;
  const lines = slice ? run.rows.slice(offset, offset + slice.limit) : run.rows;
  const summaries = await partyCaseSummaries(sql, lines.flatMap((r) => (r.caseId ? [r.caseId] : [])));
  const byId = new Map(summaries.map((s) => [s.caseId, s]));
  return {
    id: run.id,
    createdAt: run.created_at.toISOString(),
    expiresAt: run.expires_at.toISOString(),
    found: run.found,
    notFound: run.not_found,
    followed: run.followed,
    total: run.rows.length,
    offset,
    rows: lines.map((r) => ({ line: r.line, reference: r.reference, found: r.caseId ? (byId.get(r.caseId) ?? null) : null })),
  };
}

/** A word of the dictionary by its dotted path (a case type's state words live under its content section). */
function wordAt(resource: unknown, path: string): string | null {
  const v = path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), resource);
  return typeof v === "string" ? v : null;
}

/** The result as CSV: UTF-8 with a BOM, headers in the locale's words, every cell's formula neutralised. */
export function bulkCsv(run: BulkRun, locale: Locale): string {
  const r = resources[locale];
  const words = r.organisations.bulk;
  const header = [words.csv.line, words.csv.reference, words.csv.result, words.csv.state, words.csv.office, words.csv.officer, words.csv.caseNumber, words.csv.lastEvent];
  const body = run.rows.map((row) => {
    const f = row.found;
    if (!f) return [String(row.line), row.reference, words.notFound, "", "", "", "", ""];
    return [
      String(row.line),
      f.reference,
      words.found,
      wordAt(r, `${f.content}.states.${f.state}`) ?? f.state,
      f.office.name,
      f.officerName ?? "",
      f.caseNumber ?? "",
      f.lastEvent ? formatDate(f.lastEvent.at, locale) : "",
    ];
  });
  return stringify([header, ...body].map((cells) => cells.map(csvCell)), { bom: true, quoted: true, quoted_empty: true, record_delimiter: "\r\n" });
}
