import type { Pool, Sql } from "../db";
import { actsAt, agenciesInScope, scopedAgencies } from "../agencies";
import { isUuid } from "../../vocabulary/identity";
import type { Config, Logger } from "../config";
import { audit } from "../audit";
import { enqueue } from "../jobs";
import { vnpayFor } from "../payments";

/**
 * Refunds only by the office's decision (docs/decisions/033-refunds.md):
 *
 *   proposed (accountant) → approved | rejected (head of office, another person) → refunded | failed (gateway)
 *
 * The four-eyes rule is in the code (a clear message) and in the database (a check constraint). Only an
 * approved refund reaches the gateway, from a job enqueued in the approving transaction.
 */
export type RefundState = "proposed" | "approved" | "rejected" | "refunded" | "failed";
type Actor = { staffId: string; ip: string | null; requestId: string | null };

type PaymentForRefund = {
  id: string;
  txn_ref: string;
  state: string;
  amount: number;
  refund_review: boolean;
  refund_review_reason: string | null;
  agency_id: string;
  gateway_amount: number | null;
};

/** The payment and what the gateway actually took (for an amount mismatch, the notified amount). */
async function paymentForRefund(tx: Sql, where: { attemptId?: string; txnRef?: string }, lock: boolean): Promise<PaymentForRefund | null> {
  const [p] = await tx<PaymentForRefund[]>`
    select p.id, p.txn_ref, p.state, p.amount, p.refund_review, p.refund_review_reason, n.agency_id,
      (select (e.details->>'amount')::bigint from payment_events e where e.attempt_id = p.id and e.kind = 'refund_review'
        and e.details->>'reason' = 'amount-mismatch' order by e.id desc limit 1) as gateway_amount
    from payment_attempts p join fee_notices n on n.id = p.notice_id
    where ${where.attemptId ? tx`p.id = ${where.attemptId}` : tx`p.txn_ref = ${where.txnRef ?? ""}`}
    ${lock ? tx`for update of p` : tx``}`;
  return p ?? null;
}

async function refundedSoFar(sql: Sql, attemptId: string): Promise<number> {
  const [row] = await sql<{ done: number }[]>`
    select coalesce(sum(amount), 0)::bigint as done from refunds where attempt_id = ${attemptId} and state = 'refunded'`;
  return Number(row?.done ?? 0);
}

/** How much money the gateway holds for this payment (0 when nothing was taken). */
export function paidAmount(p: PaymentForRefund): number {
  if (p.state === "succeeded") return p.amount;
  if (p.refund_review && p.gateway_amount !== null) return p.gateway_amount;
  return 0;
}

export type ProposeResult = { ok: true; id: string } | { ok: false; error: "notFound" | "notPaid" | "amountTooHigh" | "alreadyOpen" };

/** The accountant of the collecting office proposes a refund (amount ≤ paid − earlier refunds). Audited. */
export async function proposeRefund(sql: Pool, input: { txnRef: string; amount: number; reason: string }, actor: Actor): Promise<ProposeResult> {
  return sql.begin(async (tx) => {
    const p = await paymentForRefund(tx, { txnRef: input.txnRef }, true);
    if (!p) return { ok: false as const, error: "notFound" as const };
    const allowed = await actsAt(tx, { staffId: actor.staffId, agencyId: p.agency_id, roles: ["accountant"] });
    if (!allowed) return { ok: false as const, error: "notFound" as const };
    const paid = paidAmount(p);
    if (paid <= 0) return { ok: false as const, error: "notPaid" as const };
    const [open] = await tx`select 1 from refunds where attempt_id = ${p.id} and state in ('proposed', 'approved')`;
    if (open) return { ok: false as const, error: "alreadyOpen" as const };
    const done = await refundedSoFar(tx, p.id);
    if (input.amount > paid - Number(done)) return { ok: false as const, error: "amountTooHigh" as const };
    const [row] = await tx<{ id: string }[]>`
      insert into refunds (attempt_id, agency_id, amount, reason, proposed_by)
      values (${p.id}, ${p.agency_id}, ${input.amount}, ${input.reason}, ${actor.staffId}) returning id`;
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: p.agency_id, action: "refund.propose", targetType: "refund", targetId: row!.id,
      ip: actor.ip, requestId: actor.requestId, details: { txnRef: p.txn_ref, amount: input.amount, reason: input.reason },
    });
    await enqueue(tx, "send_refund_update", { refundId: row!.id, state: "proposed" }, { jobKey: `refund-update:${row!.id}:proposed` });
    return { ok: true as const, id: row!.id };
  });
}

export type DecideResult = { ok: true; state: "approved" | "rejected" } | { ok: false; error: "notFound" | "notHead" | "samePerson" | "notOpen" };

