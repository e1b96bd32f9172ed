/**
 * Bench data for the public debtor list (issue 13 item 5, docs/decisions/072-debtor-list.md): N entries
 * (default 500,000) across the 700 generated offices of scripts/generate-cases.ts (GEN-P01 … GEN-P35
 * provinces, 20 offices each, created when missing), in a migrated database.
 *
 *   DATABASE_URL=postgres://… npx tsx scripts/generate-debtor-list.ts [N]
 *
 * Each entry is a row of debtor_list_entries without a case (case_id null; judgment "BG-DL-nnnnnnn …" marks
 * it as generated), with its word-start rows in debtor_list_search: a Vietnamese name from the same name arrays (family, middle, given: 5,376 names), an
 * address, judgment, enforcement decision, obligation and reason, a decision date spread over the last five
 * months (so every entry is within its publication period), the office and its province. One
 * `insert … select generate_series` per 100,000 rows; `search_name` is built from name parts normalised once
 * in TypeScript with the portal's own normaliseForSearch. Run again, it adds N more.
 * 500,000 entries (1.5 M search rows) took about 6 minutes on a shared 2-core machine (the indexes are most of it).
 */
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import { normaliseForSearch } from "../server/cases/browser";
import { benchOffices, OFFICES_PER_PROVINCE, PROVINCES } from "./generate-cases";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Quốc", "Hữu", "Thanh", "Kim", "Xuân", "Hoài"];
const GIVEN = [
  "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo",
  "Trang", "Tuấn", "Việt", "Yến", "Hương", "Khánh", "Long", "Nga", "Phúc", "Tâm", "Thắng", "Vinh", "Oanh",
];
const REASONS = [
  "Không có thu nhập hoặc có thu nhập chỉ bảo đảm cuộc sống tối thiểu, không có tài sản để thi hành án (điểm a khoản 1 Điều 44a)",
  "Có tài sản nhưng giá trị chỉ đủ chi phí cưỡng chế hoặc tài sản không được kê biên (điểm a khoản 1 Điều 44a)",
  "Chưa xác định được địa chỉ, nơi cư trú của người phải thi hành án (điểm c khoản 1 Điều 44a)",
];

/** Deletes the generated entries. */
export async function clearGeneratedEntries(sql: postgres.Sql): Promise<void> {
  await sql`delete from debtor_list_entries where case_id is null and judgment like 'BG-DL-%'`;
}

/** Adds `n` generated entries; returns how many generated entries there are now. */
export async function generateDebtorList(sql: postgres.Sql, n: number, { batch = 100_000, log = (_: string) => {} } = {}): Promise<number> {
  const officeIds = await benchOffices(sql, PROVINCES * OFFICES_PER_PROVINCE);
  const [last] = await sql<{ start: number }[]>`select count(*)::int as start from debtor_list_entries where case_id is null and judgment like 'BG-DL-%'`;
  const start = last!.start;
  const famN = FAMILY.map(normaliseForSearch), midN = MIDDLE.map(normaliseForSearch), givN = GIVEN.map(normaliseForSearch);
  const total = start + n;
  for (let from = start + 1; from <= total; from += batch) {
    const to = Math.min(total, from + batch - 1);
    const t0 = Date.now();
    await sql`
      with h as (
        select i, ('x' || substr(md5(i::text), 1, 15))::bit(60)::bigint as h from generate_series(${from}::bigint, ${to}::bigint) i
      ), g as (
        select i, (1 + h % ${FAMILY.length})::int as f, (1 + (h / 16) % ${MIDDLE.length})::int as m, (1 + (h / 256) % ${GIVEN.length})::int as v,
          (1 + (h / 65536) % ${REASONS.length})::int as r, (h / 1048576) % 150 as age, 1 + (h / 33554432) % 900 as amount,
          (${officeIds}::uuid[])[(1 + i % ${officeIds.length})::int] as agency_id
        from h
      )
      , ins as (
      insert into debtor_list_entries (agency_id, province_id, debtor_name, debtor_address, judgment, enforcement_decision, obligation, reason,
        decided_on, decision_basis, publish_by, published_until, search_name, created_at, updated_at)
      select g.agency_id, a.parent_id,
        (${FAMILY}::text[])[f] || ' ' || (${MIDDLE}::text[])[m] || ' ' || (${GIVEN}::text[])[v],
        'Số ' || (1 + i % 300) || ' đường thử nghiệm, ' || a.name,
        'BG-DL-' || lpad(i::text, 7, '0') || ' — Bản án ' || (i % 500) || '/2025/DS-ST của Tòa án nhân dân khu vực',
        'Quyết định thi hành án ' || (i % 900) || '/QĐ-THADS',
        'Trả ' || amount || '.000.000 ₫',
        (${REASONS}::text[])[r],
        current_date - age::int, 'Khoản 1 Điều 44a Luật Thi hành án dân sự',
        current_date - age::int + 7, (current_date - age::int) + interval '6 months',
        (${famN}::text[])[f] || ' ' || (${midN}::text[])[m] || ' ' || (${givN}::text[])[v],
        now() - make_interval(days => age::int), now() - make_interval(days => age::int)
      from g join agencies a on a.id = g.agency_id
      returning id, search_name, agency_id, province_id)
      -- The word-starts of each name (debtor_list_search), as server/debtor-list's nameSuffixes builds them.
      insert into debtor_list_search (entry_id, suffix, search_name, agency_id, province_id)
      select ins.id, array_to_string(x.w[k:], ' '), ins.search_name, ins.agency_id, ins.province_id
      from ins cross join lateral (select regexp_split_to_array(ins.search_name, ' ') as w) x cross join lateral generate_subscripts(x.w, 1) k`;
    log(`entries ${from}–${to} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  await sql`vacuum analyze debtor_list_entries`;
  await sql`vacuum analyze debtor_list_search`;
  return total;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL: the (migrated) database to fill");
  const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 500_000);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const t0 = Date.now();
  try {
    const total = await generateDebtorList(sql, n, { log: (l) => process.stdout.write(`${l}\n`) });
    process.stdout.write(`${n} debtor-list entries added (${total} generated in all) in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  } finally {
    await sql.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
