import { Webhook } from "standardwebhooks";
import type { Config, HandoffEndpoint, Logger } from "../config";
import type { Pool, Sql } from "../db";
import { enqueue } from "../jobs";
import { CaseMessageSchema, messageIdOf, messageTypeOf, ReceiverReplySchema, type CaseMessage, MESSAGE_VERSION } from "./message";

/**
 * The hand-off (docs/decisions/060-handoff-to-the-case-system.md): `recordMessages` turns case events into
 * messages (task handoff_record, owed by the engine's transaction through the job outbox), `deliverCase`
 * sends one case's messages to its office's case system, in seq order, signed the Standard Webhooks way
 * (task handoff_deliver, serial per case in graphile-worker queue "handoff:<case id>").
 */
export type HandoffOptions = {
  endpoints: Record<string, HandoffEndpoint>;
  maxAttempts: number;
  /** Backoff: the n-th failed try waits base × 2^(n−1), at most MAX_BACKOFF_MS. */
  backoffBaseMs: number;
  timeoutMs: number;
  /** Does this event of this case type go to the case system (its definition's `handoff`)? */
  isHandoffEvent: (caseType: string, event: string) => boolean;
  log?: Logger;
};

export const MAX_BACKOFF_MS = 6 * 3600_000;
export const NO_ENDPOINT = "no-endpoint";
export const DELIVER_TASK = "handoff_deliver";
export const RECORD_TASK = "handoff_record";

export const deliverQueue = (caseId: string) => `handoff:${caseId}`;

export function handoffOptions(config: Pick<Config, "HANDOFF_ENDPOINTS" | "HANDOFF_MAX_ATTEMPTS" | "HANDOFF_BACKOFF_BASE_MS" | "HANDOFF_TIMEOUT_MS">, isHandoffEvent: HandoffOptions["isHandoffEvent"], log?: Logger): HandoffOptions {
  return {
    endpoints: config.HANDOFF_ENDPOINTS,
    maxAttempts: config.HANDOFF_MAX_ATTEMPTS,
    backoffBaseMs: config.HANDOFF_BACKOFF_BASE_MS,
    timeoutMs: config.HANDOFF_TIMEOUT_MS,
    isHandoffEvent,
    log,
  };
}

/** The endpoint of an office: its own, else "*", else none (its messages wait). */
export function endpointFor(endpoints: Record<string, HandoffEndpoint>, agencyCode: string): HandoffEndpoint | null {
  return endpoints[agencyCode] ?? endpoints["*"] ?? null;
}

/** Queues the delivery of a case's messages (in its transaction when `sql` is one), serial per case. */
export async function queueDelivery(sql: Sql, caseId: string, runAt?: Date) {
  await enqueue(sql, DELIVER_TASK, { caseId }, { queueName: deliverQueue(caseId), jobKey: `${DELIVER_TASK}:${caseId}`, maxAttempts: 25, runAt });
}

type EventRow = {
  event_id: string;
  seq: number;
  event: string;
  from_state: string | null;
  to_state: string;
  fields: Record<string, unknown>;
  at: Date;
  case_id: string;
  case_type: string;
  submission_id: string;
  reference: string;
  case_number: string | null;
  agency_id: string;
  agency_code: string;
  agency_name: string;
};

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const day = (v: unknown) => {
  const s = str(v);
  if (!s) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) return undefined;
  return m.length === 4 ? `${m[3]}-${m[2]}-${m[1]}` : m[1];
};
const isoDay = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10));

/** The submission as the case system files it, by case type (null when the type has no summary). */
async function submissionSummary(sql: Sql, caseType: string, submissionId: string): Promise<CaseMessage["submission"]> {
  if (caseType !== "enforcement-request") return null;
  const [r] = await sql<{ applicant_name: string; debtor_name: string; judgment_number: string; judgment_effective_on: Date | string; money_amount: string | null; court_code: string; court_name: string }[]>`
    select r.applicant_name, r.debtor_name, r.judgment_number, r.judgment_effective_on::text as judgment_effective_on,
      r.money_amount::text as money_amount, ct.code as court_code, ct.name as court_name
    from enforcement_requests r join courts ct on ct.id = r.court_id where r.id = ${submissionId}`;
  if (!r) return null;
  return {
    applicant: { name: r.applicant_name },
    debtor: { name: r.debtor_name },
    judgment: { number: r.judgment_number, effectiveOn: isoDay(r.judgment_effective_on), court: { code: r.court_code, name: r.court_name } },
    amount: r.money_amount === null ? null : Number(r.money_amount),
  };
}

