import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { Logger, run, type Runner } from "graphile-worker";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { flushJobOutbox } from "../jobs";
import { handoffTasks } from "./jobs.server";
import { addEvent, isHandoffEvent, newCase, seedOffices, startReceiver, TEST_SECRET, type ReceiverServer } from "./test-harness";

// The whole path as deployed: the engine's outbox rows (task handoff_record), graphile-worker with
// several workers, the per-case queues, retries with backoff, the receiver over HTTP.
let db: TestDatabase;
let rx: ReceiverServer;
let pool: pg.Pool;
let runner: Runner | null = null;

beforeAll(async () => {
  db = await createTestDatabase();
  rx = await startReceiver(db.sql);
  pool = new pg.Pool({ connectionString: db.url, max: 6 });
});
afterAll(async () => {
  await runner?.stop();
  await pool?.end();
  await rx?.close();
  await db?.drop();
});

it("delivers every case's messages once and in order through graphile-worker, across a failing start", async () => {
  const o = await seedOffices(db.sql);
  const cases: string[] = [];
  for (let i = 0; i < 6; i++) {
    const { caseId } = await newCase(db.sql, o);
    cases.push(caseId);
    for (const [event, from, to] of [["accept", "received", "accepted"], ["assignOfficer", "accepted", "officerAssigned"], ["close", "officerAssigned", "closed"]] as const) {
      const eventId = await addEvent(db.sql, caseId, { event, from, to, fields: event === "close" ? { reason: "Đã thi hành xong" } : {} });
      await db.sql`insert into job_outbox (task, payload, job_key) values ('handoff_record', ${db.sql.json({ caseId, eventId })}, null)`;
    }
  }
  rx.receiver.setMode({ fail: 4 });
  await flushJobOutbox(db.sql);
  const services = testServices(db.sql, {
    HANDOFF_ENDPOINTS: { "*": { url: rx.url, secret: TEST_SECRET } },
    HANDOFF_BACKOFF_BASE_MS: 5,
    HANDOFF_TIMEOUT_MS: 2000,
  });
  runner = await run({ pgPool: pool, concurrency: 4, noHandleSignals: true, pollInterval: 50, taskList: handoffTasks(services, { isHandoffEvent }), logger: new Logger(() => () => {}) });
  const deadline = Date.now() + 20_000;
  let delivered = 0;
  while (Date.now() < deadline) {
    const [r] = await db.sql<{ n: number }[]>`select count(*)::int as n from handoff_messages where status = 'delivered'`;
    delivered = r!.n;
    if (delivered === 18) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(delivered).toBe(18);
  const got = await db.sql<{ case_id: string; sequence: number; deliveries: number }[]>`
    select case_id, sequence, deliveries from sandbox_case_system_messages order by received_at, sequence`;
  expect(got).toHaveLength(18);
  for (const c of cases) {
    // Recorded once each, in seq order (accept 2, assignOfficer 3, close 4).
    expect(got.filter((g) => g.case_id === c).map((g) => [g.sequence, g.deliveries])).toEqual([[2, 1], [3, 1], [4, 1]]);
  }
  const external = await db.sql<{ n: number }[]>`select count(*)::int as n from cases where external_case_number like 'TL-%' and id = any(${cases}::uuid[])`;
  expect(external[0]!.n).toBe(6);
  expect(rx.receiver.stats.requests).toBe(18 + 4);
});
