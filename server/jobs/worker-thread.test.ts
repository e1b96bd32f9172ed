import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { seedDemo, DEMO_PASSWORD } from "../seed.server";
import { signInStaff } from "../accounts";
import { startWorkerThread } from "../worker.server";

/**
 * WORKER_IN_PROCESS=true: the job runner on its own thread, started from source here (the e2e suite runs
 * the built one). A sign-in queues its alert; the thread sends it to the local outbox; stop() ends it.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
});
afterAll(async () => {
  await db.drop();
});

describe("the job runner on a thread", () => {
  it("runs a queued job and stops cleanly", async () => {
    // Vitest sets BASE_URL="/" (Vite's base); the portal's BASE_URL is an origin.
    const env = { ...process.env, NODE_ENV: "test", BASE_URL: "http://localhost:3000", SMTP_URL: "", LOG_LEVEL: "silent", DATABASE_URL: db.url, WORKER_CONCURRENCY: "1" };
    const thread = await startWorkerThread({ env, log: pino({ level: process.env.DEBUG_THREAD ? "info" : "silent" }) }, db.url);
    try {
      const r = await signInStaff(db.sql, { email: "ketoan@thads.local", password: DEMO_PASSWORD, ip: "203.0.113.7", userAgent: null, locale: "vi" });
      expect(r.ok).toBe(true);
      const deadline = Date.now() + 20_000;
      let sent: { subject: string }[] = [];
      while (Date.now() < deadline && sent.length === 0) {
        await new Promise((res) => setTimeout(res, 200));
        sent = await db.sql<{ subject: string }[]>`select subject from mail_outbox where to_address = 'ketoan@thads.local' and text_body like '%203.0.113.7%'`;
      }
      expect(sent).toEqual([{ subject: "Tài khoản của bạn vừa được đăng nhập" }]);
    } finally {
      await thread.stop();
    }
    const [left] = await db.sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'thads-worker'`;
    expect(left!.n).toBe(0);
  }, 40_000);
});
