// Runs bench/payments.ts on its own until the lead's bench/run.ts picks it up:
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/payments-standalone.ts
// It starts the production build (NODE_ENV=production, worker out of process) on a fresh database.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import postgres from "postgres";
import run from "./payments";

const admin = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const port = Number(process.env.BENCH_PORT ?? 3391);
const name = `thads_bench_payments_${port}`;
const a = postgres(admin, { max: 1, onnotice: () => {} });
await a.unsafe(`drop database if exists ${name} with (force)`);
await a.unsafe(`create database ${name}`);
await a.end();
const url = new URL(admin);
url.pathname = `/${name}`;
const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  PORT: String(port),
  BASE_URL: `http://localhost:${port}`,
  DATABASE_URL: url.toString(),
  SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
  VNPAY_TMN_CODE: "BENCH001",
  VNPAY_HASH_SECRET: crypto.randomBytes(24).toString("hex"),
  VNPAY_PAYMENT_URL: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
  VNPAY_API_URL: "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction",
  SEED_DEMO: "true",
  WORKER_IN_PROCESS: "false",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
};
const child = spawn(process.execPath, ["build/server.js"], { env, stdio: ["ignore", "ignore", "inherit"] });
try {
  for (let i = 0; ; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 150) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  const cpu = () => {
    const f = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, ms (USER_HZ = 100)
  };
  const cpuBefore = cpu();
  const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  const rows = await run({ baseUrl: `http://127.0.0.1:${port}`, databaseUrl: env.DATABASE_URL, hashSecret: env.VNPAY_HASH_SECRET, tmnCode: env.VNPAY_TMN_CODE });
  const cpuMs = cpu() - cpuBefore;
  console.table(rows);
  const requests = rows[0]?.requests ?? 0;
  console.log(`server process CPU: ${cpuMs.toFixed(0)} ms for ${requests} requests (${(cpuMs / Math.max(1, requests)).toFixed(2)} ms/request); load average before: ${load}`);
} finally {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  const b = postgres(admin, { max: 1, onnotice: () => {} });
  await b.unsafe(`drop database if exists ${name} with (force)`);
  await b.end();
}
