import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { queuedJobs } from "../../test/jobs";
import { seedDemo } from "../seed.server";
import { createStaff } from "../accounts";
import { fireEvent } from "../cases";
import { flushJobOutbox } from "../jobs";
import type { Services } from "../services";
import { makeCase, makeOrganisation } from "./test-harness";
import {
  apiTasks,
  backoffMs,
  createEndpoint,
  deliverWebhook,
  disableEndpoint,
  endpointUrlProblem,
  fanOutCaseEvent,
  listDeliveries,
  redeliver,
  WEBHOOK_DELIVER_TASK,
  type WebhookOptions,
} from "./index";

// Webhooks (ADR 071): one delivery per public event, organisation following the case and active endpoint;
// signed the Standard Webhooks way (verified here with the standardwebhooks package: a tampered body, a
// wrong secret and an old timestamp fail), retried with doubling backoff, sent again with the same id, and
// an organisation's deliveries invisible to another.

type Received = { body: string; headers: Record<string, string> };
type Receiver = { url: string; received: Received[]; failNext: number; hang: boolean; close: () => Promise<void> };

async function receiver(): Promise<Receiver> {
  const r: Receiver = { url: "", received: [], failNext: 0, hang: false, close: async () => {} };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      r.received.push({ body, headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])) });
      if (r.hang) return; // never answers: the try times out
      if (r.failNext > 0) {
        r.failNext--;
        res.writeHead(503).end("busy");
        return;
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  r.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return r;
}

let db: TestDatabase;
let services: Services;
let rx: Receiver;
const opts: WebhookOptions = { maxAttempts: 4, backoffBaseMs: 1, timeoutMs: 500 };
const ids = {} as Record<"agency" | "clerk" | "orgA" | "adminA" | "orgB" | "adminB", string>;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  services = testServices(db.sql, { WEBHOOK_MAX_ATTEMPTS: 4, WEBHOOK_BACKOFF_BASE_MS: 1, WEBHOOK_TIMEOUT_MS: 500 });
  rx = await receiver();
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  ids.agency = a!.id;
  ids.clerk = await createStaff(db.sql, { email: "clerk@webhooks.test", fullName: "Cán bộ Tiếp Nhận", password: "unused-password-123", roles: [{ role: "clerk", agencyId: ids.agency }] });
  const A = await makeOrganisation(db.sql, "Ngân hàng A", "0100000011", "admin-a@webhooks.test");
  const B = await makeOrganisation(db.sql, "Ngân hàng B", "0100000012", "admin-b@webhooks.test");
  Object.assign(ids, { orgA: A.organisationId, adminA: A.adminId, orgB: B.organisationId, adminB: B.adminId });
});
afterEach(() => {
  vi.useRealTimers();
  rx.failNext = 0;
  rx.hang = false;
});
afterAll(async () => {
  await rx?.close();
  await db?.drop();
});

async function followedCase(...organisations: string[]) {
  const c = await makeCase(db.sql, ids.agency);
  for (const o of organisations) await db.sql`insert into organisation_cases (organisation_id, case_id) values (${o}, ${c.caseId})`;
  return c;
}

