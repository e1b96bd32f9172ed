import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { Pool, Sql } from "../db";
import { audit } from "../audit";
import { enqueue } from "../jobs";
import { followersOf } from "../organisations";
import { caseTypeById, partyCaseSummaries } from "../cases";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { LOCALES } from "../../vocabulary/i18n/config";

/**
 * Webhooks of an organisation (docs/decisions/071): for every public event of a case it follows, one
 * delivery per active endpoint, POSTed as JSON signed the Standard Webhooks way (`webhook-id` = msg_<delivery
 * id>, stable across retries and "send again"; `webhook-timestamp`; `webhook-signature` v1 HMAC-SHA256 with
 * the endpoint's whsec_ secret), retried with doubling backoff up to WEBHOOK_MAX_ATTEMPTS, each try with a
 * timeout. The payload is the party view's public part: reference, state, the event and its public fields.
 */
export const WEBHOOK_DELIVER_TASK = "webhook_deliver";
export const MAX_BACKOFF_MS = 3_600_000;

export type WebhookOptions = { maxAttempts: number; backoffBaseMs: number; timeoutMs: number };
export const webhookOptions = (c: { WEBHOOK_MAX_ATTEMPTS: number; WEBHOOK_BACKOFF_BASE_MS: number; WEBHOOK_TIMEOUT_MS: number }): WebhookOptions => ({
  maxAttempts: c.WEBHOOK_MAX_ATTEMPTS,
  backoffBaseMs: c.WEBHOOK_BACKOFF_BASE_MS,
  timeoutMs: c.WEBHOOK_TIMEOUT_MS,
});

/** The wait after the n-th failed try (1-based): base × 2^(n−1), capped at an hour. */
export const backoffMs = (base: number, failedTries: number) => Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, failedTries - 1));

export const newWebhookSecret = () => `whsec_${crypto.randomBytes(32).toString("base64")}`;
export const webhookIdOf = (deliveryId: string) => `msg_${deliveryId}`;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** null when the URL may receive deliveries: https (any host), or outside production http to this machine. */
export function endpointUrlProblem(raw: string, isProduction: boolean): "invalid" | "httpsRequired" | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return "invalid";
  }
  if (raw.trim().length > 2000 || url.username || url.password) return "invalid";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && !isProduction && LOOPBACK.has(url.hostname)) return null;
  return url.protocol === "http:" ? "httpsRequired" : "invalid";
}

type Actor = { citizenId: string; ip?: string | null; requestId?: string | null };

export async function createEndpoint(sql: Pool, { organisationId, url, actor }: { organisationId: string; url: string; actor: Actor }) {
  const secret = newWebhookSecret();
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into webhook_endpoints (organisation_id, url, secret, created_by) values (${organisationId}, ${url.trim()}, ${secret}, ${actor.citizenId}) returning id`;
    await audit(tx, { actorType: "citizen", actorId: actor.citizenId, action: "webhook.endpoint_create", targetType: "webhook_endpoint", targetId: row!.id, ip: actor.ip, requestId: actor.requestId, details: { organisationId, url: url.trim() } });
    return { id: row!.id, secret };
  });
}

export async function disableEndpoint(sql: Pool, { organisationId, endpointId, actor }: { organisationId: string; endpointId: string; actor: Actor }): Promise<boolean> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      update webhook_endpoints set disabled_at = now(), disabled_by = ${actor.citizenId}
      where id = ${endpointId} and organisation_id = ${organisationId} and disabled_at is null returning id`;
    if (!row) return false;
    await audit(tx, { actorType: "citizen", actorId: actor.citizenId, action: "webhook.endpoint_disable", targetType: "webhook_endpoint", targetId: row.id, ip: actor.ip, requestId: actor.requestId, details: { organisationId } });
    return true;
  });
}

export type EndpointItem = { id: string; url: string; createdAt: string; disabledAt: string | null };
export async function listEndpoints(sql: Sql, { organisationId }: { organisationId: string }): Promise<EndpointItem[]> {
  const rows = await sql<{ id: string; url: string; created_at: Date; disabled_at: Date | null }[]>`
    select id, url, created_at, disabled_at from webhook_endpoints where organisation_id = ${organisationId} order by created_at desc, id`;
  return rows.map((r) => ({ id: r.id, url: r.url, createdAt: r.created_at.toISOString(), disabledAt: r.disabled_at?.toISOString() ?? null }));
}

