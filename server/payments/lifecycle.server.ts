import crypto from "node:crypto";
import { CONTROL_CHARS, textProblem } from "../validation";
import type { Pool, Sql } from "../db";
import type { Services } from "../services";
import type { Logger } from "../config";
import { hit, returnOrigin } from "../http";
import type { Locale } from "../../vocabulary/i18n/config";
import { parseVnpDate, VnpayMalformedError, VnpaySignatureError, type PaymentEvent, type PaymentResult, type Vnpay } from "./vnpay";
import { RETURN_PATH, vnpayFor } from "./gateway.server";
import { flushJobOutbox } from "../jobs";

/**
 * The life of a payment attempt (docs/decisions/012-payment-lifecycle.md):
 *
 *   created → redirected → succeeded | failed | cancelled | expired
 *
 * Only a verified IPN or a verified `querydr` answer moves an attempt; every move is an event row. A
 * notice has at most one open attempt (a partial unique index), is credited at most once (a conditional
 * update), and money taken that cannot be kept is flagged for refund review, never dropped.
 */
export type PaymentState = "created" | "redirected" | "succeeded" | "failed" | "cancelled" | "expired";
export const OPEN_STATES: PaymentState[] = ["created", "redirected"];
export const ATTEMPT_MINUTES = 15;

export type Attempt = {
  id: string;
  notice_id: string;
  txn_ref: string;
  amount: number;
  state: PaymentState;
  locale: Locale;
  email: string;
  order_info: string;
  vnp_create_date: string;
  vnp_expire_date: string;
  expires_at: Date;
  transaction_no: string | null;
  refund_review: boolean;
};

/** T + yyMMdd + 16 random base-32 characters: unique, unguessable, only letters and digits. */
export function newTxnRef(now = new Date()): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.randomBytes(16);
  let rand = "";
  for (const b of bytes) rand += alphabet[b % 32];
  return `T${now.toISOString().slice(2, 10).replace(/-/g, "")}${rand}`;
}

async function addEvent(
  sql: Sql,
  e: { attemptId: string; kind: string; from?: PaymentState | null; to?: PaymentState | null; details?: Record<string, unknown> },
) {
  await sql`
    insert into payment_events (attempt_id, kind, from_state, to_state, details)
    values (${e.attemptId}, ${e.kind}, ${e.from ?? null}, ${e.to ?? null}, ${sql.json((e.details ?? {}) as never)})`;
}

export type CheckoutResult = { ok: true; url: string; txnRef: string; reused: boolean } | { ok: false; reason: "paid" | "not-payable" | "not-found" };

/**
 * Starts (or resumes) paying a notice: locks the notice, refuses a paid one, reuses the open attempt
 * while its window lasts (else expires it), and returns the signed VNPay URL.
 */
