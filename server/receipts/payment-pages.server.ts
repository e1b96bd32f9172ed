import { data, redirect } from "@remix-run/node";
import type { Services } from "../services";
import type { RouteArgs } from "../http";
import { paths, withQuery } from "../../vocabulary/paths";
import { receiptForPayment } from "./receipts.server";
import { refundsForPayment } from "./refunds.server";
import { maskIdNumber } from "../../vocabulary/identity";
import {
  maskEmail,
  signNoticeToken,
  verifyNoticeToken,
  OPEN_STATES,
  paymentStatus,
  getNotice,
  vnpayFor,
} from "../payments";

type Receipt = Awaited<ReturnType<typeof receiptForPayment>>;

/** The receipt of a notice's credited payment (the valid one, else the latest), if any. */
async function receiptForNotice(services: Pick<Services, "sql">, noticeId: string): Promise<Receipt> {
  const [row] = await services.sql<{ txn_ref: string }[]>`
    select p.txn_ref from fee_notices n join payment_attempts p on p.id = n.paid_attempt_id where n.id = ${noticeId}`;
  return row ? receiptForPayment(services.sql, { txnRef: row.txn_ref }) : null;
}

/**
 * The citizen's notice page: the notice the signed token names (the full ID number never leaves the
 * server), and for a paid notice its receipt. Null when the token is forged or expired, or the notice
 * was cancelled.
 */
export async function noticePage(services: Pick<Services, "sql" | "config">, { token }: { token: string | null }) {
  const id = verifyNoticeToken(services.config.SESSION_SECRET, token);
  const notice = id ? await getNotice(services.sql, { id }) : null;
  if (!notice || notice.status === "cancelled") return null;
  const { payer_id_number, ...rest } = notice;
  return {
    token: token!,
    notice: { ...rest, payer_id_number: maskIdNumber(payer_id_number) },
    receipt: notice.status === "paid" ? await receiptForNotice(services, notice.id) : null,
  };
}

/**
 * The payment result page (the gateway's return): the payment as our database has it, when it was paid,
 * its receipt and refunds, and the way back to the notice. The link back carries a fresh notice token:
 * the transaction reference (80 random bits, only given to the payer and the gateway) already lets its
 * holder see this payment, and the notice page shows no more than the payer's own notice, ID masked.
 */
export async function paymentResultPage(services: Pick<Services, "sql" | "config" | "log">, { txnRef }: { txnRef: string }) {
  const view = await paymentStatus(services, { txnRef });
  if (!view) return null;
  const open = OPEN_STATES.includes(view.state);
  const succeeded = view.state === "succeeded";
  const [receipt, refunds, noticePaid] = await Promise.all([
    succeeded ? receiptForPayment(services.sql, { txnRef: view.txnRef }) : null,
    refundsForPayment(services.sql, { txnRef: view.txnRef }),
    // Paid by another transaction (a second tab, a second device): say so rather than offer to pay again.
    !succeeded && view.noticeStatus === "paid"
      ? services.sql<{ paid_at: Date }[]>`select paid_at from fee_notices where id = ${view.noticeId}`.then((r) => r[0]?.paid_at ?? null)
      : null,
  ]);
  return {
    payment: {
      txnRef: view.txnRef,
      state: view.state,
      open,
      amount: view.amount,
      noticeNumber: view.noticeNumber,
      email: maskEmail(view.email),
      transactionNo: view.transactionNo,
      refundReview: view.refundReview,
      paidAt: view.paidAt ? view.paidAt.toISOString() : null,
      noticePaidAt: noticePaid ? noticePaid.toISOString() : null,
    },
    /** The notice page, for paying again or seeing the notice; none once the notice was cancelled. */
    noticeToken: view.noticeStatus === "cancelled" ? null : signNoticeToken(services.config.SESSION_SECRET, view.noticeId),
    receipt,
    refunds: refunds.map((r) => ({ id: r.id, amount: r.amount, state: r.state, updatedAt: r.updated_at.toISOString() })),
  };
}

// ————— the two citizen payment pages that show a receipt (their route files only call and render, ADR 055) —————

const EXPIRED = withQuery(paths.fees.lookup, { expired: 1 });

/** The notice page (the token's notice; a paid one with its receipt), or back to the lookup when the token is no good. */
export async function loadNoticePage({ request, context }: RouteArgs) {
  // The full ID number never goes back to the browser; a paid notice comes with its receipt.
  const page = await noticePage(context.services, { token: new URL(request.url).searchParams.get("token") });
  if (!page) throw redirect(EXPIRED);
  return page;
}

/** The payment's result; the gateway's return is verified (for display only), then its query dropped. */
export async function loadPaymentResult({ request, context }: RouteArgs) {
  const url = new URL(request.url);
  const headers = { "Cache-Control": "no-store" };
  // VNPay's return: verify it (for display only: state comes from our database), then drop the query.
  if (url.searchParams.has("vnp_TxnRef")) {
    let txnRef: string;
    try {
      txnRef = vnpayFor(context.services.config).returns.verify(url.searchParams).txnRef;
    } catch {
      return data({ payment: null }, { status: 400, headers });
    }
    return redirect(paths.fees.result(txnRef), { headers });
  }
  const page = await paymentResultPage(context.services, { txnRef: url.searchParams.get("ref") ?? "" });
  if (!page) return data({ payment: null }, { status: 404, headers });
  return data(page, { headers });
}

