/**
 * Inbox scenario for `npm run bench` (bench/run.ts picks up bench/<area>.ts; `BENCH_ONLY=inbox npm run bench`
 * runs it alone): the inbox's first page and a diacritic-free name search, through HTTP as a signed-in clerk
 * of one of 700 offices, first with 10,000 cases (over 7 offices, so that the clerk's office holds as many
 * cases as at the big size and the page is the same), then with BENCH_INBOX_CASES (default 1,000,000,
 * over 700 offices) made by scripts/generate-cases.ts. Targets (issue 12): p99 < 100 ms, and the big figure ≤ 1.5× the 10k one;
 * printed as PASS / MISS. Each query's plan (EXPLAIN ANALYZE of the very SQL the page runs, built by
 * caseListQuery) is checked for the indexes it should use and summarised in the row's note.
 */
import postgres from "postgres";
import { load, type BenchRow } from "./lib";
import { benchOffices, generateCases } from "../scripts/generate-cases";
import { createSession, createStaff, SESSION_COOKIE } from "../server/accounts";
import { caseListQuery, parseInboxQuery, scopeOf } from "../server/inbox";
import { loadCalendar } from "../server/deadlines";
import { normaliseForSearch } from "../server/cases/browser";

type Ctx = { baseUrl: string; databaseUrl: string; duration: number; connections: number };

const SMALL = 10_000;
const BIG = Number(process.env.BENCH_INBOX_CASES ?? 1_000_000);

async function plan(sql: postgres.Sql, staffId: string, search: string): Promise<string> {
  const calendar = await loadCalendar(sql);
  const { query } = parseInboxQuery(new URLSearchParams(search));
  const scope = await scopeOf(sql, staffId);
  const { statement } = caseListQuery(sql, { staffId, scope, query, calendar });
  const rows = await sql<{ "QUERY PLAN": string }[]>`explain (analyze, costs off, timing off) ${statement}`;
  const text = rows.map((r) => r["QUERY PLAN"]).join("\n");
  const indexes = [...new Set([...text.matchAll(/(?:(?:Index Scan|Index Only Scan)(?: Backward)? using (\w+)|Bitmap Index Scan on (\w+))/g)].map((m) => (m[1] ?? m[2])!))];
  const seq = /Seq Scan on cases/.test(text);
  const time = text.match(/Execution Time: ([\d.]+) ms/)?.[1];
  return `plan: ${seq ? "SEQ SCAN on cases! " : ""}${indexes.join(", ") || "no index"}; SQL ${time ?? "?"} ms`;
}

/**
 * Four rows per size: the first page and the search, each as one clerk sees it (one connection: the
 * latency of a request on an otherwise idle process) and under BENCH_CONNECTIONS concurrent requests on
 * the one web process (the page is CPU-bound: its p99 there is the queue of ten renders).
 */
async function measure(ctx: Ctx, label: string, cookie: string, sql: postgres.Sql, staffId: string, needle: string): Promise<BenchRow[]> {
  const headers = { cookie, "accept-language": "vi" };
  const firstUrl = `${ctx.baseUrl}/staff/cases`;
  const searchUrl = `${ctx.baseUrl}/staff/cases?q=${encodeURIComponent(needle)}`;
  for (const url of [firstUrl, searchUrl]) {
    const check = await fetch(url, { headers });
    const html = await check.text();
    if (check.status !== 200 || !html.includes("BG-2026-")) throw new Error(`bench: ${url} answered ${check.status} without generated cases`);
  }
  const rows: BenchRow[] = [];
  for (const [what, url, search] of [
    ["first page", firstUrl, ""],
    [`?q=${needle} (no diacritics)`, searchUrl, `q=${encodeURIComponent(needle)}`],
  ] as const) {
    const note = await plan(sql, staffId, search);
    for (const connections of [1, ctx.connections]) {
      const opts = { duration: Math.min(ctx.duration, 30), connections, headers };
      await load("warm-up", { url, ...opts, duration: 2 });
      const who = connections === 1 ? "one clerk" : `${connections} concurrent`;
      rows.push({ ...(await load(`GET /staff/cases ${what}, ${label} cases, ${who}`, { url, ...opts })), note });
    }
  }
  return rows;
}

export default async function run(ctx: Ctx): Promise<BenchRow[]> {
  const sql = postgres(ctx.databaseUrl, { max: 2, onnotice: () => {} });
  try {
    const t0 = Date.now();
    await sql`delete from cases where reference like 'BG-2026-%'`;
    const [office] = await benchOffices(sql);
    const staffId = await createStaff(sql, { email: `bench-clerk-${Date.now()}@thads.local`, fullName: "Cán bộ Đo Tải", password: "Bench#Clerk2026", roles: [{ role: "clerk", agencyId: office! }] });
    const { token } = await createSession(sql, { staffId });
    const cookie = `${SESSION_COOKIE}=${token}`;
    // The same page at both sizes: at 10,000 the cases go to 7 offices (≈ 1,430 each, as at 1,000,000 over
    // 700), so the clerk's first page has its 50 rows in both runs and only the table's size differs.
    const SMALL_OFFICES = Math.max(1, Math.round((SMALL * 700) / BIG));
    await generateCases(sql, SMALL, { offices: SMALL_OFFICES });
    process.stdout.write(`  inbox: ${SMALL} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    // A name of the clerk's office, typed without diacritics (the same search at both sizes).
    const [someone] = await sql<{ applicant_name: string }[]>`select applicant_name from cases where agency_id = ${office!} order by received_at desc limit 1`;
    // Family and middle name ("nguyen van"): found in the office at both sizes (≈ 1 in 190 of its cases).
    const needle = normaliseForSearch(someone!.applicant_name).split(" ").slice(0, 2).join(" ");
    const small = await measure(ctx, "10,000", cookie, sql, staffId, needle);
    const t1 = Date.now();
    await sql`delete from cases where reference like 'BG-2026-%'`;
    await generateCases(sql, BIG, { log: (l) => process.stdout.write(`  inbox: ${l}\n`) });
    const made = `${BIG.toLocaleString("en")} cases generated in ${((Date.now() - t1) / 1000).toFixed(0)} s`;
    process.stdout.write(`  inbox: ${made}\n`);
    const big = await measure(ctx, BIG.toLocaleString("en"), cookie, sql, staffId, needle);
    const mark = (ok: boolean) => (ok ? "PASS" : "MISS");
    const lines: string[] = [];
    for (let i = 0; i < small.length; i++) {
      const s = small[i]!;
      const b = big[i]!;
      const ratio = s.p99 > 0 ? b.p99 / s.p99 : 1;
      b.note = `${mark(b.p99 < 100)} p99 < 100 ms; ${mark(ratio <= 1.5)} ${ratio.toFixed(2)}× the 10k p99 (≤ 1.5×); ${b.note}`;
      s.note = `${mark(s.p99 < 100)} p99 < 100 ms; ${s.note}`;
      lines.push(`  ${mark(b.p99 < 100)}  ${b.name}: p99 ${b.p99} ms (target < 100 ms)`, `  ${mark(ratio <= 1.5)}  ${b.name}: ${ratio.toFixed(2)}× the p99 with 10,000 cases (target ≤ 1.5×)`);
    }
    process.stdout.write(`\ninbox targets (issue 12; ${made}):\n${lines.join("\n")}\n`);
    return [...small, ...big];
  } finally {
    await sql.end();
  }
}
