/**
 * Status lookup scenario for `npm run bench` (issue 13, docs/decisions/066-status-lookup.md; `BENCH_ONLY=lookup
 * npm run bench` runs it alone): the lookup form posted without JavaScript (`POST /tra-cuu`, reference +
 * access code, the whole HTML page of the case back) through HTTP, with 10,000 cases in the database and
 * then with BENCH_LOOKUP_CASES (default 2,500,000), in one run. The cases come from scripts/generate-cases.ts
 * with `accessCodes` (a known code per row), generated once: 10,000, measured, then the rest added. Each
 * size is measured as one visitor sees it (one connection) and under BENCH_CONNECTIONS concurrent requests,
 * each request a different case picked across the whole table. Target (issue 13): the big p99 ≤ 1.2× the
 * 10,000 one, printed as PASS / MISS beside the empty-Remix and bare-Node ceilings of the same run.
 *
 * A last row compares a wrong reference with a wrong code (same-time property): the server function the
 * page calls (rate-limit counters, then the pair check) timed in this process, interleaved, each call from
 * its own address so that no limit is reached; p50 / p99 of both, at the big size.
 */
import postgres from "postgres";
import { load, type BenchRow } from "./lib";
import { benchAccessCode, benchReference, generateCases } from "../scripts/generate-cases";
import { lookUpPair } from "../server/cases";

type Ctx = { baseUrl: string; databaseUrl: string; duration: number; connections: number; ceilings?: { bare: BenchRow; remix: BenchRow } };

const SMALL = 10_000;
const BIG = Number(process.env.BENCH_LOOKUP_CASES ?? 2_500_000);
/** Distinct cases each load run cycles through (spread over the whole range of generated numbers). */
const SAMPLE = 2_000;

async function plan(sql: postgres.Sql, reference: string): Promise<string> {
  // The pair check's own query (server/cases/access.server.ts verifyLookupPair).
  const rows = await sql<{ "QUERY PLAN": string }[]>`explain (analyze, costs off, timing off) select id, access_code_hash from cases where reference = ${reference}`;
  const text = rows.map((r) => r["QUERY PLAN"]).join("\n");
  const index = /Index (?:Only )?Scan using (\w+)/.exec(text)?.[1];
  const time = text.match(/Execution Time: ([\d.]+) ms/)?.[1];
  return `plan: ${/Seq Scan/.test(text) ? "SEQ SCAN! " : ""}${index ?? "no index"}; SQL ${time ?? "?"} ms`;
}

/** `SAMPLE` numbers of generated cases, spread evenly over 1 … total (a different case per request). */
function sample(first: number, total: number): number[] {
  const step = Math.max(1, Math.floor((total - first + 1) / SAMPLE));
  const out: number[] = [];
  for (let i = first; i <= total && out.length < SAMPLE; i += step) out.push(i);
  return out;
}

const body = (i: number) => new URLSearchParams({ reference: benchReference(i), accessCode: benchAccessCode(i) }).toString();