export async function startCheckout(
  services: Pick<Services, "sql" | "config">,
  input: { noticeId: string; email: string; locale: Locale; ip: string | null; origin?: string | null },
): Promise<CheckoutResult> {
  const vnpay = vnpayFor(services.config);
  // Back to the origin the citizen left from (development: localhost and 127.0.0.1 keep their own
  // session and language cookies); production: BASE_URL.
  const returnUrl = `${returnOrigin(services.config, input.origin)}${RETURN_PATH}`;
  return services.sql.begin(async (tx) => {
    const [notice] = await tx<{ id: string; notice_number: string; amount: number; status: string }[]>`
      select id, notice_number, amount, status from fee_notices where id = ${input.noticeId} for update`;
    if (!notice) return { ok: false as const, reason: "not-found" as const };
    if (notice.status === "paid") return { ok: false as const, reason: "paid" as const };
    if (notice.status !== "unpaid") return { ok: false as const, reason: "not-payable" as const };

    const [open] = await tx<Attempt[]>`
      select * from payment_attempts where notice_id = ${notice.id} and state in ('created', 'redirected')`;
    if (open && open.expires_at.getTime() > Date.now() + 60_000 && open.amount === notice.amount) {
      const checkout = vnpay.checkout.create({
        txnRef: open.txn_ref,
        amount: open.amount,
        orderInfo: open.order_info,
        returnUrl,
        ipAddr: input.ip,
        locale: input.locale,
        createdAt: parseVnpDate(open.vnp_create_date)!,
        expiresAt: open.expires_at,
      });
      await tx`update payment_attempts set email = ${input.email}, locale = ${input.locale}, updated_at = now() where id = ${open.id}`;
      await addEvent(tx, { attemptId: open.id, kind: "reused", from: open.state, to: open.state });
      return { ok: true as const, url: checkout.url, txnRef: open.txn_ref, reused: true };
    }
    if (open) {
      await tx`update payment_attempts set state = 'expired', settled_at = now(), updated_at = now() where id = ${open.id}`;
      await addEvent(tx, { attemptId: open.id, kind: "superseded", from: open.state, to: "expired" });
    }

    const now = new Date();
    const expiresAt = new Date(now.getTime() + ATTEMPT_MINUTES * 60_000);
    const txnRef = newTxnRef(now);
    const orderInfo = `Nop tam ung an phi ${notice.notice_number}`;
    const checkout = vnpay.checkout.create({
      txnRef,
      amount: notice.amount,
      orderInfo,
      returnUrl,
      ipAddr: input.ip,
      locale: input.locale,
      createdAt: now,
      expiresAt,
    });
    const [attempt] = await tx<{ id: string }[]>`
      insert into payment_attempts (notice_id, txn_ref, amount, locale, email, ip, order_info, vnp_create_date, vnp_expire_date, expires_at)
      values (${notice.id}, ${txnRef}, ${notice.amount}, ${input.locale}, ${input.email}, ${input.ip}, ${checkout.params.vnp_OrderInfo!},
        ${checkout.createDate}, ${checkout.expireDate}, ${expiresAt})
      returning id`;
    await addEvent(tx, { attemptId: attempt!.id, kind: "created", to: "created", details: { amount: notice.amount } });
    await tx`update payment_attempts set state = 'redirected', updated_at = now() where id = ${attempt!.id}`;
    await addEvent(tx, { attemptId: attempt!.id, kind: "redirected", from: "created", to: "redirected" });
    return { ok: true as const, url: checkout.url, txnRef, reused: false };
  });
}

/** What a gateway answer (IPN or querydr) says about a payment, reduced to what the lifecycle needs. */
export type GatewayOutcome = {
  paid: boolean;
  amount: number;
  responseCode: string;
  transactionStatus: string;
  transactionNo: string | null;
  bankCode: string | null;
  payDate: Date | null;
};

export type ApplyVerdict = "applied" | "already" | "amount-mismatch" | "not-found";

/**
 * Applies a verified outcome to the attempt with this reference, exactly once (the SQL function
 * payments_apply_outcome in server/payments/rules.sql: one round trip, the attempt's row lock serialises
 * duplicates). Money that arrives for an attempt no longer open still credits an unpaid notice, else
 * goes to refund review. A credit issues the receipt in the same transaction (trigger
 * fee_notices_issue_receipt → receipts_issue, server/receipts/rules.sql).
 */
export async function applyOutcome(sql: Sql, txnRef: string, o: GatewayOutcome, source: "ipn" | "querydr"): Promise<ApplyVerdict> {
  const [row] = await sql<{ verdict: ApplyVerdict }[]>`
    select verdict from payments_apply_outcome(${txnRef}, ${source}, ${o.paid}, ${o.amount}, ${o.responseCode},
      ${o.transactionStatus}, ${o.transactionNo}, ${o.bankCode}, ${o.payDate})`;
  return row!.verdict;
}

export type IpnReply = { RspCode: "00" | "01" | "02" | "04" | "97" | "99"; Message: string };
const REPLIES: Record<IpnReply["RspCode"], string> = {
  "00": "Confirm Success",
  "01": "Order not found",
  "02": "Order already confirmed",
  "04": "Invalid amount",
  "97": "Invalid signature",
  "99": "Unknown error",
};
const reply = (code: IpnReply["RspCode"]): IpnReply => ({ RspCode: code, Message: REPLIES[code] });

/**
 * The IPN: stored raw first, then checked — signature (97), known order (01), amount (04), already
 * applied (02) — and applied exactly once (00). An amount that is not whole đồng (vnp_Amount not ending
 * in 00) is a wrong amount (04). Anything unexpected answers 99 and is logged. A failed signature
 * changes no state: it is counted per hour, and only a sample of them is kept raw (payments_record_ipn).
 */
