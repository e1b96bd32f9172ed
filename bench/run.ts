/**
 * `npm run bench`: starts the production build (NODE_ENV=production) on a fresh database and a bare Node
 * server beside it, then measures with autocannon on loopback, bounded in time. Scenario files
 * bench/<area>.ts (default export `run(ctx)` returning rows) are picked up automatically.
 * BENCH_DURATION (seconds per scenario, default 8) and BENCH_CONNECTIONS (default 10) tune it;
 * BENCH_ONLY=payments,receipts runs only those scenario files (and skips the page rows unless it names
 * `pages`). The job runner is
 * its own process (`build/worker.js`, as deployed); BENCH_WORKER=in-process runs it inside the web process
 * (on its thread), BENCH_WORKER=off not at all. BENCH_PROFILE=<dir> writes V8 CPU profiles of the portal
 * and the worker there (open them in Chrome DevTools).
 *
 * Two ceilings: a bare Node HTTP server, and an empty Remix page served by the portal's own Express stack
 * (bench/empty-remix.tsx, its own process). Each citizen page (home, fee lookup, a filing step, the
 * receipt verification page) is printed as a ratio to the empty Remix page of the same run, with its HTML
 * size before compression, and the issue's targets as PASS / MISS (docs/decisions/056). Scenarios get both
 * ceilings' rows too (`ctx.ceilings`: bench/lookup.ts prints them beside its targets).
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import {
  startEmbeddedPostgres,
  freePort,
  type EmbeddedDatabase,
  ensureDatabase,
  withDatabase,
} from "../server/db";
import { load, printTable, type BenchRow } from "./lib";
import { localPortalEnv } from "../scripts/local-portal";

const duration = Number(process.env.BENCH_DURATION ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const inProcessWorker = process.env.BENCH_WORKER === "in-process";
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((s) => s.trim())) : null;

function startChild(cmd: string[], env: Record<string, string>, ready: (line: string) => boolean): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cmd, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready(out)) {
        child.stdout!.off("data", onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d) => (out += d.toString()));
    child.once("exit", (code) => reject(new Error(`${cmd.join(" ")} exited with ${code}:\n${out.slice(-2000)}`)));
  });
}

function gzipBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) =>
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
        let n = 0;
        res.on("data", (c: Buffer) => (n += c.length));
        res.on("end", () => resolve(n));
      })
      .on("error", reject),
  );
}

async function main() {
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(path.resolve(".data/bench-pg"));
    adminUrl = embedded.url;
  }
  // BENCH_DATABASE: another name, so that two benches on one PostgreSQL server do not drop each other's.
  const dbName = /^[a-z_][a-z0-9_]{0,62}$/.test(process.env.BENCH_DATABASE ?? "") ? process.env.BENCH_DATABASE! : "thads_bench";
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  await ensureDatabase(adminUrl, dbName);
  const databaseUrl = withDatabase(adminUrl, dbName);

  const port = await freePort();
  const barePort = await freePort();
  const emptyPort = await freePort();
  const { baseUrl, hashSecret, tmnCode, env: localEnv } = localPortalEnv({ port, databaseUrl, tmnCode: "BENCH001", keyId: "bench" });
  // The hand-off goes to a receiver that bench/handoff.ts starts on this port (the portal runs as production:
  // no sandbox of its own), signed with this secret.
  const handoff = { port: await freePort(), secret: `whsec_${crypto.randomBytes(24).toString("base64")}` };
  const portalEnv = {
    ...localEnv,
    HANDOFF_ENDPOINTS: JSON.stringify({ "*": { url: `http://127.0.0.1:${handoff.port}/sandbox/case-system`, secret: handoff.secret } }),
    HANDOFF_BACKOFF_BASE_MS: "200",
    // bench/api.ts measures the API, not its rate limit (every call still takes the limiter's counter).
    API_RATE_LIMIT_PER_MINUTE: "1000000",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    DATA_DIR: ".data/bench",
    WORKER_IN_PROCESS: String(inProcessWorker),
  };
  const portal = await startChild([...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), "build/server.js"], portalEnv, (out) => out.includes('"msg":"portal started"'));
  const bare = await startChild(["bench/bare-node.mjs"], { PORT: String(barePort) }, (out) => out.includes("ready"));
  // The same environment and start-up (migrations already applied by the portal), an empty Remix build.
  const empty = await startChild(
    ["--import", "tsx", "bench/empty-remix.tsx"],
    { ...portalEnv, PORT: String(emptyPort), BASE_URL: `http://127.0.0.1:${emptyPort}`, WORKER_IN_PROCESS: "false", SEED_DEMO: "false", DATA_DIR: ".data/bench-empty" },
    (out) => out.includes('"msg":"portal started"'),
  );
  // As deployed (README, Deploying): the job runner in its own process at WORKER_NICE, unless
  // BENCH_WORKER=in-process measures the one-process start instead.
  const worker = inProcessWorker || process.env.BENCH_WORKER === "off" ? null : await startChild([...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}/worker`] : []), "build/worker.js"], portalEnv, (out) => out.includes('"msg":"worker started"'));

  const rows: BenchRow[] = [];
  try {
    const warm = { duration: 2, connections };
    await load("warm-up", { url: `${baseUrl}/`, ...warm });
    const bareRow = await load("bare Node HTTP server (ceiling)", { url: `http://127.0.0.1:${barePort}/`, duration, connections });
    rows.push(bareRow);
    await load("warm-up", { url: `http://127.0.0.1:${emptyPort}/`, ...warm });
    const remixRow = await load("empty Remix page, same Express stack (ceiling)", { url: `http://127.0.0.1:${emptyPort}/`, duration, connections });
    rows.push(remixRow);
    const pages: BenchRow[] = [];
    if (!only || only.has("pages")) {
      const filingStep = await filingStepRequest(baseUrl);
      const procedureStep = await filingStepRequest(baseUrl, "/dich-vu/phan-anh-kien-nghi");
      for (const [name, url, headers] of [
        ["GET / (home page)", `${baseUrl}/`, undefined],
        ["GET /dich-vu/nop-tien (fee lookup)", `${baseUrl}/dich-vu/nop-tien`, undefined],
        ["GET a filing step (first step, with a draft)", filingStep.url, filingStep.headers],
        ["GET a generic procedure step (feedback, first step: the province, with a draft)", procedureStep.url, procedureStep.headers],
      ] as const) {
        await load("warm-up", { url, headers, ...warm });
        const row: BenchRow = { ...(await load(name, { url, headers, duration, connections })), url, headers };
        pages.push(row);
        rows.push(row);
      }
      rows.push(await load("GET /healthz", { url: `${baseUrl}/healthz`, duration, connections }));
      rows.push(await load("GET /readyz (database round trip)", { url: `${baseUrl}/readyz`, duration, connections }));
    }

    const scenarioFiles = fs
      .readdirSync("bench")
      .filter((f) => /^[a-z-]+\.ts$/.test(f) && !["run.ts", "lib.ts"].includes(f))
      .filter((f) => !only || only.has(f.replace(/\.ts$/, "")))
      .sort();
    for (const file of scenarioFiles) {
      const mod = (await import(pathToFileURL(path.resolve("bench", file)).href)) as {
        default: (ctx: Record<string, unknown>) => Promise<BenchRow[]>;
      };
      process.stdout.write(`running bench/${file} ...\n`);
      rows.push(...(await mod.default({ baseUrl, databaseUrl, hashSecret, tmnCode, duration, connections, handoff, pids: { web: portal.pid, worker: worker?.pid }, ceilings: { bare: bareRow, remix: remixRow } })));
    }

    // The verification page's row comes from bench/receipts.ts; its URL from the row, else a receipt in the database.
    const verification = rows.find((r) => /xac-minh-bien-lai/.test(r.name));
    if (verification && !verification.url) verification.url = await someVerificationUrl(databaseUrl, baseUrl);
    const targets = await checkTargets({ remix: remixRow.rps, pages, verification, pdf: rows.find((r) => /bien-lai\/:code\/pdf|receipt PDF over HTTP/.test(r.name)) });

    const html = await (await fetch(`${baseUrl}/`)).text();
    const scripts = [...new Set([...html.matchAll(/\/build\/[^"']+\.js/g)].map((m) => m[0]))];
    const jsBytes = (await Promise.all(scripts.map((s) => gzipBytes(`${baseUrl}${s}`)))).reduce((a, b) => a + b, 0);

    process.stdout.write(
      `\nTHADS portal benchmark — ${new Date().toISOString()} — ${duration}s per scenario, ${connections} connections, loopback, ` +
        `job runner ${inProcessWorker ? "inside the web process" : "in its own process"}\n\n`,
    );
    printTable(rows, { bare: bareRow.rps, remix: remixRow.rps });
    const home = rows.find((r) => r.name.startsWith("GET / "));
    if (home) process.stdout.write(
      `\nhome page: ${(jsBytes / 1024).toFixed(1)} KB gzipped JavaScript in ${scripts.length} files (budget 110 KB); ` +
        `${((100 * home.rps) / bareRow.rps).toFixed(1)}% of the bare Node ceiling, ${(home.rps / remixRow.rps).toFixed(2)}× the empty Remix page\n`,
    );
    process.stdout.write(`\ntargets (issue 11; ratios to the empty Remix page of this run: ${remixRow.rps} req/s)\n${targets.lines.join("\n")}\n`);
  } finally {
    portal.kill("SIGTERM");
    empty.kill("SIGTERM");
    bare.kill("SIGTERM");
    worker?.kill("SIGTERM");
    await new Promise((r) => portal.once("exit", r));
    await embedded?.stop();
  }
}

/** A draft of a procedure (the start page's empty form) and the URL of its first step, with the draft cookie. */
async function filingStepRequest(baseUrl: string, servicePath = "/dich-vu/yeu-cau-thi-hanh-an"): Promise<{ url: string; headers: Record<string, string> }> {
  const start = await fetch(`${baseUrl}${servicePath}`, { method: "POST", body: new URLSearchParams(), redirect: "manual", headers: { origin: new URL(baseUrl).origin } });
  await start.arrayBuffer();
  const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0]!;
  const location = start.headers.get("location");
  if (!cookie || !location) throw new Error(`bench: starting a filing draft answered ${start.status} without a cookie or a step`);
  return { url: new URL(location, baseUrl).toString(), headers: { cookie } };
}

