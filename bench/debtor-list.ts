/**
 * Debtor-list scenario for `npm run bench` (bench/run.ts picks up bench/<area>.ts; `BENCH_ONLY=debtor-list
 * npm run bench` runs it alone): the public list `/danh-sach-chua-co-dieu-kien-thi-hanh` through HTTP, no
 * account, with BENCH_DEBTOR_ENTRIES (default 500,000) entries over 700 offices made by
 * scripts/generate-debtor-list.ts: a full name typed without diacritics ("nguyen van an"), a common family
 * name alone ("nguyen", one entry in 16), a given name from its word ("van an"), one office, one province,
 * and an office with a name. Target (issue 13): p99 < 100 ms for each, printed as PASS / MISS beside the
 * ceilings run.ts prints (bare Node, the empty Remix page). Each row's note has the plan of the very SQL the
 * page runs (publicPageQuery, EXPLAIN ANALYZE): the indexes it uses and its time in the database.
 */
import postgres from "postgres";
import { load, type BenchRow } from "./lib";
import { clearGeneratedEntries, generateDebtorList } from "../scripts/generate-debtor-list";
import { normaliseForSearch } from "../server/cases/browser";
import { parsePublicQuery, publicPageQuery } from "../server/debtor-list";
import { vnDay } from "../server/deadlines";

type Ctx = { baseUrl: string; databaseUrl: string; duration: number; connections: number };

const ENTRIES = Number(process.env.BENCH_DEBTOR_ENTRIES ?? 500_000);
const PATH = "/danh-sach-chua-co-dieu-kien-thi-hanh";

async function plan(sql: postgres.Sql, search: string): Promise<string> {
  const { query } = parsePublicQuery(new URLSearchParams(search), normaliseForSearch);
  const rows = await sql<{ "QUERY PLAN": string }[]>`explain (analyze, costs off, timing off) ${publicPageQuery(sql, { query, today: vnDay(new Date()) })}`;
  const text = rows.map((r) => r["QUERY PLAN"]).join("\n");
  const indexes = [...new Set([...text.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using (\w+)|Bitmap Index Scan on (\w+))/g)].map((m) => (m[1] ?? m[2])!))];
  const seq = /Seq Scan on debtor_list/.test(text);
  const time = text.match(/Execution Time: ([\d.]+) ms/)?.[1];
  return `plan: ${seq ? "SEQ SCAN! " : ""}${indexes.join(", ") || "no index"}; SQL ${time ?? "?"} ms`;
}

export default async function run(ctx: Ctx): Promise<BenchRow[]> {
  const sql = postgres(ctx.databaseUrl, { max: 2, onnotice: () => {} });
  try {
    const t0 = Date.now();
    await clearGeneratedEntries(sql);
    await generateDebtorList(sql, ENTRIES, { log: (l) => process.stdout.write(`  debtor-list: ${l}\n`) });
    const made = `${ENTRIES.toLocaleString("en")} entries generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`;
    process.stdout.write(`  debtor-list: ${made}\n`);
    const [office] = await sql<{ id: string; parent_id: string }[]>`select id, parent_id from agencies where code = 'GEN-P07-KV03'`;
    const searches: [string, string][] = [
      ["name 'nguyen van an' (no diacritics)", "q=nguyen+van+an"],
      ["family name 'nguyen' (1 in 16)", "q=nguyen"],
      ["from a word 'van an'", "q=van+an"],
      ["one office", `office=${office!.id}`],
      ["one province", `province=${office!.parent_id}`],
      ["office + 'nguyen'", `q=nguyen&office=${office!.id}`],
    ];
    const rows: BenchRow[] = [];
    const lines: string[] = [];
    for (const [what, search] of searches) {
      const url = `${ctx.baseUrl}${PATH}?${search}`;
      const check = await fetch(url, { headers: { "accept-language": "vi" } });
      const html = await check.text();
      // Every shape finds generated entries at the default size (a small BENCH_DEBTOR_ENTRIES may leave the narrowest empty).
      if (check.status !== 200 || (ENTRIES >= 100_000 && !html.includes("BG-DL-"))) throw new Error(`bench: ${url} answered ${check.status} without generated entries`);
      const note = await plan(sql, search);
      for (const connections of [1, ctx.connections]) {
        const opts = { url, duration: Math.min(ctx.duration, 30), connections, headers: { "accept-language": "vi" } };
        await load("warm-up", { ...opts, duration: 2 });
        const who = connections === 1 ? "one visitor" : `${connections} concurrent`;
        const row = await load(`GET ${PATH} ${what}, ${ENTRIES.toLocaleString("en")} entries, ${who}`, opts);
        const ok = row.p99 < 100;
        row.note = `${ok ? "PASS" : "MISS"} p99 < 100 ms; ${note}`;
        lines.push(`  ${ok ? "PASS" : "MISS"}  ${row.name}: p99 ${row.p99} ms (target < 100 ms)`);
        rows.push(row);
      }
    }
    process.stdout.write(`\ndebtor-list targets (issue 13; ${made}):\n${lines.join("\n")}\n`);
    return rows;
  } finally {
    await sql.end();
  }
}
