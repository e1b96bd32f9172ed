/**
 * Bench data for the inbox (issue 12, docs/decisions/061-the-inbox.md): N cases (default 1,000,000) across
 * 700 offices, in a migrated database.
 *
 *   DATABASE_URL=postgres://… npx tsx scripts/generate-cases.ts [N] [--offices=700] [--access-codes]
 *
 * Each generated case is an enforcement request's case row (`cases`, reference BG-2026-nnnnnnn, no filed
 * request behind it: the inbox reads only `cases`): a realistic Vietnamese applicant and debtor built from
 * name arrays, an ID number, a state mix (received 30 %, awaiting the citizen 10 %, accepted 20 %, refused
 * 10 %, officer assigned 20 %, closed 10 %), a receipt time spread over two years (newest = the highest
 * number), a due date on open cases. The 700 offices are created when missing (GEN-P01 … GEN-P35 provinces
 * under the central department, 20 regional offices each, GEN-P01-KV01 …). It is all `insert … select
 * generate_series` in SQL, in batches of 100,000; the diacritic-free `search_text` is built from name parts
 * normalised once in TypeScript with the portal's own normaliseForSearch (so the generator cannot disagree
 * with the inbox's query). Run again, it adds N more after the highest number already there.
 * About a minute per million rows on a laptop (the trigram index is most of it).
 *
 * `--access-codes` (the status lookup's bench, ADR 066) also gives every case a lookup pair: its reference and
 * a deterministic code per row, `benchAccessCode(i)` (16 hex digits of md5('bench-code:' || i), upper case),
 * whose digest is computed in SQL as accessCodeHash computes it in TypeScript:
 * sha256(convert_to('access:' || code, 'UTF8')) (tested in server/cases/lookup-web.server.test.tsx).
 */
import { pathToFileURL } from "node:url";
import crypto from "node:crypto";
import postgres from "postgres";
import { normaliseForSearch } from "../server/cases/browser";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Quốc", "Hữu", "Thanh", "Kim", "Xuân", "Hoài"];
const GIVEN = [
  "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo",
  "Trang", "Tuấn", "Việt", "Yến", "Hương", "Khánh", "Long", "Nga", "Phúc", "Tâm", "Thắng", "Vinh", "Oanh",
];
const COMPANIES = ["Công ty TNHH Minh Phát", "Công ty Cổ phần Đại Việt", "Ngân hàng TMCP Sài Gòn", "Công ty TNHH Thương mại Hòa Bình", "Hợp tác xã Tân Tiến"];

export const PROVINCES = 35;
export const OFFICES_PER_PROVINCE = 20;

/** The generated offices (created when missing), in code order. */
export async function benchOffices(sql: postgres.Sql, count = PROVINCES * OFFICES_PER_PROVINCE): Promise<string[]> {
  let [root] = await sql<{ id: string }[]>`select id from agencies where parent_id is null order by created_at limit 1`;
  if (!root) [root] = await sql<{ id: string }[]>`insert into agencies (code, name, level) values ('CUC-QLTHADS', 'Cục Quản lý thi hành án dân sự', 'central') returning id`;
  const provinces = Math.ceil(count / OFFICES_PER_PROVINCE);
  await sql`
    insert into agencies (code, name, level, parent_id)
    select 'GEN-P' || lpad(p::text, 2, '0'), 'Thi hành án dân sự tỉnh thử nghiệm ' || p, 'province', ${root!.id}
    from generate_series(1, ${provinces}) p
    on conflict (code) do nothing`;
  await sql`
    insert into agencies (code, name, level, parent_id)
    select 'GEN-P' || lpad(p::text, 2, '0') || '-KV' || lpad(k::text, 2, '0'),
      'Phòng Thi hành án dân sự khu vực ' || k || ' – tỉnh thử nghiệm ' || p, 'district', pr.id
    from generate_series(1, ${provinces}) p cross join generate_series(1, ${OFFICES_PER_PROVINCE}) k
    join agencies pr on pr.code = 'GEN-P' || lpad(p::text, 2, '0')
    on conflict (code) do nothing`;
  const rows = await sql<{ id: string }[]>`select id from agencies where code like 'GEN-P%-KV%' order by code limit ${count}`;
  return rows.map((r) => r.id);
}

/** The access code of generated case number `i` (BG-2026-<i>) when made with `accessCodes` (the SQL below computes the same). */
export function benchAccessCode(i: number): string {
  return crypto.createHash("md5").update(`bench-code:${i}`).digest("hex").slice(0, 16).toUpperCase();
}

/** The reference of generated case number `i`. */
export const benchReference = (i: number) => `BG-2026-${String(i).padStart(7, "0")}`;

