import { stringify } from "csv-stringify/sync";
import type { Sql } from "../db";
import type { Locale } from "../../vocabulary/i18n/config";
import { resources } from "../../vocabulary/i18n/resources.server";
import { formatDateTime } from "../../vocabulary/format";
import { caseConditions } from "./list.server";
import { dueSoonUntil, vietnamDay, type InboxCalendar } from "./days.server";
import type { InboxQuery } from "./query";

/** Rows fetched per round trip while streaming an export. */
const BATCH = 500;

const COLUMNS = ["reference", "type", "state", "applicant", "otherParty", "office", "receivedAt", "dueOn", "caseNumber", "externalCaseNumber", "assignee", "officer"] as const;

type ExportRow = {
  id: string;
  reference: string;
  case_type: string;
  state: string;
  applicant_name: string;
  other_party_name: string | null;
  agency_code: string;
  agency_name: string;
  received_at: Date;
  next_due_on: string | null;
  case_number: string | null;
  external_case_number: string | null;
  assignee_name: string | null;
  officer_name: string | null;
};

/** A cell as text, spreadsheet formulas neutralised: a leading = + - @ (or tab / CR) gets a quote mark. */
export function csvCell(value: string | null | undefined): string {
  const text = value ?? "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function rowsOf(sql: Sql, { staffId, scope, query, today, soonUntil }: { staffId: string; scope: readonly string[]; query: InboxQuery; today: string; soonUntil: string }) {
  return sql<ExportRow[]>`
    select c.id, c.reference, c.case_type, c.state, c.applicant_name, c.other_party_name, a.code as agency_code, a.name as agency_name,
      c.received_at, c.next_due_on::text as next_due_on, c.case_number, c.external_case_number,
      s.full_name as assignee_name, o.full_name as officer_name
    from cases c join agencies a on a.id = c.agency_id
      left join staff s on s.id = c.assignee_id left join staff o on o.id = c.officer_id
    where ${caseConditions(sql, { staffId, scope, query, today, soonUntil })}
    order by c.received_at desc, c.id desc`.cursor(BATCH);
}

/**
 * The export of every case matching the inbox's filters (same conditions, same scope), streamed: CSV with a
 * BOM, headers in the locale's words (Vietnamese by default) and formulas neutralised, or a JSON array.
 */
export function exportStream(
  sql: Sql,
  { staffId, scope, query, calendar, format, locale, now = new Date() }: { staffId: string; scope: readonly string[]; query: InboxQuery; calendar: InboxCalendar; format: "csv" | "json"; locale: Locale; now?: Date },
): ReadableStream<Uint8Array> {
  const today = vietnamDay(now);
  const soonUntil = dueSoonUntil(calendar, today);
  const words = resources[locale].inbox;
  const encoder = new TextEncoder();
  const iterator = rowsOf(sql, { staffId, scope: scope.length ? scope : ["00000000-0000-0000-0000-000000000000"], query, today, soonUntil })[Symbol.asyncIterator]();
  let started = false;
  let count = 0;
  const typeWord = (t: string) => (words.types as Record<string, string>)[t] ?? t;
  const stateWord = (s: string) => (words.states as Record<string, string>)[s] ?? s;
  const csv = (rows: string[][], bom: boolean) => stringify(rows.map((r) => r.map(csvCell)), { bom, quoted: true, quoted_empty: true, record_delimiter: "\r\n" });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        let out = "";
        if (!started) {
          started = true;
          out += format === "csv" ? csv([COLUMNS.map((c) => words.export.columns[c])], true) : "[";
        }
        if (done) {
          if (format === "json") out += "\n]\n";
          if (out) controller.enqueue(encoder.encode(out));
          controller.close();
          return;
        }
        if (format === "csv") {
          out += csv(
            value.map((r) => [
              r.reference, typeWord(r.case_type), stateWord(r.state), r.applicant_name, r.other_party_name ?? "", r.agency_name,
              formatDateTime(r.received_at, locale), r.next_due_on ?? "", r.case_number ?? "", r.external_case_number ?? "", r.assignee_name ?? "", r.officer_name ?? "",
            ]),
            false,
          );
        } else {
          for (const r of value) {
            out += `${count++ === 0 ? "" : ","}\n${JSON.stringify({
              id: r.id, reference: r.reference, caseType: r.case_type, state: r.state, applicantName: r.applicant_name, otherPartyName: r.other_party_name,
              agencyCode: r.agency_code, agencyName: r.agency_name, receivedAt: r.received_at.toISOString(), dueOn: r.next_due_on,
              caseNumber: r.case_number, externalCaseNumber: r.external_case_number, assigneeName: r.assignee_name, officerName: r.officer_name,
            })}`;
          }
        }
        controller.enqueue(encoder.encode(out));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