export async function handleIpn(
  deps: { sql: Pool; vnpay: Vnpay; log: Logger; onCredit?: () => void },
  input: { rawQuery: string; remoteIp: string | null },
): Promise<IpnReply> {
  const { sql, vnpay, log } = deps;
  const params = new URLSearchParams(input.rawQuery);
  // Stored as text beside the raw row: control characters (a NUL PostgreSQL cannot store) are dropped.
  const unverifiedRef = params.get("vnp_TxnRef")?.replace(CONTROL_CHARS, "").slice(0, 100) ?? null;
  let event: PaymentEvent | null = null;
  let signatureOk = true;
  let note: string | null = null;
  try {
    event = vnpay.webhooks.constructEvent(params);
  } catch (e) {
    if (e instanceof VnpaySignatureError) signatureOk = false;
    else if (e instanceof VnpayMalformedError) note = e.message;
    else note = `unexpected: ${String(e)}`;
  }
  if (event && textProblem(event.txnRef)) {
    note = "malformed: control characters in vnp_TxnRef";
    event = null;
  }
  if (note) note = note.replace(CONTROL_CHARS, "");
  try {
    // One round trip: raw row first, then the checks and the credit (SQL function payments_record_ipn,
    // server/payments/rules.sql: a vnp_Amount not ending in 00 is a wrong amount, 04; unsigned ones are
    // sampled and counted). A credit fires fee_notices_issue_receipt: the receipt and its e-mail job.
    const [row] = await sql<{ rsp_code: IpnReply["RspCode"]; error: string | null }[]>`
      select rsp_code, error from payments_record_ipn(
        ${input.rawQuery.slice(0, 8192)}, ${input.remoteIp}, ${event?.txnRef ?? unverifiedRef}, ${signatureOk}, ${note},
        ${event ? event.tmnCode === vnpay.config.tmnCode : false}, ${event?.paid ?? false}, ${event?.amount ?? 0},
        ${event?.responseCode ?? null}, ${event?.transactionStatus ?? null}, ${event?.transactionNo ?? null},
        ${event?.bankCode ?? null}, ${event?.payDate ?? null}, ${event ? event.raw.vnp_Amount ?? null : null})`;
    const code = row!.rsp_code;
    if (code === "00" && event?.paid) deps.onCredit?.(); // an e-mail and a receipt are owed: flush the job outbox soon
    if (code === "97") log.warn({ txnRef: unverifiedRef, ip: input.remoteIp }, "IPN with an invalid signature");
    else if (code === "04") log.error({ txnRef: event?.txnRef, amount: event?.amount }, "IPN amount differs from the attempt: refund review");
    else if (code === "99") log.error({ txnRef: unverifiedRef, note, error: row!.error }, "IPN could not be processed");
    return reply(code);
  } catch (err) {
    log.error({ err, txnRef: unverifiedRef }, "IPN could not be recorded");
    return reply("99");
  }
}

/** Asks the gateway (querydr) about an open attempt and applies a definitive answer. */
export async function settleWithQuery(
  deps: { sql: Pool; vnpay: Vnpay; log: Logger },
  { attemptId, expireIfUnknown }: { attemptId: string; expireIfUnknown: boolean },
): Promise<PaymentState | null> {
  const { sql, vnpay, log } = deps;
  const [attempt] = await sql<Attempt[]>`select * from payment_attempts where id = ${attemptId}`;
  if (!attempt) return null;
  if (!OPEN_STATES.includes(attempt.state)) return attempt.state;
  let info;
  try {
    info = await vnpay.transactions.retrieve({
      txnRef: attempt.txn_ref,
      orderInfo: attempt.order_info,
      transactionDate: attempt.vnp_create_date,
    });
  } catch (err) {
    log.warn({ err, txnRef: attempt.txn_ref }, "querydr failed; will try again later");
    return attempt.state;
  }
  const definitive = info.found && (info.transactionStatus === "00" || info.transactionStatus === "02") && info.amount !== null;
  if (definitive) {
    const verdict = await applyOutcome(
      sql,
      attempt.txn_ref,
      {
        paid: info.paid,
        amount: info.amount!,
        responseCode: info.paid ? "00" : "99", // querydr's own code is the query's; the payment simply failed
        transactionStatus: info.transactionStatus!,
        transactionNo: info.transactionNo,
        bankCode: info.bankCode,
        payDate: info.payDate,
      },
      "querydr",
    );
    if (verdict === "applied" && info.paid) await flushJobOutbox(sql);
  } else {
    await sql.begin(async (tx) => {
      const expired = expireIfUnknown
        ? await tx`
            update payment_attempts set state = 'expired', settled_at = now(), updated_at = now()
            where id = ${attempt.id} and state in ('created', 'redirected') and expires_at < now()
            returning id`
        : [];
      await addEvent(tx, {
        attemptId: attempt.id,
        kind: "querydr",
        from: expired.length ? attempt.state : null,
        to: expired.length ? "expired" : null,
        details: { responseCode: info.responseCode, transactionStatus: info.transactionStatus },
      });
    });
  }
  const [after] = await sql<{ state: PaymentState }[]>`select state from payment_attempts where id = ${attempt.id}`;
  return after?.state ?? null;
}