async function measure(ctx: Ctx, label: string, sql: postgres.Sql, first: number, total: number): Promise<BenchRow[]> {
  const url = `${ctx.baseUrl}/tra-cuu`;
  const headers = { "content-type": "application/x-www-form-urlencoded", origin: new URL(ctx.baseUrl).origin, "accept-language": "vi" };
  const numbers = sample(first, total);
  const check = await fetch(url, { method: "POST", headers, body: body(numbers[numbers.length - 1]!) });
  const html = await check.text();
  if (check.status !== 200 || !html.includes(benchReference(numbers[numbers.length - 1]!))) throw new Error(`bench: POST /tra-cuu answered ${check.status} without the case`);
  const note = await plan(sql, benchReference(numbers[Math.floor(numbers.length / 2)]!));
  const requests = numbers.map((i) => ({ method: "POST" as const, path: "/tra-cuu", headers, body: body(i) }));
  const rows: BenchRow[] = [];
  for (const connections of [1, ctx.connections]) {
    const opts = { url, duration: Math.min(ctx.duration, 30), connections, requests };
    await load("warm-up", { ...opts, duration: 2 });
    const who = connections === 1 ? "one visitor" : `${connections} concurrent`;
    rows.push({ ...(await load(`POST /tra-cuu (lookup, no JS), ${label} cases, ${who}`, opts)), note });
  }
  return rows;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Wrong reference vs wrong code through the page's server function (counters + pair check), interleaved. */
async function sameTime(databaseUrl: string, total: number): Promise<BenchRow> {
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
  const rounds = 1_500;
  const wrongRef: number[] = [];
  const wrongCode: number[] = [];
  try {
    const time = async (reference: string, accessCode: string, ip: string) => {
      const t0 = process.hrtime.bigint();
      const r = await lookUpPair(sql as never, { reference, accessCode, ip });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.ok || r.reason !== "not-found") throw new Error(`bench: a wrong pair answered ${JSON.stringify(r)}`);
      return ms;
    };
    for (let k = 0; k < rounds; k++) {
      const i = 1 + ((k * 7919) % total); // an existing case, a different one each round
      const ip = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      const a = () => time(benchReference(total + 1 + k), benchAccessCode(i), ip(2 * k)); // no such reference
      const b = () => time(benchReference(i), benchAccessCode(i + 1), ip(2 * k + 1)); // the reference, a wrong code
      if (k % 2) {
        wrongRef.push(await a());
        wrongCode.push(await b());
      } else {
        wrongCode.push(await b());
        wrongRef.push(await a());
      }
    }
    await sql`delete from rate_limit_counters where key like 'case-lookup:%'`;
  } finally {
    await sql.end();
  }
  // The first rounds warm the connections up.
  const stats = (xs: number[]) => {
    const s = xs.slice(100).sort((x, y) => x - y);
    return { p50: Number(percentile(s, 50).toFixed(2)), p99: Number(percentile(s, 99).toFixed(2)) };
  };
  const r = stats(wrongRef);
  const c = stats(wrongCode);
  return {
    name: `wrong reference vs wrong code (lookUpPair in-process, ${total.toLocaleString("en")} cases)`,
    requests: 2 * rounds,
    rps: 0,
    p50: r.p50,
    p99: r.p99,
    errors: 0,
    note: `wrong reference p50 ${r.p50} ms p99 ${r.p99} ms; wrong code p50 ${c.p50} ms p99 ${c.p99} ms; p50 ratio ${(r.p50 / c.p50).toFixed(2)}`,
  };
}

export default async function run(ctx: Ctx): Promise<BenchRow[]> {
  const sql = postgres(ctx.databaseUrl, { max: 2, onnotice: () => {} });
  try {
    // Generated once per run: whatever an earlier scenario generated (the inbox's cases, without codes) goes first.
    const t0 = Date.now();
    await sql`delete from cases where reference like 'BG-2026-%'`;
    await sql`delete from rate_limit_counters where key like 'case-lookup:%'`;
    await generateCases(sql, SMALL, { offices: 7, accessCodes: true });
    process.stdout.write(`  lookup: ${SMALL.toLocaleString("en")} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    const small = await measure(ctx, "10,000", sql, 1, SMALL);
    const t1 = Date.now();
    const total = await generateCases(sql, BIG - SMALL, { accessCodes: true, log: (l) => process.stdout.write(`  lookup: ${l}\n`) });
    const made = `${total.toLocaleString("en")} cases (${(BIG - SMALL).toLocaleString("en")} generated in ${((Date.now() - t1) / 1000).toFixed(0)} s)`;
    process.stdout.write(`  lookup: ${made}\n`);
    await sql`delete from rate_limit_counters where key like 'case-lookup:%'`;
    const big = await measure(ctx, total.toLocaleString("en"), sql, 1, total);
    const timing = await sameTime(ctx.databaseUrl, total);
    const mark = (ok: boolean) => (ok ? "PASS" : "MISS");
    const lines: string[] = [];
    for (let i = 0; i < small.length; i++) {
      const s = small[i]!;
      const b = big[i]!;
      const ratio = s.p99 > 0 ? b.p99 / s.p99 : 1;
      b.note = `${mark(ratio <= 1.2)} ${ratio.toFixed(2)}× the 10k p99 (≤ 1.2×); ${b.note}`;
      lines.push(
        `  ${mark(ratio <= 1.2)}  ${b.name}: p99 ${b.p99} ms, ${ratio.toFixed(2)}× the p99 with 10,000 cases (${s.p99} ms; target ≤ 1.2×); ` +
          `p50 ${s.p50} → ${b.p50} ms (${(s.p50 > 0 ? b.p50 / s.p50 : 1).toFixed(2)}×), ${b.requests} requests`,
      );
    }
    if (ctx.ceilings) {
      const { bare, remix } = ctx.ceilings;
      lines.push(`  ceilings of this run: bare Node ${bare.rps} req/s p99 ${bare.p99} ms; empty Remix page ${remix.rps} req/s p99 ${remix.p99} ms`);
      for (const r of [...small, ...big]) r.note = `${(r.rps / remix.rps).toFixed(2)}× empty Remix req/s; ${r.note}`;
    }
    lines.push(`  ${timing.note}`);
    process.stdout.write(`\nlookup targets (issue 13; ${made}):\n${lines.join("\n")}\n`);
    return [...small, ...big, timing];
  } finally {
    await sql.end();
  }
}
