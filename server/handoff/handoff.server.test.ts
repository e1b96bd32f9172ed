import crypto from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { backoffMs, deliverCase, MAX_BACKOFF_MS, recordMessages, sweepHandoff, type HandoffOptions } from "./handoff.server";
import { CaseMessageSchema } from "./message";
import { replayDeadLetter } from "./staff.server";
import { addEvent, fastOptions, isHandoffEvent, newCase, seedOffices, startReceiver, TEST_SECRET, type Offices, type ReceiverServer } from "./test-harness";

let db: TestDatabase;
let o: Offices;
let rx: ReceiverServer;

beforeAll(async () => {
  db = await createTestDatabase();
  o = await seedOffices(db.sql);
  rx = await startReceiver(db.sql);
});
afterAll(async () => {
  await rx?.close();
  await db?.drop();
});
beforeEach(() => rx.receiver.setMode({ fail: 0, slowMs: 0, answerTwice: false }));

/** Delivers until nothing is due soon (backoff of a few ms in these tests). */
async function deliverAll(caseId: string, opts: HandoffOptions, maxRounds = 20) {
  let last = await deliverCase(db.sql, opts, caseId);
  for (let i = 0; i < maxRounds && last.waiting === "retry"; i++) {
    await new Promise((r) => setTimeout(r, Math.max(0, last.retryAt!.getTime() - Date.now()) + 1));
    last = await deliverCase(db.sql, opts, caseId);
  }
  return last;
}

async function accepted(): Promise<{ caseId: string; reference: string; acceptId: string; assignId: string; officerId: string }> {
  const { caseId, reference } = await newCase(db.sql, o);
  const [officer] = await db.sql<{ id: string }[]>`insert into staff (email, full_name, password_hash) values (${`cv${crypto.randomUUID()}@thads.vn`}, 'Lê Văn Cường', 'x') returning id`;
  const acceptId = await addEvent(db.sql, caseId, { event: "accept", from: "received", to: "accepted", fields: { decisionNumber: "15/QĐ-THADS", decisionDate: "2026-07-02" } });
  await db.sql`update cases set case_number = ${`HNI-2026-${crypto.randomInt(1e6)}`} where id = ${caseId}`;
  const assignId = await addEvent(db.sql, caseId, { event: "assignOfficer", from: "accepted", to: "officerAssigned", fields: { officerId: officer!.id } });
  return { caseId, reference, acceptId, assignId, officerId: officer!.id };
}

const received = (caseId: string) =>
  db.sql<{ sequence: number; deliveries: number; case_number: string; type: string }[]>`
    select sequence, deliveries, case_number, type from sandbox_case_system_messages where case_id = ${caseId} order by received_at, sequence`;

describe("the message", () => {
  it("is built from the case tables, valid against the schema, one per hand-off event (idempotent)", async () => {
    const c = await accepted();
    const ids = await recordMessages(db.sql, { isHandoffEvent }, { caseId: c.caseId, eventId: c.acceptId });
    expect(ids).toEqual([`msg_${c.caseId}_2`]);
    expect(await recordMessages(db.sql, { isHandoffEvent }, { caseId: c.caseId, eventId: c.acceptId })).toEqual([]);
    await recordMessages(db.sql, { isHandoffEvent }, { caseId: c.caseId, eventId: c.assignId });
    const rows = await db.sql<{ id: string; seq: number; body: unknown; status: string }[]>`select id, seq, body, status from handoff_messages where case_id = ${c.caseId} order by seq`;
    expect(rows.map((r) => [r.seq, r.status])).toEqual([[2, "pending"], [3, "pending"]]);
    const accept = CaseMessageSchema.parse(rows[0]!.body);
    expect(accept).toMatchObject({
      type: "case.accepted", sequence: 2, event: "accept", state: "accepted", previousState: "received", caseType: "enforcement-request",
      office: { code: o.officeCode }, fields: { decisionNumber: "15/QĐ-THADS", decisionDate: "2026-07-02" },
      submission: { applicant: { name: "Nguyễn Văn An" }, debtor: { name: "Trần Thị Bình" }, amount: 150000000, judgment: { number: "12/2026/DS-ST", effectiveOn: "2026-05-04" } },
    });
    expect(CaseMessageSchema.parse(rows[1]!.body)).toMatchObject({ type: "case.officer-assigned", fields: { officer: { id: c.officerId, name: "Lê Văn Cường" } } });
  });

  it("records earlier hand-off events first when their jobs run out of order (never a later message alone)", async () => {
    const c = await accepted();
    const ids = await recordMessages(db.sql, { isHandoffEvent }, { caseId: c.caseId, eventId: c.assignId });
    expect(ids).toEqual([`msg_${c.caseId}_2`, `msg_${c.caseId}_3`]);
  });

  it("queues the case's delivery in its own graphile-worker queue, one job per case", async () => {
    const c = await accepted();
    await recordMessages(db.sql, { isHandoffEvent }, { caseId: c.caseId, eventId: c.acceptId });
    await recordMessages(db.sql, { isHandoffEvent }, { caseId: c.caseId, eventId: c.assignId });
    const jobs = await db.sql<{ queue: string | null; key: string | null }[]>`
      select q.queue_name as queue, j.key from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id left join graphile_worker._private_job_queues q on q.id = j.job_queue_id
      where t.identifier = 'handoff_deliver' and j.payload->>'caseId' = ${c.caseId}`;
    expect(jobs).toEqual([{ queue: `handoff:${c.caseId}`, key: `handoff_deliver:${c.caseId}` }]);
  });
});