/** The event's fields the case system needs (officer and office named, not only identified). */
async function messageFields(sql: Sql, fields: Record<string, unknown>): Promise<CaseMessage["fields"]> {
  const out: CaseMessage["fields"] = {};
  if (str(fields.decisionNumber)) out.decisionNumber = str(fields.decisionNumber);
  if (day(fields.decisionDate)) out.decisionDate = day(fields.decisionDate);
  if (str(fields.ground)) out.ground = str(fields.ground);
  if (str(fields.note)) out.note = str(fields.note);
  if (str(fields.reason)) out.reason = str(fields.reason);
  const amount = typeof fields.amount === "number" ? fields.amount : typeof fields.amount === "string" && /^\d+$/.test(fields.amount) ? Number(fields.amount) : undefined;
  if (amount !== undefined && Number.isSafeInteger(amount)) out.amount = amount;
  const officerId = str(fields.officerId);
  if (officerId && /^[0-9a-f-]{36}$/i.test(officerId)) {
    const [s] = await sql<{ id: string; full_name: string }[]>`select id, full_name from staff where id = ${officerId}`;
    if (s) out.officer = { id: s.id, name: s.full_name };
  }
  const agencyId = str(fields.agencyId);
  if (agencyId && /^[0-9a-f-]{36}$/i.test(agencyId)) {
    const [a] = await sql<{ code: string; name: string }[]>`select code, name from agencies where id = ${agencyId}`;
    if (a) out.toOffice = { code: a.code, name: a.name };
  }
  return out;
}

export async function buildMessage(sql: Sql, e: EventRow): Promise<CaseMessage> {
  return CaseMessageSchema.parse({
    version: MESSAGE_VERSION,
    id: messageIdOf(e.case_id, e.seq),
    type: messageTypeOf(e.event),
    caseId: e.case_id,
    caseType: e.case_type,
    sequence: e.seq,
    event: e.event,
    occurredAt: e.at.toISOString(),
    office: { code: e.agency_code, name: e.agency_name },
    reference: e.reference,
    caseNumber: e.case_number,
    previousState: e.from_state,
    state: e.to_state,
    fields: await messageFields(sql, e.fields ?? {}),
    submission: await submissionSummary(sql, e.case_type, e.submission_id),
  });
}

/**
 * Task handoff_record {caseId, eventId}: writes the message of that event and of every earlier hand-off
 * event of the case not written yet (so that record jobs running out of order never let a later message
 * out first), idempotent on (case_id, seq), then queues the case's delivery. Returns the ids written.
 */