/** What a delivery carries (and nothing more): no names, no ID numbers, only the event's public fields. */
export type WebhookPayload = {
  type: "case.status_changed" | "case.event_added";
  timestamp: string;
  data: {
    reference: string;
    caseType: string;
    state: string;
    previousState: string | null;
    stateLabel: Record<string, string>;
    caseNumber: string | null;
    office: { code: string; name: string };
    event: { event: string; label: Record<string, string>; at: string; details: Record<string, unknown> };
  };
};

async function queueDeliver(sql: Sql, deliveryId: string, runAt?: Date) {
  await enqueue(sql, WEBHOOK_DELIVER_TASK, { deliveryId }, { jobKey: `${WEBHOOK_DELIVER_TASK}:${deliveryId}`, runAt, maxAttempts: 25 });
}

/**
 * Task case_followers {caseId, eventId} (queued by the engine for every public event): one delivery per
 * organisation following the case and each of its active endpoints, each queued — in one transaction, and
 * at most once per endpoint and event (a repeated job adds nothing).
 */
export async function fanOutCaseEvent(sql: Pool, { caseId, eventId }: { caseId: string; eventId: number | string }): Promise<number> {
  const organisations = await followersOf(sql, { caseId });
  if (!organisations.length) return 0;
  const [ev] = await sql<{ event: string; from_state: string | null; to_state: string; at: Date; details: Record<string, unknown> | null; public: boolean }[]>`
    select e.event, e.from_state, e.to_state, e.at, e.public, t.details
    from case_events e left join case_timeline t on t.event_id = e.id
    where e.id = ${eventId} and e.case_id = ${caseId}`;
  if (!ev || !ev.public) return 0;
  const [summary] = await partyCaseSummaries(sql, [caseId]);
  if (!summary) return 0;
  const content = caseTypeById(summary.caseType).content;
  const words = (key: string) => Object.fromEntries(LOCALES.map((l) => [l, (serverT(l) as unknown as (k: string) => string)(key)]));
  const payload: WebhookPayload = {
    type: ev.from_state !== ev.to_state ? "case.status_changed" : "case.event_added",
    timestamp: ev.at.toISOString(),
    data: {
      reference: summary.reference,
      caseType: summary.caseType,
      state: ev.to_state,
      previousState: ev.from_state,
      stateLabel: words(`${content}.states.${ev.to_state}`),
      caseNumber: summary.caseNumber,
      office: { code: summary.office.code, name: summary.office.name },
      event: { event: ev.event, label: words(`${content}.events.${ev.event}.title`), at: ev.at.toISOString(), details: ev.details ?? {} },
    },
  };
  return sql.begin(async (tx) => {
    const rows = await tx<{ id: string }[]>`
      insert into webhook_deliveries (organisation_id, endpoint_id, case_id, event_id, event_type, payload)
      select w.organisation_id, w.id, ${caseId}, ${eventId}, ${payload.type}, ${tx.json(payload as never)}
      from webhook_endpoints w where w.organisation_id in ${tx(organisations)} and w.disabled_at is null
      on conflict (endpoint_id, event_id) do nothing returning id`;
    for (const r of rows) await queueDeliver(tx, r.id);
    return rows.length;
  });
}

export type AttemptResult = { ok: boolean; httpStatus: number | null; error: string | null; durationMs: number };

async function post(url: string, secret: string, id: string, body: string, timeoutMs: number): Promise<AttemptResult> {
  const at = new Date();
  const started = performance.now();
  const signature = new Webhook(secret).sign(id, at, body);
  try {
    const res = await fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "thads-portal-webhooks/1",
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text().catch(() => "");
    const durationMs = Math.round(performance.now() - started);
    return res.ok ? { ok: true, httpStatus: res.status, error: null, durationMs } : { ok: false, httpStatus: res.status, error: text.slice(0, 200) || null, durationMs };
  } catch (err) {
    const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const durationMs = Math.round(performance.now() - started);
    if (e?.name === "TimeoutError" || e?.name === "AbortError") return { ok: false, httpStatus: null, error: `timeout after ${timeoutMs} ms`, durationMs };
    return { ok: false, httpStatus: null, error: (e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err)).slice(0, 300), durationMs };
  }
}

export type DeliverOutcome = "delivered" | "retry" | "failed" | "skipped";

/**
 * Task webhook_deliver {deliveryId}: one try of a pending, due delivery to an active endpoint. A 2xx delivers
 * it; anything else (status, timeout, refused connection) counts a try and queues the next one after the
 * backoff, until the last try marks it failed. Each try is logged (webhook_attempts).
 */
