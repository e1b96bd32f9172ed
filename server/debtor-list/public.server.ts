import { stringify } from "csv-stringify/sync";
import type { PendingQuery, Row } from "postgres";
import type { Sql } from "../db";
import { csvCell } from "../inbox";
import type { Cursor, PublicQuery } from "./schemas";

// The public list (docs/decisions/072-debtor-list.md): anyone, no account. Only the fields Circular 04/2023
// art. 4 lists and the publishing office are selected here — never ID numbers, notes, staff or dates of the
// office's work — so no page, CSV or JSON can show more. A row is on the list while it is not removed and its
// publication period has not passed *today*: an expired entry is gone the moment it expires, before any task.

export const PUBLIC_PAGE_SIZE = 20;

/** The open-data field names (JSON keys) in order, with their Vietnamese CSV headers. */
export const OPEN_DATA_FIELDS = [
  ["name", "Họ và tên người phải thi hành án"],
  ["address", "Địa chỉ"],
  ["judgment", "Bản án, quyết định"],
  ["enforcementDecision", "Quyết định thi hành án"],
  ["obligation", "Nghĩa vụ chưa thi hành"],
  ["reason", "Lý do chưa có điều kiện thi hành"],
  ["office", "Cơ quan thi hành án dân sự"],
  ["province", "Tỉnh, thành phố"],
] as const;

export type PublicEntry = { id: string; name: string; address: string; judgment: string; enforcementDecision: string; obligation: string; reason: string; office: string; province: string };
type DbRow = { id: string; name: string; address: string; judgment: string; enforcement_decision: string; obligation: string; reason: string; office: string; province: string; search_name: string; suffix: string | null };

type Fragment = PendingQuery<Row[]>;

/** The conditions every public read shares: current, within its publication period today, then the filters. */
function conditions(sql: Sql, query: Pick<PublicQuery, "office" | "province">, today: string): Fragment {
  const parts: Fragment[] = [sql`e.removed_at is null`, sql`e.published_until >= ${today}::date`];
  if (query.office) parts.push(sql`e.agency_id = ${query.office}::uuid`);
  if (query.province) parts.push(sql`e.province_id = ${query.province}::uuid`);
  return parts.reduce((acc, p) => sql`${acc} and ${p}`);
}

const COLUMNS = (sql: Sql) => sql`
  e.id, e.debtor_name as name, e.debtor_address as address, e.judgment, e.enforcement_decision, e.obligation, e.reason,
  a.name as office, p.name as province, e.search_name`;

/**
 * The SQL of one public page (not yet run): the bench EXPLAINs and times exactly this. Without a name: the
 * entries in name order (keyset on search_name, id). With one: the word-starts of names that begin with it
 * (debtor_list_search, a range of an ordered index; keyset on suffix, search_name, id), each checked against
 * its entry (removed, past its period) — "nguyen van an" and "van an" both find "Nguyễn Văn An".
 */
export function publicPageQuery(sql: Sql, { query, today, limit = PUBLIC_PAGE_SIZE + 1 }: { query: PublicQuery; today: string; limit?: number }) {
  if (!query.needle) {
    const after = query.after?.length === 2 ? sql`and (e.search_name, e.id) > (${query.after[0]}, ${query.after[1]}::uuid)` : sql``;
    return sql<DbRow[]>`
      select ${COLUMNS(sql)}, null as suffix
      from debtor_list_entries e join agencies a on a.id = e.agency_id join agencies p on p.id = e.province_id
      where ${conditions(sql, query, today)} ${after}
      order by e.search_name, e.id
      limit ${limit}`;
  }
  const filters: Fragment[] = [sql`s.suffix >= ${query.needle}`, sql`s.suffix < ${`${query.needle}~`}`];
  if (query.office) filters.push(sql`s.agency_id = ${query.office}::uuid`);
  if (query.province) filters.push(sql`s.province_id = ${query.province}::uuid`);
  if (query.after?.length === 3) filters.push(sql`(s.suffix, s.search_name, s.entry_id) > (${query.after[0]}, ${query.after[1]}, ${query.after[2]}::uuid)`);
  return sql<DbRow[]>`
    select ${COLUMNS(sql)}, s.suffix
    from debtor_list_search s join debtor_list_entries e on e.id = s.entry_id
      join agencies a on a.id = e.agency_id join agencies p on p.id = e.province_id
    where ${filters.reduce((acc, p) => sql`${acc} and ${p}`)} and ${conditions(sql, { office: null, province: null }, today)}
    order by s.suffix, s.search_name, s.entry_id
    limit ${limit}`;
}