describe("the receiver sandbox checks the Standard Webhooks signature", () => {
  const body = (caseId: string) => JSON.stringify({ caseId, sequence: 1, type: "case.accepted" });
  const send = (payload: string, headers: Record<string, string>) =>
    fetch(rx.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: payload });
  const signed = (id: string, payload: string, at = new Date(), secret = TEST_SECRET) => ({
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, payload),
  });

  it("accepts a signed message and answers the case number (the same for the same case)", async () => {
    const caseId = crypto.randomUUID();
    const a = await send(body(caseId), signed("msg_a", body(caseId)));
    expect(a.status).toBe(200);
    const { caseNumber } = (await a.json()) as { caseNumber: string };
    expect(caseNumber).toMatch(/^TL-\d{4}-\d{6}$/);
    const p2 = JSON.stringify({ caseId, sequence: 2, type: "case.closed" });
    const b = await send(p2, signed("msg_b", p2));
    expect(((await b.json()) as { caseNumber: string }).caseNumber).toBe(caseNumber);
  });

  it("refuses a tampered body, an old timestamp, a wrong secret and missing headers with 401", async () => {
    const caseId = crypto.randomUUID();
    const p = body(caseId);
    const tampered = await send(p.replace("case.accepted", "case.refused"), signed("msg_t", p));
    expect(tampered.status).toBe(401);
    const old = await send(p, signed("msg_o", p, new Date(Date.now() - 10 * 60_000)));
    expect(old.status).toBe(401);
    expect(((await old.json()) as { message: string }).message).toMatch(/too old/);
    const wrong = await send(p, signed("msg_w", p, new Date(), `whsec_${crypto.randomBytes(24).toString("base64")}`));
    expect(wrong.status).toBe(401);
    expect((await send(p, {})).status).toBe(401);
    const [n] = await db.sql<{ n: number }[]>`select count(*)::int as n from sandbox_case_system_messages where case_id = ${caseId}`;
    expect(n!.n).toBe(0);
  });
});