export async function deliverWebhook(sql: Pool, opts: WebhookOptions, { deliveryId, manual = false }: { deliveryId: string; manual?: boolean }): Promise<DeliverOutcome> {
  const [d] = await sql<{ id: string; status: string; attempts: number; next_attempt_at: Date | null; payload: unknown; url: string; secret: string; disabled_at: Date | null }[]>`
    select d.id, d.status, d.attempts, d.next_attempt_at, d.payload, w.url, w.secret, w.disabled_at
    from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id where d.id = ${deliveryId}`;
  if (!d || d.status !== "pending" || d.disabled_at) return "skipped";
  if (d.next_attempt_at && d.next_attempt_at.getTime() > Date.now() + 50) {
    await queueDeliver(sql, d.id, d.next_attempt_at);
    return "skipped";
  }
  const result = await post(d.url, d.secret, webhookIdOf(d.id), JSON.stringify(d.payload), opts.timeoutMs);
  const tries = d.attempts + 1;
  const failed = !result.ok && tries >= opts.maxAttempts;
  const retryAt = result.ok || failed ? null : new Date(Date.now() + backoffMs(opts.backoffBaseMs, tries));
  await sql.begin(async (tx) => {
    await tx`insert into webhook_attempts (delivery_id, http_status, error, duration_ms, manual) values (${d.id}, ${result.httpStatus}, ${result.error}, ${result.durationMs}, ${manual})`;
    await tx`
      update webhook_deliveries set attempts = ${tries}, last_status = ${result.httpStatus}, last_error = ${result.error}, last_attempt_at = now(),
        status = ${result.ok ? "delivered" : failed ? "failed" : "pending"}, next_attempt_at = ${retryAt},
        delivered_at = ${result.ok ? tx`now()` : null}
      where id = ${d.id}`;
    if (retryAt) await queueDeliver(tx, d.id, retryAt);
  });
  return result.ok ? "delivered" : failed ? "failed" : "retry";
}

/**
 * "Gửi lại": the organisation sends one of its deliveries again, now, with the same webhook-id (the receiver
 * dedupes by it). Another organisation's delivery id: false, as a missing one. Audited.
 */
export async function redeliver(sql: Pool, opts: WebhookOptions, { organisationId, deliveryId, actor }: { organisationId: string; deliveryId: string; actor: Actor }): Promise<DeliverOutcome | null> {
  const ok = await sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      update webhook_deliveries set status = 'pending', next_attempt_at = null, attempts = least(attempts, ${opts.maxAttempts - 1})
      where id = ${deliveryId} and organisation_id = ${organisationId} returning id`;
    if (!row) return false;
    await audit(tx, { actorType: "citizen", actorId: actor.citizenId, action: "webhook.redeliver", targetType: "webhook_delivery", targetId: row.id, ip: actor.ip, requestId: actor.requestId, details: { organisationId } });
    return true;
  });
  if (!ok) return null;
  return deliverWebhook(sql, opts, { deliveryId, manual: true });
}

export type DeliveryItem = {
  id: string;
  webhookId: string;
  url: string;
  eventType: string;
  reference: string;
  status: "pending" | "delivered" | "failed";
  attempts: { at: string; httpStatus: number | null; error: string | null; durationMs: number; manual: boolean }[];
  nextAttemptAt: string | null;
  createdAt: string;
};

/** The organisation's deliveries, newest first, with each try (only its own: the organisation in the WHERE). */
export async function listDeliveries(sql: Sql, { organisationId, limit = 50 }: { organisationId: string; limit?: number }): Promise<DeliveryItem[]> {
  const rows = await sql<{ id: string; url: string; event_type: string; reference: string; status: DeliveryItem["status"]; next_attempt_at: Date | null; created_at: Date }[]>`
    select d.id, w.url, d.event_type, d.payload->'data'->>'reference' as reference, d.status, d.next_attempt_at, d.created_at
    from webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id
    where d.organisation_id = ${organisationId} order by d.created_at desc, d.id limit ${limit}`;
  const attempts = rows.length
    ? await sql<{ delivery_id: string; at: Date; http_status: number | null; error: string | null; duration_ms: number; manual: boolean }[]>`
        select delivery_id, at, http_status, error, duration_ms, manual from webhook_attempts where delivery_id in ${sql(rows.map((r) => r.id))} order by at, id`
    : [];
  return rows.map((r) => ({
    id: r.id,
    webhookId: webhookIdOf(r.id),
    url: r.url,
    eventType: r.event_type,
    reference: r.reference,
    status: r.status,
    nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    attempts: attempts.filter((a) => a.delivery_id === r.id).map((a) => ({ at: a.at.toISOString(), httpStatus: a.http_status, error: a.error, durationMs: a.duration_ms, manual: a.manual })),
  }));
}