const toPublic = (r: DbRow): PublicEntry => ({
  id: r.id, name: r.name, address: r.address, judgment: r.judgment, enforcementDecision: r.enforcement_decision,
  obligation: r.obligation, reason: r.reason, office: r.office, province: r.province,
});

/** One page of the public list in name order, keyset-paged (never OFFSET): the rows and the cursor key of the next page. */
export async function searchPublic(sql: Sql, { query, today }: { query: PublicQuery; today: string }): Promise<{ rows: PublicEntry[]; next: Cursor | null }> {
  const rows = await publicPageQuery(sql, { query, today });
  const page = rows.slice(0, PUBLIC_PAGE_SIZE);
  const last = page[page.length - 1];
  if (!(rows.length > PUBLIC_PAGE_SIZE && last)) return { rows: page.map(toPublic), next: null };
  return { rows: page.map(toPublic), next: last.suffix !== null ? [last.suffix, last.search_name, last.id] : [last.search_name, last.id] };
}

/** The provinces (the public filter's first choice). */
export function publicProvinces(sql: Sql) {
  return sql<{ id: string; name: string }[]>`select id, name from agencies where active and level = 'province' order by name`;
}

/** The offices of one province (the office filter, shown once a province is chosen: ~20 options, not 700). */
export function publicOfficesOf(sql: Sql, provinceId: string) {
  return sql<{ id: string; name: string }[]>`select id, name from agencies where active and parent_id = ${provinceId}::uuid order by name`;
}

const BATCH = 500;

/**
 * The whole current list as open data, streamed from a cursor (a few hundred rows at a time): CSV with a BOM,
 * Vietnamese headers, every cell's leading = + - @ neutralised (server/inbox's csvCell); or a JSON array of
 * objects with the OPEN_DATA_FIELDS names.
 */
export function openDataStream(sql: Sql, { format, today }: { format: "csv" | "json"; today: string }): ReadableStream<Uint8Array> {
  const cursor = sql<DbRow[]>`
    select ${COLUMNS(sql)}
    from debtor_list_entries e join agencies a on a.id = e.agency_id join agencies p on p.id = e.province_id
    where ${conditions(sql, { office: null, province: null }, today)}
    order by e.search_name, e.id`.cursor(BATCH);
  const iterator = cursor[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const csv = (rows: string[][], bom: boolean) => stringify(rows.map((r) => r.map(csvCell)), { bom, quoted: true, quoted_empty: true, record_delimiter: "\r\n" });
  let started = false;
  let count = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        let out = "";
        if (!started) {
          started = true;
          out += format === "csv" ? csv([OPEN_DATA_FIELDS.map((f) => f[1])], true) : "[";
        }
        if (done) {
          if (format === "json") out += count ? "\n]\n" : "]\n";
          if (out) controller.enqueue(encoder.encode(out));
          controller.close();
          return;
        }
        const entries = (value as DbRow[]).map(toPublic);
        if (format === "csv") out += csv(entries.map((e) => OPEN_DATA_FIELDS.map(([k]) => e[k])), false);
        else {
          for (const e of entries) {
            const obj = Object.fromEntries(OPEN_DATA_FIELDS.map(([k]) => [k, e[k]]));
            out += `${count ? "," : ""}\n${JSON.stringify(obj)}`;
            count++;
          }
        }
        controller.enqueue(encoder.encode(out));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