export async function recordMessages(sql: Pool, opts: Pick<HandoffOptions, "isHandoffEvent">, { caseId, eventId }: { caseId: string; eventId: string | number }): Promise<string[]> {
  return sql.begin(async (tx): Promise<string[]> => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${`handoff:${caseId}`}, 0))`;
    const [target] = await tx<{ seq: number }[]>`select seq from case_events where id = ${String(eventId)} and case_id = ${caseId}`;
    if (!target) return [];
    const events = await tx<EventRow[]>`
      select e.id::text as event_id, e.seq, e.event, e.from_state, e.to_state, e.fields, e.at,
        c.id as case_id, c.case_type, c.submission_id, c.reference, c.case_number, c.agency_id, a.code as agency_code, a.name as agency_name
      from case_events e join cases c on c.id = e.case_id join agencies a on a.id = c.agency_id
      where e.case_id = ${caseId} and e.seq <= ${target.seq}
        and not exists (select 1 from handoff_messages m where m.case_id = e.case_id and m.seq = e.seq)
      order by e.seq`;
    const written: string[] = [];
    for (const e of events) {
      if (e.event_id !== String(eventId) && !opts.isHandoffEvent(e.case_type, e.event)) continue;
      const message = await buildMessage(tx, e);
      const inserted = await tx`
        insert into handoff_messages (id, case_id, seq, event_id, agency_id, type, body)
        values (${message.id}, ${caseId}, ${e.seq}, ${e.event_id}, ${e.agency_id}, ${message.type}, ${tx.json(message as never)})
        on conflict do nothing returning id`;
      if (inserted.length) written.push(message.id);
    }
    await queueDelivery(tx, caseId);
    return written;
  });
}

export type DeliveryOutcome = {
  delivered: string[];
  /** Why the case's next message is not delivered now (null: nothing left). */
  waiting: null | "retry" | "dead" | typeof NO_ENDPOINT;
  retryAt?: Date;
};

type OpenMessage = { id: string; seq: number; status: "pending" | "dead"; attempts: number; next_attempt_at: Date | null; body: unknown; agency_code: string };

/** The wait after the n-th failed try (1-based): base × 2^(n−1), capped. */
export const backoffMs = (base: number, failedTries: number) => Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, failedTries - 1));

async function post(endpoint: HandoffEndpoint, id: string, payload: string, timeoutMs: number): Promise<{ ok: true; caseNumber: string | null } | { ok: false; error: string }> {
  const at = new Date();
  const signature = new Webhook(endpoint.secret).sign(id, at, payload);
  try {
    const res = await fetch(endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "thads-portal-handoff/1",
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body: payload,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) return { ok: false, error: `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ""}` };
    let reply: unknown = {};
    try {
      reply = text ? JSON.parse(text) : {};
    } catch {
      reply = {};
    }
    const parsed = ReceiverReplySchema.safeParse(reply);
    return { ok: true, caseNumber: parsed.success ? (parsed.data.caseNumber ?? null) : null };
  } catch (err) {
    const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (e?.name === "TimeoutError" || e?.name === "AbortError") return { ok: false, error: `timeout after ${timeoutMs} ms` };
    return { ok: false, error: (e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err)).slice(0, 300) };
  }
}

/**
 * Task handoff_deliver {caseId}: sends the case's undelivered messages in seq order, one at a time; stops at
 * the first that cannot go now (a retry not due yet, a dead letter, no endpoint for its office). A 2xx
 * answer delivers it (and stores the case number answered in the message and in cases.external_case_number);
 * anything else counts a try and schedules the next one with exponential backoff, until the last try makes
 * it dead. Run serially per case (its queue); the caller queues the retry at `retryAt`.
 */
export async function deliverCase(sql: Pool, opts: HandoffOptions, caseId: string): Promise<DeliveryOutcome> {
  const delivered: string[] = [];
  for (;;) {
    const [m] = await sql<OpenMessage[]>`
      select m.id, m.seq, m.status, m.attempts, m.next_attempt_at, m.body, a.code as agency_code
      from handoff_messages m join agencies a on a.id = m.agency_id
      where m.case_id = ${caseId} and m.status <> 'delivered' order by m.seq limit 1`;
    if (!m) return { delivered, waiting: null };
    if (m.status === "dead") return { delivered, waiting: "dead" };
    if (m.next_attempt_at && m.next_attempt_at.getTime() > Date.now()) return { delivered, waiting: "retry", retryAt: m.next_attempt_at };
    const endpoint = endpointFor(opts.endpoints, m.agency_code);
    if (!endpoint) {
      await sql`update handoff_messages set last_error = ${NO_ENDPOINT} where id = ${m.id} and status = 'pending'`;
      opts.log?.warn({ caseId, messageId: m.id, office: m.agency_code }, "hand-off waits: no case-system endpoint for the office");
      return { delivered, waiting: NO_ENDPOINT };
    }
    // Keys in the schema's order, checked once more on the way out.
    const payload = JSON.stringify(CaseMessageSchema.parse(m.body));
    const result = await post(endpoint, m.id, payload, opts.timeoutMs);
    if (result.ok) {
      // One statement: the message delivered and, when the receiver gave its number, the case's.
      await sql`
        with m as (
          update handoff_messages set status = 'delivered', attempts = attempts + 1, last_attempt_at = now(), delivered_at = now(),
            next_attempt_at = null, last_error = null, response_case_number = ${result.caseNumber}
          where id = ${m.id} returning case_id, response_case_number
        )
        update cases c set external_case_number = m.response_case_number from m
        where c.id = m.case_id and m.response_case_number is not null and c.external_case_number is distinct from m.response_case_number`;
      delivered.push(m.id);
      continue;
    }
    const tries = m.attempts + 1;
    const dead = tries >= opts.maxAttempts;
    const retryAt = dead ? null : new Date(Date.now() + backoffMs(opts.backoffBaseMs, tries));
    await sql`
      update handoff_messages set attempts = ${tries}, last_attempt_at = now(), last_error = ${result.error},
        status = ${dead ? "dead" : "pending"}, next_attempt_at = ${retryAt}
      where id = ${m.id}`;
    if (dead) {
      opts.log?.error({ caseId, messageId: m.id, tries, error: result.error }, "hand-off message is dead after its last try (dead-letter list)");
      return { delivered, waiting: "dead" };
    }
    opts.log?.warn({ caseId, messageId: m.id, tries, error: result.error, retryAt }, "hand-off try failed; retrying later");
    return { delivered, waiting: "retry", retryAt: retryAt! };
  }
}

/** After handoff_deliver: queue the next try when one is due later. */
export async function deliverAndReschedule(sql: Pool, opts: HandoffOptions, caseId: string): Promise<DeliveryOutcome> {
  const outcome = await deliverCase(sql, opts, caseId);
  if (outcome.waiting === "retry" && outcome.retryAt) await queueDelivery(sql, caseId, outcome.retryAt);
  return outcome;
}

/**
 * Cron safety net (task handoff_sweep): queues delivery for the cases whose first undelivered message is
 * pending and due (a lost job, a process that stopped, an office whose endpoint has been configured since).
 */
export async function sweepHandoff(sql: Sql, opts: Pick<HandoffOptions, "endpoints">, { limit = 500 }: { limit?: number } = {}): Promise<number> {
  const all = "*" in opts.endpoints;
  const codes = Object.keys(opts.endpoints);
  const rows = await sql<{ case_id: string }[]>`
    select h.case_id from (
      select distinct on (m.case_id) m.case_id, m.status, m.next_attempt_at, m.agency_id, m.last_error
      from handoff_messages m where m.status <> 'delivered' order by m.case_id, m.seq
    ) h join agencies a on a.id = h.agency_id
    where h.status = 'pending' and (h.next_attempt_at is null or h.next_attempt_at <= now())
      and (${all} or a.code = any(${codes}::text[]))
    limit ${limit}`;
  for (const r of rows) await queueDelivery(sql, r.case_id);
  return rows.length;
}
