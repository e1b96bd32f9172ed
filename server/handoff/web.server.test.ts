import crypto from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { createSession, SESSION_COOKIE } from "../accounts";
import { deliverCase, recordMessages } from "./handoff.server";
import { loadHandoffPage, replayFromForm } from "./web.server";
import { addEvent, fastOptions, isHandoffEvent, newCase, seedOffices, startReceiver, type Offices, type ReceiverServer } from "./test-harness";

// The staff page: heads and admins of the message's office only (by URL and by form post), replay audited.
let db: TestDatabase;
let o: Offices;
let rx: ReceiverServer;
let context: AppLoadContext;
const cookies: Record<string, string> = {};

async function staffWith(roles: { role: string; agencyId: string; reaches?: boolean }[]) {
  const [s] = await db.sql<{ id: string }[]>`insert into staff (email, full_name, password_hash) values (${`s${crypto.randomUUID()}@thads.vn`}, 'Cán Bộ Thử', 'x') returning id`;
  for (const r of roles) await db.sql`insert into staff_roles (staff_id, agency_id, role, reaches_sub_offices) values (${s!.id}, ${r.agencyId}, ${r.role}, ${r.reaches ?? false})`;
  const { token } = await createSession(db.sql, { staffId: s!.id });
  return `${SESSION_COOKIE}=${token}`;
}

const get = (cookie: string, query = "") => loadHandoffPage({ request: new Request(`http://localhost/staff/handoff${query}`, { headers: { cookie } }), params: {}, context });
const post = (cookie: string, form: Record<string, string>) =>
  replayFromForm({ request: new Request("http://localhost/staff/handoff", { method: "POST", headers: { cookie }, body: new URLSearchParams(form) }), params: {}, context });
const statusOf = async (p: Promise<unknown>) => {
  try {
    const r = await p;
    return r instanceof Response ? r.status : ((r as { init?: { status?: number } })?.init?.status ?? 200);
  } catch (e) {
    return e instanceof Response ? e.status : (e as { init?: { status?: number } })?.init?.status;
  }
};

let deadId: string;
let caseId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  o = await seedOffices(db.sql);
  rx = await startReceiver(db.sql);
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "req-handoff-1", locale: "vi", clientIp: "203.0.113.9" };
  cookies.head = await staffWith([{ role: "head", agencyId: o.officeId }]);
  cookies.otherHead = await staffWith([{ role: "head", agencyId: o.otherId }]);
  cookies.clerk = await staffWith([{ role: "clerk", agencyId: o.officeId }]);
  cookies.admin = await staffWith([{ role: "admin", agencyId: o.centralId, reaches: true }]);
  const c = await newCase(db.sql, o);
  caseId = c.caseId;
  const eventId = await addEvent(db.sql, caseId, { event: "refuse", from: "received", to: "refused", fields: { ground: "not-competent", note: "x" } });
  await recordMessages(db.sql, { isHandoffEvent }, { caseId, eventId });
  rx.receiver.setMode({ fail: "always" });
  await deliverCase(db.sql, fastOptions(rx.url, { maxAttempts: 1 }), caseId);
  rx.receiver.setMode({ fail: 0 });
  deadId = `msg_${caseId}_2`;
});
afterAll(async () => {
  await rx?.close();
  await db?.drop();
});

describe("/staff/handoff", () => {
  it("lists the dead letter to the head of its office and to an admin above it, not to another office's head; clerks are refused", async () => {
    const page = await get(cookies.head!, "?view=dead");
    expect(page.rows.map((r) => [r.id, r.status, r.attempts])).toEqual([[deadId, "dead", 1]]);
    expect(page.counts.dead).toBe(1);
    expect((await get(cookies.admin!)).rows.map((r) => r.id)).toEqual([deadId]);
    const other = await get(cookies.otherHead!);
    expect(other.rows).toEqual([]);
    expect(other.counts.dead).toBe(0);
    expect(await statusOf(get(cookies.clerk!))).toBe(403);
  });

  it("refuses a replay by another office's head (by form post) and a malformed one, then replays for the head, audited", async () => {
    expect(await statusOf(post(cookies.otherHead!, { intent: "replay", messageId: deadId }))).toBe(404);
    expect(await statusOf(post(cookies.head!, { intent: "replay", messageId: "drop table" }))).toBe(400);
    expect(await statusOf(post(cookies.clerk!, { intent: "replay", messageId: deadId }))).toBe(403);
    const r = (await post(cookies.head!, { intent: "replay", messageId: deadId })) as Response;
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe("/staff/handoff?view=dead&replayed=1");
    expect(await statusOf(post(cookies.head!, { intent: "replay", messageId: deadId }))).toBe(409);
    const [a] = await db.sql<{ ip: string; request_id: string }[]>`select ip::text, request_id from audit_log where action = 'handoff.replay' and target_id = ${caseId}`;
    expect(a).toMatchObject({ request_id: "req-handoff-1" });
    expect(await deliverCase(db.sql, fastOptions(rx.url), caseId)).toMatchObject({ delivered: [deadId], waiting: null });
    const delivered = await get(cookies.head!, "?view=delivered");
    expect(delivered.rows[0]).toMatchObject({ id: deadId, status: "delivered" });
    expect(delivered.rows[0]!.caseNumber).toMatch(/^TL-/);
  });
});
