import { data, redirect, type AppLoadContext } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { CancelReceiptSchema, DecideRefundSchema, ProposeRefundSchema, ReconcileSchema } from "./schemas";
import { requireAccountant } from "../payments";
import { cancelReceipt, formatReceiptNumber, getReceiptForAccountant, listReceiptsForAccountant } from "./receipts.server";
import {
  decideRefund, getRefundForStaff, listRefundReview, listRefundsForStaff, proposeRefund, refundablePayment, refundDecisionRight, refundsForPayment,
  type RefundState,
} from "./refunds.server";
import { itemsCsv, listRuns, reconcileForStaff, runItems, vietnamDay } from "./reconciliation.server";
import { reconciliationCsvWords } from "./reconciliation-csv";
import { requireRefundStaff } from "./guards.server";
import { uuidParam } from "../http";
import type { RouteArgs } from "../http";
import { paths, withQuery } from "../../vocabulary/paths";

// What the staff receipt, reconciliation and refund pages load and do, so that their route files only
// call and render (ADR 055).

/** The receipt (accountant of its issuing office only, in SQL), its refunds, and what may still be refunded. */
export async function loadStaffReceipt(request: Request, context: AppLoadContext, idParam: string | undefined) {
  const id = uuidParam(idParam);
  const { staff } = await requireAccountant(request, context);
  const { sql } = context.services;
  const r = await getReceiptForAccountant(sql, { id, staffId: staff.id });
  if (!r) throw data(null, { status: 404 });
  const [refundable, refunds] = await Promise.all([
    refundablePayment(sql, { txnRef: r.payload.method.txnRef, staffId: staff.id }),
    refundsForPayment(sql, { txnRef: r.payload.method.txnRef }),
  ]);
  return {
    refundable,
    refunds: refunds.map((f) => ({ id: f.id, amount: f.amount, state: f.state, updatedAt: f.updated_at.toISOString() })),
    receipt: {
      id: r.id,
      code: r.code,
      symbol: r.symbol,
      number: formatReceiptNumber(r.number),
      status: r.status,
      content: r.payload,
      cancelledAt: r.cancelled_at?.toISOString() ?? null,
      cancelReason: r.cancel_reason,
    },
  };
}

/** The cancel step's confirmed form: where to go next, or the form error to show (an i18n key). */
export async function cancelStaffReceipt(
  request: Request,
  context: AppLoadContext,
  idParam: string | undefined,
): Promise<{ ok: true; to: string } | { ok: false; reply: SubmissionResult<string[]> }> {
  const id = uuidParam(idParam);
  const { staff } = await requireAccountant(request, context);
  const submission = parseWithZod(await request.formData(), { schema: CancelReceiptSchema });
  if (submission.status !== "success") return { ok: false, reply: submission.reply() };
  const v = submission.value;
  const { sql } = context.services;
  const result = await cancelReceipt(
    sql,
    { receiptId: id, reason: v.reason, replace: v.action === "replace", payerName: v.payerName, payerAddress: v.payerAddress },
    { staffId: staff.id, ip: context.clientIp, requestId: context.requestId },
  );
  if (!result.ok) {
    if (result.error === "not-found") throw data(null, { status: 404 });
    return { ok: false, reply: submission.reply({ formErrors: [result.error === "already-cancelled" ? "receipts.staff.alreadyCancelled" : "receipts.staff.notSucceeded"] }) };
  }
  const r = (await getReceiptForAccountant(sql, { id: result.cancelled.id, staffId: staff.id }))!;
  const q = new URLSearchParams({ cancelled: formatReceiptNumber(r.number) });
  if (result.replacement) q.set("replacement", formatReceiptNumber(result.replacement.number));
  return { ok: true, to: `${paths.staff.receipts}?${q}` };
}

/** The accountant's receipts (of the offices where they are one, in SQL). */
export async function loadStaffReceipts({ request, context }: RouteArgs) {
  const { staff } = await requireAccountant(request, context);
  const rows = await listReceiptsForAccountant(context.services.sql, { staffId: staff.id });
  return {
    receipts: rows.map((r) => ({
      id: r.id,
      symbol: r.symbol,
      number: formatReceiptNumber(r.number),
      status: r.status,
      replacedBy: r.replaced_by_number ? formatReceiptNumber(r.replaced_by_number) : null,
      amount: r.amount,
      payer: r.payer_name,
      notice: r.notice_number,
      issuedAt: r.issued_at.toISOString(),
    })),
  };
}

