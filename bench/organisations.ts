/**
 * Organisations' bulk lookup for `npm run bench` (`BENCH_ONLY=organisations npm run bench`; ADR 069): a
 * signed-in member posts a CSV of BENCH_BULK_ROWS pairs (default 5,000; a tenth with a wrong code) to
 * `/to-chuc/:id/tra-cuu-hang-loat` through HTTP, BENCH_BULK_RUNS times one after another (default 10), then
 * opens the kept result page and downloads its CSV. Printed: the upload's p50/p99 (parse, verifyLookupPairs
 * in chunks of 500, follow, keep), the result page's and the CSV's, as milliseconds per request and rows/s.
 */
import crypto from "node:crypto";
import postgres from "postgres";
import type { BenchRow } from "./lib";
import { createSession, SESSION_COOKIE } from "../server/accounts";
import { makePairCases, randomAccessCode } from "../test/pair-cases";

type Ctx = { baseUrl: string; databaseUrl: string; duration: number; connections: number };

const ROWS = Number(process.env.BENCH_BULK_ROWS ?? 5_000);
const RUNS = Number(process.env.BENCH_BULK_RUNS ?? 10);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

function row(name: string, times: number[], errors: number, note: string): BenchRow {
  const total = times.reduce((a, b) => a + b, 0);
  return { name, requests: times.length, rps: Math.round((times.length / total) * 1000 * 10) / 10, p50: Math.round(pct(times, 50)), p99: Math.round(pct(times, 99)), errors, note };
}

export default async function run(ctx: Ctx): Promise<BenchRow[]> {
  const sql = postgres(ctx.databaseUrl, { max: 2, onnotice: () => {} });
  try {
    const prefix = `BB-${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
    const pairs = await makePairCases(sql, ROWS, { prefix });
    const [citizen] = await sql<{ id: string }[]>`insert into citizens (email) values (${`bench-org-${Date.now()}@example.vn`}) returning id`;
    const [org] = await sql<{ id: string }[]>`
      insert into organisations (name, tax_code, created_by) values ('Ngân hàng đo tải', ${String(crypto.randomInt(1e12, 9e12))}, ${citizen!.id}) returning id`;
    await sql`insert into organisation_members (organisation_id, citizen_id, role) values (${org!.id}, ${citizen!.id}, 'admin')`;
    const { token } = await createSession(sql as never, { citizenId: citizen!.id });
    const headers = { cookie: `${SESSION_COOKIE}=${token}`, origin: ctx.baseUrl, "sec-fetch-site": "same-origin", "accept-language": "vi" };
    const csv = `\uFEFFMã hồ sơ;Mã tra cứu\r\n${pairs.map((p, i) => `${p.reference};${i % 10 === 0 ? randomAccessCode() : p.accessCode}`).join("\r\n")}\r\n`;
    const url = `${ctx.baseUrl}/to-chuc/${org!.id}/tra-cuu-hang-loat`;
    const uploads: number[] = [];
    const pages: number[] = [];
    const csvs: number[] = [];
    let errors = 0;
    let location = "";
    for (let i = 0; i < RUNS; i++) {
      const form = new FormData();
      form.set("file", new File([csv], "ho-so.csv", { type: "text/csv" }));
      if (i === 0) form.set("follow", "1");
      const t0 = performance.now();
      const res = await fetch(url, { method: "POST", body: form, headers, redirect: "manual" });
      await res.arrayBuffer();
      uploads.push(performance.now() - t0);
      if (res.status !== 302) errors++;
      location = res.headers.get("location") ?? location;
    }
    if (!location) throw new Error("bench organisations: no upload succeeded");
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      const page = await fetch(`${ctx.baseUrl}${location}`, { headers });
      const html = await page.text();
      pages.push(performance.now() - t0);
      if (page.status !== 200 || !html.includes(prefix)) errors++;
      t0 = performance.now();
      const file = await fetch(`${ctx.baseUrl}${location}.csv`, { headers });
      await file.arrayBuffer();
      csvs.push(performance.now() - t0);
      if (file.status !== 200) errors++;
    }
    const rowsPerSecond = Math.round(ROWS / (pct(uploads, 50) / 1000));
    return [
      row(`POST bulk lookup, ${ROWS} pairs (CSV upload → kept result)`, uploads, errors, `${rowsPerSecond} pairs/s at p50; one member, one after another`),
      row(`GET bulk result page (first 500 of ${ROWS} lines)`, pages, 0, "HTML table, 500 lines a page"),
      row(`GET bulk result CSV, ${ROWS} rows`, csvs, 0, "BOM, Vietnamese headers, neutralised cells"),
    ];
  } finally {
    await sql.end();
  }
}