/** The head of the collecting office approves or rejects; never the person who proposed. Audited. */
export async function decideRefund(sql: Pool, input: { refundId: string; approve: boolean; note?: string | null }, actor: Actor): Promise<DecideResult> {
  if (!isUuid(input.refundId)) return { ok: false, error: "notFound" };
  return sql.begin(async (tx) => {
    const [r] = await tx<{ id: string; agency_id: string; state: RefundState; proposed_by: string; amount: number }[]>`
      select id, agency_id, state, proposed_by, amount from refunds where id = ${input.refundId} for update`;
    if (!r) return { ok: false as const, error: "notFound" as const };
    const head = await actsAt(tx, { staffId: actor.staffId, agencyId: r.agency_id, roles: ["head"] });
    if (!head) return { ok: false as const, error: "notHead" as const };
    if (r.proposed_by === actor.staffId) return { ok: false as const, error: "samePerson" as const };
    if (r.state !== "proposed") return { ok: false as const, error: "notOpen" as const };
    const state = input.approve ? "approved" : "rejected";
    await tx`
      update refunds set state = ${state}, decided_by = ${actor.staffId}, decided_at = now(), decision_note = ${input.note ?? null}, updated_at = now()
      where id = ${r.id} and state = 'proposed'`;
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: r.agency_id, action: input.approve ? "refund.approve" : "refund.reject",
      targetType: "refund", targetId: r.id, ip: actor.ip, requestId: actor.requestId, details: { amount: r.amount, note: input.note ?? null },
    });
    await enqueue(tx, "send_refund_update", { refundId: r.id, state }, { jobKey: `refund-update:${r.id}:${state}` });
    if (input.approve) await enqueue(tx, "run_refund", { refundId: r.id }, { jobKey: `run-refund:${r.id}`, maxAttempts: 5 });
    return { ok: true as const, state };
  });
}

/**
 * Sends an approved refund to the gateway (the job `run_refund`). A refund that is not approved is never
 * sent. A network failure throws (the job retries); an answer settles it as refunded or failed.
 */
export async function executeRefund(deps: { sql: Pool; config: Config; log: Logger }, { refundId }: { refundId: string }): Promise<RefundState | null> {
  const { sql } = deps;
  const [r] = await sql<{ id: string; state: RefundState; amount: number; agency_id: string; attempt_id: string; txn_ref: string; order_info: string; vnp_create_date: string; transaction_no: string | null; decider: string }[]>`
    select r.id, r.state, r.amount, r.agency_id, r.attempt_id, p.txn_ref, p.order_info, p.vnp_create_date, p.transaction_no, s.email as decider
    from refunds r join payment_attempts p on p.id = r.attempt_id left join staff s on s.id = r.decided_by
    where r.id = ${refundId}`;
  if (!r) return null;
  if (r.state !== "approved") return r.state;
  const p = (await paymentForRefund(sql, { attemptId: r.attempt_id }, false))!;
  const result = await vnpayFor(deps.config).refunds.create({
    txnRef: r.txn_ref,
    orderInfo: `Hoan tra ${r.txn_ref}`,
    transactionDate: r.vnp_create_date,
    transactionNo: r.transaction_no,
    amount: r.amount,
    type: r.amount === paidAmount(p) ? "full" : "partial",
    createBy: r.decider,
  });
  // Anything but 00 is a failure the office sees (94: another refund is still in progress at the gateway).
  const state: RefundState = result.ok ? "refunded" : "failed";
  return sql.begin(async (tx) => {
    const updated = await tx`
      update refunds set state = ${state}, gateway_response_code = ${result.responseCode}, gateway_message = ${result.message.slice(0, 500)},
        gateway_transaction_no = ${result.transactionNo}, completed_at = now(), updated_at = now()
      where id = ${r.id} and state = 'approved'`;
    if (updated.count === 0) return null;
    await audit(tx, {
      actorType: "system", agencyId: r.agency_id, action: `refund.${state}`, targetType: "refund", targetId: r.id,
      details: { responseCode: result.responseCode, message: result.message, amount: r.amount },
    });
    await enqueue(tx, "send_refund_update", { refundId: r.id, state }, { jobKey: `refund-update:${r.id}:${state}` });
    if (state === "failed") deps.log.warn({ refundId: r.id, responseCode: result.responseCode }, "gateway refused a refund");
    return state;
  });
}

export type RefundView = {
  id: string;
  txn_ref: string;
  amount: number;
  paid: number;
  reason: string;
  state: RefundState;
  proposed_by_name: string;
  proposed_by: string;
  decided_by_name: string | null;
  proposed_at: Date;
  decided_at: Date | null;
  decision_note: string | null;
  gateway_response_code: string | null;
  agency_id: string;
  agency_name: string;
  notice_number: string;
};