// ---- Reconciliation ---------------------------------------------------------------------------------

/** The reconciliation page: the form (offices, today in Vietnam as dd/mm/yyyy) and the runs so far. */
export async function loadReconciliation({ request, context }: RouteArgs) {
  const { staff, agencies } = await requireAccountant(request, context);
  const runs = await listRuns(context.services.sql, { staffId: staff.id });
  const [y, m, d] = vietnamDay(0).split("-");
  return {
    agencies,
    today: `${d}/${m}/${y}`,
    runs: runs.map((r) => ({ id: r.id, day: r.day, office: r.agency_name, startedAt: r.started_at.toISOString(), checked: r.checked, by: r.triggered_by_name, open: r.open_items })),
  };
}

/** "Reconcile" posted: to the new run, or the form's errors (403 for an office where they are no accountant). */
export async function startReconciliation({ request, context }: RouteArgs) {
  const { staff } = await requireAccountant(request, context);
  const submission = parseWithZod(await request.formData(), { schema: ReconcileSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await reconcileForStaff(context.services, { ...submission.value, staffId: staff.id });
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { agencyId: ["receipts.reconciliation.notAccountant"] } }) }, { status: 403 });
  return redirect(paths.staff.reconciliationRun(result.runId));
}

/** A run the accountant may see (id checked before anything else), else 404. */
async function accountantRun({ request, params, context }: RouteArgs) {
  const runId = uuidParam(params.id);
  const { staff } = await requireAccountant(request, context);
  const found = await runItems(context.services.sql, { runId, staffId: staff.id });
  if (!found) throw data(null, { status: 404 });
  return found;
}

/** One run: its totals and its items. */
export async function loadReconciliationRun(args: RouteArgs) {
  const { run, items } = await accountantRun(args);
  return {
    run: { id: run.id, day: run.day, office: run.agency_name, startedAt: run.started_at.toISOString(), checked: run.checked, by: run.triggered_by_name, totals: run.totals },
    items: items.map((i, n) => ({
      key: n,
      kind: i.kind,
      txnRef: i.txn_ref,
      ourState: i.our_state,
      gatewayStatus: i.gateway_status,
      ourAmount: i.our_amount,
      gatewayAmount: i.gateway_amount,
      receipt: i.receipt_number ? `${i.receipt_symbol} – ${formatReceiptNumber(i.receipt_number)}` : null,
      resolved: i.resolved,
      resolution: i.resolution as "receipt_issued" | "settled" | "refund_review" | null,
      note: i.note,
    })),
  };
}