/** Grace after the payment window before the sweep asks the gateway (IPNs may still be on their way). */
export const SWEEP_GRACE_SECONDS = 120;

/** The sweep job: attempts still open after their window are settled with querydr. */
export async function sweepOpenAttempts(
  deps: { sql: Pool; vnpay: Vnpay; log: Logger },
  { graceSeconds = SWEEP_GRACE_SECONDS, limit = 200 }: { graceSeconds?: number; limit?: number } = {},
): Promise<{ checked: number; settled: Record<string, number> }> {
  const rows = await deps.sql<{ id: string }[]>`
    select id from payment_attempts
    where state in ('created', 'redirected') and expires_at < now() - make_interval(secs => ${graceSeconds})
    order by expires_at limit ${limit}`;
  const settled: Record<string, number> = {};
  for (const r of rows) {
    const state = await settleWithQuery(deps, { attemptId: r.id, expireIfUnknown: true });
    if (state) settled[state] = (settled[state] ?? 0) + 1;
  }
  return { checked: rows.length, settled };
}

export type PaymentView = {
  txnRef: string;
  state: PaymentState;
  amount: number;
  noticeId: string;
  noticeNumber: string;
  noticeStatus: string;
  /** When the money was paid (VNPay's pay date, else when we learnt it); null until it is. */
  paidAt: Date | null;
  email: string;
  transactionNo: string | null;
  bankCode: string | null;
  updatedAt: Date;
  refundReview: boolean;
};

async function paymentView(sql: Sql, txnRef: string): Promise<PaymentView | null> {
  const [row] = await sql<
    { txn_ref: string; state: PaymentState; amount: number; notice_id: string; notice_number: string; status: string; email: string; transaction_no: string | null; bank_code: string | null; updated_at: Date; refund_review: boolean; paid_at: Date | null }[]
  >`
    select p.txn_ref, p.state, p.amount, n.id as notice_id, n.notice_number, n.status, p.email, p.transaction_no, p.bank_code, p.updated_at, p.refund_review,
      case when p.state = 'succeeded' then coalesce(p.pay_date, p.settled_at) end as paid_at
    from payment_attempts p join fee_notices n on n.id = p.notice_id where p.txn_ref = ${txnRef}`;
  if (!row) return null;
  return {
    txnRef: row.txn_ref,
    state: row.state,
    amount: row.amount,
    noticeId: row.notice_id,
    noticeNumber: row.notice_number,
    noticeStatus: row.status,
    paidAt: row.paid_at,
    email: row.email,
    transactionNo: row.transaction_no,
    bankCode: row.bank_code,
    updatedAt: row.updated_at,
    refundReview: row.refund_review,
  };
}

/**
 * The return page's view: the state in our database. While the attempt is still open it asks the
 * gateway (querydr), at most once per 5 seconds per attempt.
 */
export async function paymentStatus(
  services: Pick<Services, "sql" | "config" | "log">,
  { txnRef }: { txnRef: string },
): Promise<PaymentView | null> {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(txnRef)) return null;
  const view = await paymentView(services.sql, txnRef);
  if (!view || !OPEN_STATES.includes(view.state)) return view;
  const limit = await hit(services.sql, { key: `querydr:${txnRef}`, limit: 1, windowSeconds: 5 });
  if (!limit.allowed) return view;
  const [row] = await services.sql<{ id: string }[]>`select id from payment_attempts where txn_ref = ${txnRef}`;
  await settleWithQuery({ sql: services.sql, vnpay: vnpayFor(services.config), log: services.log }, { attemptId: row!.id, expireIfUnknown: false });
  return paymentView(services.sql, txnRef);
}

export type { PaymentResult };