async function someVerificationUrl(databaseUrl: string, baseUrl: string): Promise<string | undefined> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [r] = await sql<{ code: string }[]>`select code from receipts order by id desc limit 1`.catch(() => []);
    return r ? `${baseUrl}/xac-minh-bien-lai/${r.code}` : undefined;
  } finally {
    await sql.end();
  }
}

/** HTML bytes before compression (the decoded body as the browser gets it). */
async function htmlBytes(url: string, headers?: Record<string, string>): Promise<number> {
  const res = await fetch(url, { headers: { ...headers, "accept-encoding": "identity" } });
  return Buffer.byteLength(await res.text());
}

const HTML_BUDGET = 25 * 1024;

async function checkTargets(o: { remix: number; pages: BenchRow[]; verification?: BenchRow; pdf?: BenchRow }) {
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? "PASS" : "MISS");
  const pageLine = async (row: BenchRow, ratioTarget: number) => {
    const ratio = row.rps / o.remix;
    const bytes = row.url ? await htmlBytes(row.url, row.headers) : NaN;
    lines.push(
      `  ${mark(ratio >= ratioTarget)}  ${row.name}: ${ratio.toFixed(2)}× the empty Remix page (target ≥ ${ratioTarget}×)`,
      `  ${mark(bytes <= HTML_BUDGET)}  ${row.name}: HTML ${(bytes / 1024).toFixed(1)} KB before compression (target ≤ 25 KB)`,
    );
  };
  for (const row of o.pages) await pageLine(row, 0.7);
  if (o.verification) await pageLine(o.verification, 0.5);
  if (o.pdf) lines.push(`  ${mark(o.pdf.rps >= 1000)}  ${o.pdf.name}: ${o.pdf.rps} req/s (target ≥ 1,000 req/s for a stored PDF)`);
  return { lines };
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