/** The run's items as CSV (docs/decisions/032): UTF-8 with BOM so that Excel shows Vietnamese; headers and codes in words, in the staff member's language. */
export async function reconciliationCsvResponse(args: RouteArgs) {
  const found = await accountantRun(args);
  return new Response(itemsCsv(found.run, found.items, reconciliationCsvWords(args.context.locale)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="doi-soat-${found.run.day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// ---- Refunds ----------------------------------------------------------------------------------------

const REFUND_STATES: RefundState[] = ["proposed", "approved", "rejected", "refunded", "failed"];

/** The refunds list (filtered by `?state=`), the count per state, and for accountants the payments flagged for review. */
export async function loadRefunds({ request, context }: RouteArgs) {
  const { staff, accountantOf } = await requireRefundStaff(request, context);
  const q = new URL(request.url).searchParams.get("state");
  const state = REFUND_STATES.find((s) => s === q) ?? null;
  const { sql } = context.services;
  const refunds = await listRefundsForStaff(sql, { staffId: staff.id });
  const review = accountantOf.length ? await listRefundReview(sql, { staffId: staff.id }) : [];
  return {
    state,
    counts: Object.fromEntries(REFUND_STATES.map((s) => [s, refunds.filter((r) => r.state === s).length])) as Record<RefundState, number>,
    refunds: refunds
      .filter((r) => !state || r.state === state)
      .map((r) => ({ id: r.id, txnRef: r.txn_ref, notice: r.notice_number, amount: r.amount, state: r.state, proposedBy: r.proposed_by_name, decidedBy: r.decided_by_name, proposedAt: r.proposed_at.toISOString() })),
    review: review.map((p) => ({ txnRef: p.txn_ref, amount: p.amount, reason: p.refund_review_reason, notice: p.notice_number })),
  };
}

/** A refund the viewer may see (id checked first), and whether they may decide it. */
async function viewedRefund({ request, params, context }: RouteArgs) {
  const id = uuidParam(params.id);
  const viewer = await requireRefundStaff(request, context);
  const refund = await getRefundForStaff(context.services.sql, { id, staffId: viewer.staff.id });
  if (!refund) throw data(null, { status: 404 });
  return { viewer, refund, right: refundDecisionRight(refund, { staffId: viewer.staff.id, headOf: viewer.headOf }) };
}

/** One refund and the viewer's right to decide it. */
export async function loadRefund(args: RouteArgs) {
  const { refund: r, right } = await viewedRefund(args);
  return {
    right,
    refund: {
      id: r.id, txnRef: r.txn_ref, notice: r.notice_number, office: r.agency_name, amount: r.amount, paid: r.paid, reason: r.reason, state: r.state,
      proposedBy: r.proposed_by_name, proposedAt: r.proposed_at.toISOString(), decidedBy: r.decided_by_name, decidedAt: r.decided_at?.toISOString() ?? null,
      note: r.decision_note, gatewayCode: r.gateway_response_code,
    },
  };
}

/** The decision posted: back to the refund ("decided"), or why not in the viewer's terms. */
export async function decideRefundFromForm(args: RouteArgs) {
  const { viewer, refund, right } = await viewedRefund(args);
  const { request, context } = args;
  const submission = parseWithZod(await request.formData(), { schema: DecideRefundSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await decideRefund(
    context.services.sql,
    { refundId: refund.id, approve: submission.value.decision === "approve", note: submission.value.note || null },
    { staffId: viewer.staff.id, ip: context.clientIp, requestId: context.requestId },
  );
  if (!result.ok) {
    // The domain refused (and re-checked in SQL); say why in the viewer's terms (a proposer is told "not yourself").
    const why = right !== "ok" ? right : result.error;
    return data({ result: submission.reply({ formErrors: [`receipts.refunds.errors.${why}`] }) }, { status: why === "notOpen" ? 409 : 403 });
  }
  return redirect(withQuery(paths.staff.refund(refund.id), { decided: 1 }));
}

/** The payment `?ref=` names, if this accountant may propose refunding it; else 404. */
async function paymentToRefund({ request, context }: RouteArgs) {
  const { staff } = await requireAccountant(request, context);
  const ref = new URL(request.url).searchParams.get("ref") ?? "";
  const p = await refundablePayment(context.services.sql, { txnRef: ref, staffId: staff.id });
  if (!p) throw data(null, { status: 404 });
  return { staff, payment: p };
}

/** The proposal form: the payment and what may still be refunded. */
export async function loadRefundProposal(args: RouteArgs) {
  return { payment: (await paymentToRefund(args)).payment };
}

/** The proposal posted: to the new refund ("proposed"), or the form's errors. */
export async function proposeRefundFromForm(args: RouteArgs) {
  const { staff, payment: p } = await paymentToRefund(args);
  const { request, context } = args;
  const submission = parseWithZod(await request.formData(), { schema: ProposeRefundSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await proposeRefund(
    context.services.sql,
    { txnRef: p.txnRef, amount: submission.value.amount, reason: submission.value.reason },
    { staffId: staff.id, ip: context.clientIp, requestId: context.requestId },
  );
  if (!result.ok) {
    const key = `receipts.refunds.errors.${result.error}`;
    const reply = result.error === "amountTooHigh" ? submission.reply({ fieldErrors: { amount: [key] } }) : submission.reply({ formErrors: [key] });
    return data({ result: reply }, { status: 400 });
  }
  return redirect(withQuery(paths.staff.refund(result.id), { proposed: 1 }));
}