const REFUND_VIEW = (sql: Sql) => sql`
  select r.id, p.txn_ref, r.amount, p.amount as paid, r.reason, r.state, ps.full_name as proposed_by_name, r.proposed_by,
    ds.full_name as decided_by_name, r.proposed_at, r.decided_at, r.decision_note, r.gateway_response_code, a.name as agency_name,
    n.notice_number, r.agency_id
  from refunds r join payment_attempts p on p.id = r.attempt_id join fee_notices n on n.id = p.notice_id
  join agencies a on a.id = r.agency_id join staff ps on ps.id = r.proposed_by left join staff ds on ds.id = r.decided_by`;

/** Refunds of the offices where this staff member is an accountant or the head (filtered in SQL). */
export async function listRefundsForStaff(sql: Sql, { staffId }: { staffId: string }) {
  return sql<RefundView[]>`
    ${REFUND_VIEW(sql)}
    where r.agency_id in (${scopedAgencies(sql, staffId, ["accountant", "head"])})
    order by r.proposed_at desc limit 200`;
}

export async function getRefundForStaff(sql: Sql, { id, staffId }: { id: string; staffId: string }) {
  if (!isUuid(id)) return null;
  const [row] = await sql<RefundView[]>`
    ${REFUND_VIEW(sql)}
    where r.id = ${id} and r.agency_id in (${scopedAgencies(sql, staffId, ["accountant", "head"])})`;
  return row ?? null;
}

/** The offices where this staff member works with refunds: as accountant (proposes) or head (decides). */
export async function refundRoles(sql: Sql, { staffId }: { staffId: string }) {
  const [accountantOf, headOf] = await Promise.all([
    agenciesInScope(sql, { staffId, roles: ["accountant"] }),
    agenciesInScope(sql, { staffId, roles: ["head"] }),
  ]);
  return { accountantOf: accountantOf.map((a) => a.id), headOf: headOf.map((a) => a.id) };
}

/** Payments flagged for refund review in the accountant's offices, without a refund in progress. */
export async function listRefundReview(sql: Sql, { staffId }: { staffId: string }) {
  return sql<{ txn_ref: string; amount: number; refund_review_reason: string | null; notice_number: string; created_at: Date }[]>`
    select p.txn_ref, p.amount, p.refund_review_reason, n.notice_number, p.created_at
    from payment_attempts p join fee_notices n on n.id = p.notice_id
    where p.refund_review and n.agency_id in (${scopedAgencies(sql, staffId, ["accountant"])})
      and not exists (select 1 from refunds r where r.attempt_id = p.id and r.state <> 'rejected')
    order by p.created_at desc limit 200`;
}

/** A payment the accountant may propose to refund: its reference and the most that can be refunded. */
export async function refundablePayment(sql: Sql, { txnRef, staffId }: { txnRef: string; staffId: string }) {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(txnRef)) return null;
  const p = await paymentForRefund(sql, { txnRef }, false);
  if (!p) return null;
  const allowed = await actsAt(sql, { staffId, agencyId: p.agency_id, roles: ["accountant"] });
  if (!allowed) return null;
  const done = await refundedSoFar(sql, p.id);
  return { txnRef: p.txn_ref, max: Math.max(0, paidAmount(p) - Number(done)) };
}

/** The refunds of a payment, for the citizen's result page. */
export async function refundsForPayment(sql: Sql, { txnRef }: { txnRef: string }) {
  return sql<{ id: string; amount: number; state: RefundState; updated_at: Date }[]>`
    select r.id, r.amount, r.state, r.updated_at from refunds r join payment_attempts p on p.id = r.attempt_id
    where p.txn_ref = ${txnRef} order by r.proposed_at`;
}

/** For the refund e-mail job. */
export async function refundForEmail(sql: Sql, { refundId }: { refundId: string }) {
  const [row] = await sql<{ email: string; locale: "vi" | "en"; amount: number; reason: string; state: RefundState; txn_ref: string; notice_number: string; payer_name: string; agency_name: string }[]>`
    select p.email, p.locale, r.amount, r.reason, r.state, p.txn_ref, n.notice_number, n.payer_name, a.name as agency_name
    from refunds r join payment_attempts p on p.id = r.attempt_id join fee_notices n on n.id = p.notice_id join agencies a on a.id = r.agency_id
    where r.id = ${refundId}`;
  return row ?? null;
}

export type DecisionRight = "ok" | "notOpen" | "samePerson" | "notHead";

/**
 * Whether this viewer may decide this refund, for the page (which form or message to show) and for the
 * message after a refused decision. `decideRefund` stays the authority (it re-checks in SQL).
 */
export function refundDecisionRight(r: { agency_id: string; proposed_by: string; state: RefundState }, viewer: { staffId: string; headOf: string[] }): DecisionRight {
  if (r.state !== "proposed") return "notOpen";
  if (r.proposed_by === viewer.staffId) return "samePerson";
  if (!viewer.headOf.includes(r.agency_id)) return "notHead";
  return "ok";
}
