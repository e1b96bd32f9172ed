import { generateKeyPairSync } from "node:crypto";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures";

// Process-level behaviour of the production build: configuration errors and graceful shutdown.
test.describe.configure({ mode: "serial" });

test("a bad environment variable stops the process with one line naming it", () => {
  const r = spawnSync(process.execPath, ["build/server.js"], {
    env: { ...process.env, PORT: "eighty", SMTP_URL: "http://not-smtp", DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(r.status).toBe(1);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain("PORT:");
  expect(lines[0]).toContain("SMTP_URL:");
});

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function waitReady(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} never became ready`);
}

test("SIGTERM finishes the request in flight, closes everything and exits 0", async () => {
  const port = 3290 + (Number(process.env.E2E_PORT ?? 3210) % 7);
  const child = spawn(process.execPath, ["e2e/server.mjs"], {
    env: { ...process.env, E2E_PORT: String(port), E2E_LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = waitForExit(child);
  await waitReady(`http://127.0.0.1:${port}/readyz`);

  // A form post whose body is only half sent when the signal arrives.
  const body = "lang=en&redirectTo=%2F";
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((r) => socket.once("connect", () => r()));
  let response = "";
  socket.on("data", (d) => (response += d));
  socket.write(
    // A browser's form post carries its Origin; without one the portal refuses it before reading the body.
    `POST /lang HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://localhost:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 8)}`,
  );
  await new Promise((r) => setTimeout(r, 300));
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  socket.write(body.slice(8));
  await new Promise<void>((r) => socket.once("close", () => r()));
  expect(response).toMatch(/^HTTP\/1\.1 302/);
  expect(response).toMatch(/set-cookie: lang=en/i);

  expect(await exited).toBe(0);
  expect(output).toContain("shutting down");
  expect(output).toContain('"msg":"stopped"');
  // Nothing listens any more.
  const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => false, () => true);
  expect(refused).toBe(true);
});

test("in production, a page whose database is unreachable is a localised 503 with the reference and Retry-After, and no stack trace", async ({ browser }) => {
  const { startTcpProxy } = await import("../test/tcp-proxy");
  const { startEmbeddedPostgres } = await import("../server/db");
  const { ensureDatabase, withDatabase } = await import("../server/db");
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(".data/e2e-prod-pg");
  const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
  const dbName = `thads_e2e_prod_${process.pid}`;
  await ensureDatabase(adminUrl, dbName);
  const target = new URL(withDatabase(adminUrl, dbName));
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  target.port = String(proxy.port);

  const port = 3280 + (Number(process.env.E2E_PORT ?? 3210) % 7);
  const child = spawn(process.execPath, ["build/server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      BASE_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: target.toString(),
      SESSION_SECRET: "s".repeat(48),
      VNPAY_TMN_CODE: "TEST0001",
      VNPAY_HASH_SECRET: "h".repeat(32),
      VNPAY_PAYMENT_URL: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
      VNPAY_API_URL: "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction",
      RECEIPT_SIGNING_KEYS: JSON.stringify([{ kid: "e2e-prod", ...generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" }) }]),
      LOG_LEVEL: "fatal",
    },
    stdio: "ignore",
  });
  const exited = waitForExit(child);
  try {
    await waitReady(`http://127.0.0.1:${port}/readyz`);
    await proxy.cut();
    const context = await browser.newContext();
    const page = await context.newPage();
    // A session cookie makes the staff page ask the (now unreachable) database.
    await page.context().addCookies([{ name: "thads_session", value: "some-token", url: `http://127.0.0.1:${port}` }]);
    const t0 = Date.now();
    const response = await page.goto(`http://127.0.0.1:${port}/staff`);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(response?.status()).toBe(503);
    expect(response!.headers()["retry-after"]).toMatch(/^\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hệ thống đang tạm gián đoạn");
    await expectNoAxeViolations(page);
    // The reference to quote to the help desk is the request id of the logs.
    const requestId = response!.headers()["x-request-id"]!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByText(new RegExp(`^Mã tham chiếu.*: ${requestId}$`))).toBeVisible();
    const html = await page.content();
    expect(html).not.toMatch(/at [\w.<>]+ \(.*:\d+:\d+\)/); // no stack frames
    expect(html).not.toContain("ECONNREFUSED");
    expect(html).not.toContain("node_modules");
    // The IPN answers 99 (VNPay tries again) within a few seconds, not after a hang.
    const t1 = Date.now();
    const ipn = await fetch(`http://127.0.0.1:${port}/payments/vnpay/ipn?vnp_TxnRef=X1&vnp_SecureHash=00`);
    expect(Date.now() - t1).toBeLessThan(5_000);
    expect(await ipn.json()).toMatchObject({ RspCode: "99" });
    await context.close();
  } finally {
    child.kill("SIGTERM");
    await exited;
    await proxy.close();
    const postgres = (await import("postgres")).default;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    await embedded?.stop();
  }
});

test("Ctrl-C in a terminal (SIGINT to the process group) stops the portal, then its database, in under 3 s with no error line", async () => {
  test.setTimeout(120_000);
  const port = 3270 + (Number(process.env.E2E_PORT ?? 3210) % 7);
  const dataDir = `.data/e2e-sigint-${port}`;
  // Its own process group, as a shell gives a foreground job: the signal goes to every process in it.
  const child = spawn(process.execPath, ["build/server.js"], {
    env: { ...process.env, DATABASE_URL: "", PORT: String(port), BASE_URL: `http://localhost:${port}`, DATA_DIR: dataDir, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = waitForExit(child);
  try {
    await waitReady(`http://127.0.0.1:${port}/readyz`, 90_000);
    const pgPid = Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    expect(pgPid).toBeGreaterThan(0);
    const t0 = Date.now();
    process.kill(-child.pid!, "SIGINT");
    expect(await exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(3_000);
    const lines = output.split("\n").filter((l) => l.trim());
    const after = lines.slice(lines.findIndex((l) => l.includes('"signal":"SIGINT"')));
    expect(after.length).toBeGreaterThan(1);
    // No error or warning line from the web process or the job thread, and the last word is "stopped".
    expect(after.filter((l) => !/^\{"level":(10|20|30),/.test(l))).toEqual([]);
    expect(after.at(-1)).toContain('"msg":"stopped"');
    // The database went down with the portal, not before it: the postmaster is gone too.
    expect(() => process.kill(pgPid, 0)).toThrow();
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
