import { data, type AppLoadContext } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { CancelReceiptSchema } from "./schemas";
import { requireAccountant } from "../payments/guards.server";
import { cancelReceipt, formatReceiptNumber, getReceiptForAccountant } from "./receipts.server";
import { refundablePayment, refundsForPayment } from "./refunds.server";
import { uuidParam } from "../http/params.server";
import { paths } from "../../vocabulary/paths";

// What the staff receipt pages load, so that their route files only call and render.

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