async function askForMore(caseId: string) {
  const r = await fireEvent(db.sql, {
    caseId,
    event: "askForMore",
    actor: { type: "staff", staffId: ids.clerk },
    input: { message: "Đề nghị nộp bản sao bản án có chứng thực.", documentTypes: ["judgment"] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.eventId;
}

describe("webhook deliveries", () => {
  let secretA = "";
  let endpointA = "";

  it("accept https endpoints, and http only to this machine outside production", () => {
    expect(endpointUrlProblem("https://bank.example.vn/thads", true)).toBeNull();
    expect(endpointUrlProblem("http://bank.example.vn/thads", true)).toBe("httpsRequired");
    expect(endpointUrlProblem("http://localhost:9000/x", true)).toBe("httpsRequired");
    expect(endpointUrlProblem("http://localhost:9000/x", false)).toBeNull();
    expect(endpointUrlProblem("http://10.0.0.1/x", false)).toBe("httpsRequired");
    expect(endpointUrlProblem("ftp://x", false)).toBe("invalid");
    expect(endpointUrlProblem("not a url", false)).toBe("invalid");
    expect(endpointUrlProblem("https://user:pw@bank.example.vn/", false)).toBe("invalid");
  });

  it("the engine's case_followers job makes one delivery per following organisation's endpoint, signed with its secret", async () => {
    const created = await createEndpoint(db.sql, { organisationId: ids.orgA, url: rx.url, actor: { citizenId: ids.adminA } });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    secretA = created.secret;
    endpointA = created.id;
    const c = await followedCase(ids.orgA);
    await askForMore(c.caseId);
    await flushJobOutbox(db.sql);
    const queued = await queuedJobs<{ caseId: string; eventId: number }>(db.sql, "case_followers");
    const mine = queued.find((j) => j.caseId === c.caseId)!;
    expect(mine).toBeDefined();
    await apiTasks(services).case_followers!(mine, {} as never);
    await apiTasks(services).case_followers!(mine, {} as never); // a repeated job adds nothing
    const deliveries = await db.sql<{ id: string }[]>`select id from webhook_deliveries where case_id = ${c.caseId}`;
    expect(deliveries).toHaveLength(1);
    const jobs = await queuedJobs<{ deliveryId: string }>(db.sql, WEBHOOK_DELIVER_TASK);
    expect(jobs.map((j) => j.deliveryId)).toContain(deliveries[0]!.id);

    const before = rx.received.length;
    await apiTasks(services)[WEBHOOK_DELIVER_TASK]!({ deliveryId: deliveries[0]!.id }, {} as never);
    expect(rx.received.length).toBe(before + 1);
    const got = rx.received[rx.received.length - 1]!;
    expect(got.headers["webhook-id"]).toBe(`msg_${deliveries[0]!.id}`);
    const payload = new Webhook(secretA).verify(got.body, got.headers) as { type: string; data: Record<string, unknown> & { event: { event: string; details: Record<string, unknown> } } };
    expect(payload.type).toBe("case.status_changed");
    expect(payload.data).toMatchObject({ reference: c.reference, state: "awaitingCitizen", previousState: "received", office: { code: "HNI-KV01" } });
    expect(payload.data.event.event).toBe("askForMore");
    for (const personal of ["Nguyễn Văn Án", "Trần Thị Bình", "an@webhooks.test", "Cán bộ Tiếp Nhận", c.caseId]) expect(got.body).not.toContain(personal);
    const [d] = await db.sql`select status, attempts, last_status, delivered_at from webhook_deliveries where id = ${deliveries[0]!.id}`;
    expect(d).toMatchObject({ status: "delivered", attempts: 1, last_status: 204 });
  });

  it("fails the signature check for a tampered body, a wrong secret and a replay with an old timestamp", async () => {
    const got = rx.received[rx.received.length - 1]!;
    const wh = new Webhook(secretA);
    expect(() => wh.verify(got.body, got.headers)).not.toThrow();
    expect(() => wh.verify(got.body.replace("awaitingCitizen", "closed"), got.headers)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(got.body, got.headers)).toThrow();
    // The same delivery replayed ten minutes later: its timestamp is too old (Standard Webhooks' 5-minute tolerance).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Date.now() + 10 * 60_000));
    expect(() => wh.verify(got.body, got.headers)).toThrow(/too old/i);
    vi.useRealTimers();
    // A forged timestamp with the old signature fails too.
    expect(() => wh.verify(got.body, { ...got.headers, "webhook-timestamp": String(Math.floor(Date.now() / 1000) + 1) })).toThrow();
  });

  it("retries with doubling backoff against a receiver that fails twice, then delivers with the same webhook-id", async () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(1000, n))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(1000, 30)).toBe(3_600_000);
    const c = await followedCase(ids.orgA);
    const eventId = await askForMore(c.caseId);
    expect(await fanOutCaseEvent(db.sql, { caseId: c.caseId, eventId })).toBe(1);
    const [d] = await db.sql<{ id: string }[]>`select id from webhook_deliveries where case_id = ${c.caseId}`;
    rx.failNext = 2;
    const before = rx.received.length;
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 5));
      outcomes.push(await deliverWebhook(db.sql, opts, { deliveryId: d!.id }));
    }
    expect(outcomes).toEqual(["retry", "retry", "delivered"]);
    const tries = rx.received.slice(before);
    expect(new Set(tries.map((t) => t.headers["webhook-id"]))).toEqual(new Set([`msg_${d!.id}`]));
    for (const t of tries) expect(() => new Webhook(secretA).verify(t.body, t.headers)).not.toThrow();
    const [row] = await db.sql`select status, attempts from webhook_deliveries where id = ${d!.id}`;
    expect(row).toMatchObject({ status: "delivered", attempts: 3 });
    const log = (await listDeliveries(db.sql, { organisationId: ids.orgA })).find((x) => x.id === d!.id)!;
    expect(log.attempts.map((a) => a.httpStatus)).toEqual([503, 503, 204]);
  });

  it("gives up after the last try (timeouts count), then 'send again' delivers it with the same id, audited", async () => {
    const c = await followedCase(ids.orgA);
    const eventId = await askForMore(c.caseId);
    await fanOutCaseEvent(db.sql, { caseId: c.caseId, eventId });
    const [d] = await db.sql<{ id: string }[]>`select id from webhook_deliveries where case_id = ${c.caseId}`;
    rx.failNext = 3;
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 5));
      outcomes.push(await deliverWebhook(db.sql, opts, { deliveryId: d!.id }));
    }
    rx.hang = true;
    await new Promise((r) => setTimeout(r, 10));
    outcomes.push(await deliverWebhook(db.sql, opts, { deliveryId: d!.id }));
    expect(outcomes).toEqual(["retry", "retry", "retry", "failed"]);
    const [failed] = await db.sql`select status, last_error from webhook_deliveries where id = ${d!.id}`;
    expect(failed).toMatchObject({ status: "failed", last_error: "timeout after 500 ms" });
    expect(await deliverWebhook(db.sql, opts, { deliveryId: d!.id })).toBe("skipped");
    rx.hang = false;
    // Another organisation cannot send it again (nor see it).
    expect(await redeliver(db.sql, opts, { organisationId: ids.orgB, deliveryId: d!.id, actor: { citizenId: ids.adminB } })).toBeNull();
    const before = rx.received.length;
    expect(await redeliver(db.sql, opts, { organisationId: ids.orgA, deliveryId: d!.id, actor: { citizenId: ids.adminA } })).toBe("delivered");
    expect(rx.received[before]!.headers["webhook-id"]).toBe(`msg_${d!.id}`);
    const [audited] = await db.sql`select actor_id, action from audit_log where target_id = ${d!.id}`;
    expect(audited).toMatchObject({ actor_id: ids.adminA, action: "webhook.redeliver" });
    const log = (await listDeliveries(db.sql, { organisationId: ids.orgA })).find((x) => x.id === d!.id)!;
    expect(log.attempts.at(-1)).toMatchObject({ manual: true, httpStatus: 204 });
  });

  it("keeps an organisation's deliveries invisible to another, and a disabled endpoint gets nothing new", async () => {
    const rxB = await receiver();
    try {
      const b = await createEndpoint(db.sql, { organisationId: ids.orgB, url: rxB.url, actor: { citizenId: ids.adminB } });
      const both = await followedCase(ids.orgA, ids.orgB);
      const onlyB = await followedCase(ids.orgB);
      await fanOutCaseEvent(db.sql, { caseId: both.caseId, eventId: await askForMore(both.caseId) });
      await fanOutCaseEvent(db.sql, { caseId: onlyB.caseId, eventId: await askForMore(onlyB.caseId) });
      const a = await listDeliveries(db.sql, { organisationId: ids.orgA });
      const bs = await listDeliveries(db.sql, { organisationId: ids.orgB });
      expect(a.map((x) => x.reference)).toContain(both.reference);
      expect(a.map((x) => x.reference)).not.toContain(onlyB.reference);
      expect(bs.map((x) => x.reference).sort()).toEqual([both.reference, onlyB.reference].sort());
      expect(new Set(bs.map((x) => x.url))).toEqual(new Set([rxB.url]));
      expect(a.some((x) => bs.some((y) => y.id === x.id))).toBe(false);
      // B's delivery, signed with B's secret: A's secret does not verify it.
      const mine = bs.find((x) => x.reference === onlyB.reference)!;
      await deliverWebhook(db.sql, opts, { deliveryId: mine.id });
      const got = rxB.received[rxB.received.length - 1]!;
      expect(() => new Webhook(b.secret).verify(got.body, got.headers)).not.toThrow();
      expect(() => new Webhook(secretA).verify(got.body, got.headers)).toThrow();
      expect(await disableEndpoint(db.sql, { organisationId: ids.orgA, endpointId: b.id, actor: { citizenId: ids.adminA } })).toBe(false);
      expect(await disableEndpoint(db.sql, { organisationId: ids.orgA, endpointId: endpointA, actor: { citizenId: ids.adminA } })).toBe(true);
      const later = await followedCase(ids.orgA);
      expect(await fanOutCaseEvent(db.sql, { caseId: later.caseId, eventId: await askForMore(later.caseId) })).toBe(0);
    } finally {
      await rxB.close();
    }
  });
});