/** Adds `n` generated cases (with lookup pairs when `accessCodes`); returns how many generated cases there are now. */
export async function generateCases(
  sql: postgres.Sql,
  n: number,
  { offices = PROVINCES * OFFICES_PER_PROVINCE, batch = 100_000, log = (_: string) => {}, accessCodes = false } = {},
): Promise<number> {
  const officeIds = await benchOffices(sql, offices);
  const [last] = await sql<{ start: number }[]>`
    select coalesce(max(substring(reference from 9)::int), 0)::int as start from cases where reference like 'BG-2026-%'`;
  const start = last!.start;
  const fam = FAMILY, famN = FAMILY.map(normaliseForSearch);
  const mid = MIDDLE, midN = MIDDLE.map(normaliseForSearch);
  const giv = GIVEN, givN = GIVEN.map(normaliseForSearch);
  const com = COMPANIES, comN = COMPANIES.map(normaliseForSearch);
  const spanSeconds = 2 * 365 * 86_400;
  const total = start + n;
  for (let from = start + 1; from <= total; from += batch) {
    const to = Math.min(total, from + batch - 1);
    const t0 = Date.now();
    // Name parts picked from a hash of i (deterministic, evenly spread); arrays are 1-based in SQL.
    await sql`
      with h as (
        -- A well-mixed hash per row (md5), so that names do not follow the office (i mod the office count).
        select i, ('x' || substr(md5(i::text), 1, 15))::bit(60)::bigint as h from generate_series(${from}::bigint, ${to}::bigint) i
      ), g as (
        select i,
          (1 + h % ${fam.length})::int as f, (1 + (h / 16) % ${mid.length})::int as m, (1 + (h / 256) % ${giv.length})::int as v,
          (1 + (h / 65536) % ${fam.length})::int as f2, (1 + (h / 1048576) % ${giv.length})::int as v2, (1 + (h / 33554432) % ${com.length})::int as co,
          (h / 1073741824) % 100 as roll,
          lpad(((h / 7) % 1000000000000)::text, 12, '0') as id_number
        from h
      ), named as (
        select g.*, 'BG-2026-' || lpad(i::text, 7, '0') as reference,
          (${fam}::text[])[f] || ' ' || (${mid}::text[])[m] || ' ' || (${giv}::text[])[v] as applicant,
          (${famN}::text[])[f] || ' ' || (${midN}::text[])[m] || ' ' || (${givN}::text[])[v] as applicant_n,
          case when roll % 3 = 0 then (${com}::text[])[co] else (${fam}::text[])[f2] || ' ' || (${giv}::text[])[v2] end as other,
          case when roll % 3 = 0 then (${comN}::text[])[co] else (${famN}::text[])[f2] || ' ' || (${givN}::text[])[v2] end as other_n,
          case when roll < 30 then 'received' when roll < 40 then 'awaitingCitizen' when roll < 60 then 'accepted'
               when roll < 70 then 'refused' when roll < 90 then 'officerAssigned' else 'closed' end as state,
          now() - make_interval(secs => ((${total}::bigint - i) * ${spanSeconds}::bigint / ${total}::bigint)::double precision) as received_at
        from g
      )
      insert into cases (case_type, submission_id, reference, agency_id, state, applicant_name, other_party_name, search_text,
                         received_at, updated_at, closed_at, next_due_on, access_code_hash)
      select 'enforcement-request', gen_random_uuid(), reference, (${officeIds}::uuid[])[(1 + i % ${officeIds.length})::int], state, applicant, other,
        lower(replace(reference, '-', ' ')) || ' | ' || applicant_n || ' | ' || id_number || ' | ' || other_n,
        received_at, received_at,
        case when state in ('refused', 'closed') then received_at + interval '5 days' end,
        case when state in ('received', 'awaitingCitizen', 'accepted') then (received_at at time zone 'Asia/Ho_Chi_Minh')::date + 7 end,
        case when ${accessCodes}::boolean then sha256(convert_to('access:' || upper(substr(md5('bench-code:' || i), 1, 16)), 'UTF8')) end
      from named`;
    log(`cases ${from}–${to} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  // As a live table is: vacuumed (visibility map set for index-only scans, the trigram index's pending list
  // merged) and analysed; otherwise autovacuum would do it during the measurement.
  await sql`vacuum analyze cases`;
  return total;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL: the (migrated) database to fill");
  const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const officesArg = process.argv.find((a) => a.startsWith("--offices="));
  const offices = officesArg ? Number(officesArg.slice("--offices=".length)) : PROVINCES * OFFICES_PER_PROVINCE;
  const accessCodes = process.argv.includes("--access-codes");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const t0 = Date.now();
  try {
    const total = await generateCases(sql, n, { offices, accessCodes, log: (l) => process.stdout.write(`${l}\n`) });
    process.stdout.write(`${n} cases added across ${offices} offices (${total} generated in all) in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
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