describe("delivery", () => {
  it("waits base × 2^(n−1) after the n-th failed try, capped", () => {
    expect([1, 2, 3, 4, 8].map((n) => backoffMs(30_000, n))).toEqual([30_000, 60_000, 120_000, 240_000, 3_840_000]);
    expect(backoffMs(30_000, 20)).toBe(MAX_BACKOFF_MS);
  });

  it("retries against a failing receiver; once it recovers each message is recorded exactly once, in order", async () => {
    const c = await accepted();
    await recordMessages(db.sql, { isHandoffEvent }, { caseId: c.caseId, eventId: c.assignId });
    rx.receiver.setMode({ fail: 3 });
    const first = await deliverCase(db.sql, fastOptions(rx.url), c.caseId);
    expect(first).toMatchObject({ delivered: [], waiting: "retry" });
    const last = await deliverAll(c.caseId, fastOptions(rx.url));
    expect(last).toMatchObject({ waiting: null });
    const rows = await db.sql<{ seq: number; status: string; attempts: number; response_case_number: string | null }[]>`
      select seq, status, attempts, response_case_number from handoff_messages where case_id = ${c.caseId} order by seq`;
    expect(rows.map((r) => [r.seq, r.status, r.attempts])).toEqual([[2, "delivered", 4], [3, "delivered", 1]]);
    const got = await received(c.caseId);
    expect(got.map((r) => [r.sequence, r.deliveries])).toEqual([[2, 1], [3, 1]]);
    const listed = (await (await fetch(`${rx.url}/messages?reference=${encodeURIComponent(c.reference)}`)).json()) as { messages: { sequence: number; type: string }[] };
    expect(listed.messages.map((m) => [m.sequence, m.type])).toEqual([[2, "case.accepted"], [3, "case.officer-assigned"]]);
    const [k] = await db.sql<{ external_case_number: string }[]>`select external_case_number from cases where id = ${c.caseId}`;
    expect(k!.external_case_number).toBe(got[0]!.case_number);
    expect(rows[0]!.response_case_number).toBe(got[0]!.case_number);
  });

  it("makes a message dead after its last try; later messages wait behind it; a replay delivers both in order", async () => {
    const c = await accepted();
    await recordMessages(db.sql, { isHandoffEvent }, { caseId: c.caseId, eventId: c.assignId });
    rx.receiver.setMode({ fail: "always" });
    const opts = fastOptions(rx.url, { maxAttempts: 3 });
    expect(await deliverAll(c.caseId, opts)).toMatchObject({ waiting: "dead" });
    const states = await db.sql<{ seq: number; status: string; attempts: number; last_error: string | null }[]>`
      select seq, status, attempts, last_error from handoff_messages where case_id = ${c.caseId} order by seq`;
    expect(states.map((r) => [r.seq, r.status, r.attempts])).toEqual([[2, "dead", 3], [3, "pending", 0]]);
    expect(states[0]!.last_error).toMatch(/^HTTP 503/);
    // Later deliveries do not send the later message while the earlier one is dead.
    rx.receiver.setMode({ fail: 0 });
    expect(await deliverCase(db.sql, opts, c.caseId)).toMatchObject({ delivered: [], waiting: "dead" });
    expect(await received(c.caseId)).toEqual([]);

    const [head] = await db.sql<{ id: string }[]>`
      insert into staff (email, full_name, password_hash) values (${`tt${crypto.randomUUID()}@thads.vn`}, 'Phạm Thủ Trưởng', 'x') returning id`;
    await db.sql`insert into staff_roles (staff_id, agency_id, role) values (${head!.id}, ${o.officeId}, 'head')`;
    const [outsider] = await db.sql<{ id: string }[]>`
      insert into staff (email, full_name, password_hash) values (${`x${crypto.randomUUID()}@thads.vn`}, 'Head Elsewhere', 'x') returning id`;
    await db.sql`insert into staff_roles (staff_id, agency_id, role) values (${outsider!.id}, ${o.otherId}, 'head')`;
    const messageId = `msg_${c.caseId}_2`;
    expect(await replayDeadLetter(db.sql, { messageId, staffId: outsider!.id })).toEqual({ ok: false, reason: "not-found" });
    expect(await replayDeadLetter(db.sql, { messageId, staffId: head!.id })).toEqual({ ok: true, caseId: c.caseId });
    expect(await replayDeadLetter(db.sql, { messageId, staffId: head!.id })).toEqual({ ok: false, reason: "not-dead" });
    const [a] = await db.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'handoff.replay' and target_id = ${c.caseId} and actor_id = ${head!.id}`;
    expect(a!.n).toBe(1);

    expect(await deliverAll(c.caseId, opts)).toMatchObject({ waiting: null, delivered: [messageId, `msg_${c.caseId}_3`] });
    expect((await received(c.caseId)).map((r) => [r.sequence, r.deliveries])).toEqual([[2, 1], [3, 1]]);
  });

  it("answerTwice: the first answer is lost, the portal sends again, the receiver records it once", async () => {
    const c = await accepted();
    await recordMessages(db.sql, { isHandoffEvent }, { caseId: c.caseId, eventId: c.acceptId });
    rx.receiver.setMode({ answerTwice: true });
    expect(await deliverAll(c.caseId, fastOptions(rx.url))).toMatchObject({ waiting: null });
    expect((await received(c.caseId)).map((r) => [r.sequence, r.deliveries])).toEqual([[2, 2]]);
    const [m] = await db.sql<{ status: string; attempts: number }[]>`select status, attempts from handoff_messages where case_id = ${c.caseId}`;
    expect(m).toEqual({ status: "delivered", attempts: 2 });
  });

  it("a slow receiver past the timeout counts as a failed try", async () => {
    const c = await accepted();
    await recordMessages(db.sql, { isHandoffEvent }, { caseId: c.caseId, eventId: c.acceptId });
    rx.receiver.setMode({ slowMs: 300 });
    expect(await deliverCase(db.sql, fastOptions(rx.url, { timeoutMs: 100, backoffBaseMs: 60_000 }), c.caseId)).toMatchObject({ waiting: "retry" });
    const [m] = await db.sql<{ status: string; attempts: number; last_error: string }[]>`select status, attempts, last_error from handoff_messages where case_id = ${c.caseId}`;
    expect(m).toMatchObject({ status: "pending", attempts: 1, last_error: "timeout after 100 ms" });
  });

  it("an office without an endpoint keeps its messages waiting (never dropped), and the sweep leaves them until one is configured", async () => {
    const c = await accepted();
    await recordMessages(db.sql, { isHandoffEvent }, { caseId: c.caseId, eventId: c.acceptId });
    const none = fastOptions(rx.url, { endpoints: { [o.otherCode]: { url: rx.url, secret: TEST_SECRET } } });
    expect(await deliverCase(db.sql, none, c.caseId)).toMatchObject({ waiting: "no-endpoint" });
    const [m] = await db.sql<{ status: string; attempts: number; last_error: string }[]>`select status, attempts, last_error from handoff_messages where case_id = ${c.caseId}`;
    expect(m).toEqual({ status: "pending", attempts: 0, last_error: "no-endpoint" });
    await db.sql`delete from graphile_worker._private_jobs`;
    const before = await db.sql`select 1 from graphile_worker._private_jobs j where j.payload->>'caseId' = ${c.caseId}`;
    expect(before.length).toBe(0);
    await sweepHandoff(db.sql, none);
    expect((await db.sql`select 1 from graphile_worker._private_jobs j where j.payload->>'caseId' = ${c.caseId}`).length).toBe(0);
    await sweepHandoff(db.sql, fastOptions(rx.url));
    expect((await db.sql`select 1 from graphile_worker._private_jobs j where j.payload->>'caseId' = ${c.caseId}`).length).toBe(1);
  });
});
