/**
 * Bench scenario: a procedure on the generic pages (ADR 079, 082; `BENCH_ONLY=procedures npm run bench`).
 * Against a running portal on loopback: REQUESTS feedback drafts are taken through their steps by the real
 * step actions (timed per step post), then sent from "check before you send" (one transaction: submission,
 * reference, access code, case opened, audit, acknowledgement job). CONCURRENCY at a time.
 */
import type { BenchRow } from "./lib";

const REQUESTS = 60;
const CONCURRENCY = 4;
const SERVICE = "/dich-vu/phan-anh-kien-nghi";

const STEPS: [string, Record<string, string>][] = [
  ["tinh-thanh", { province: "HNI" }],
  ["noi-dung", { kind: "feedback", agency: "HNI-KV01", subject: "Phòng chờ thiếu ghế", content: "Sáng nay phòng tiếp dân không đủ ghế cho người chờ." }],
  ["nguoi-gui", { anonymous: "yes" }],
  ["cong-khai", { visibility: "private" }],
];

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

async function pool<T>(items: T[], n: number, fn: (x: T) => Promise<void>) {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) await fn(items[i++]!);
  }));
}

export default async function run(ctx: { baseUrl: string }): Promise<BenchRow[]> {
  if (!/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?/.test(ctx.baseUrl)) throw new Error("bench/procedures runs against loopback only");
  const base = `${ctx.baseUrl.replace(/\/$/, "")}${SERVICE}`;
  const origin = new URL(ctx.baseUrl).origin;
  const post = (url: string, cookie: string, body: URLSearchParams) => fetch(url, { method: "POST", body, redirect: "manual", headers: { cookie, origin } });

  const measure = async (name: string, items: string[], fn: (cookie: string) => Promise<boolean>, note: string): Promise<BenchRow> => {
    const times: number[] = [];
    let errors = 0;
    const t0 = performance.now();
    await pool(items, CONCURRENCY, async (cookie) => {
      const s = performance.now();
      if (!(await fn(cookie).catch(() => false))) errors++;
      times.push(performance.now() - s);
    });
    const seconds = (performance.now() - t0) / 1000;
    times.sort((a, b) => a - b);
    return { name, requests: times.length, rps: Math.round((times.length / seconds) * 10) / 10, p50: Math.round(percentile(times, 50)), p99: Math.round(percentile(times, 99)), errors, note };
  };

  const cookies: string[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = await fetch(base, { method: "POST", body: new URLSearchParams(), redirect: "manual", headers: { origin } });
    await start.arrayBuffer();
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0]!;
    if (!cookie) throw new Error(`bench/procedures: starting a draft answered ${start.status} without a draft cookie`);
    cookies.push(cookie);
  }
  const steps = await measure(
    "procedure: the four feedback steps posted (generic pages)",
    cookies,
    async (cookie) => {
      for (const [slug, values] of STEPS) {
        const r = await post(`${base}/${slug}`, cookie, new URLSearchParams(values));
        await r.arrayBuffer();
        if (r.status !== 302) return false;
      }
      return true;
    },
    `${CONCURRENCY} concurrent; one row = four validated step posts`,
  );
  const submit = await measure(
    "procedure: send anonymous feedback",
    cookies,
    async (cookie) => {
      const r = await post(`${base}/kiem-tra`, cookie, new URLSearchParams());
      await r.arrayBuffer();
      return r.status === 302 && (r.headers.get("location") ?? "").endsWith("/da-gui");
    },
    `${CONCURRENCY} concurrent; one transaction: submission, reference, code, case, audit, e-mail job`,
  );
  return [steps, submit];
}
