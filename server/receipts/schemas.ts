import { z } from "zod";
import { AMOUNT_MAX_PAYABLE } from "../validation/amount";
import { amountField, amountMessages } from "../validation/amount-schema";

/** Shared by the staff forms and their actions (messages are i18n keys). */
export const CancelReceiptSchema = z
  .object({
    reason: z
      .string({ error: "receipts.cancelErrors.reasonRequired" })
      .trim()
      .min(10, { error: "receipts.cancelErrors.reasonRequired" })
      .max(500, { error: "receipts.cancelErrors.reasonRequired" }),
    action: z.enum(["cancel", "replace"], { error: "receipts.cancelErrors.actionRequired" }),
    payerName: z.string().trim().max(200, { error: "receipts.cancelErrors.payerNameRequired" }).optional(),
    payerAddress: z.string().trim().max(300, { error: "receipts.cancelErrors.payerAddressRequired" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action !== "replace") return;
    if (!v.payerName || v.payerName.length < 2) ctx.addIssue({ code: "custom", path: ["payerName"], message: "receipts.cancelErrors.payerNameRequired" });
    if (!v.payerAddress || v.payerAddress.length < 3) ctx.addIssue({ code: "custom", path: ["payerAddress"], message: "receipts.cancelErrors.payerAddressRequired" });
  });

export const ProposeRefundSchema = z.object({
  txnRef: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  // As people write it ("500.000", "500 000", "500000"); at most what was paid (checked in refunds.server.ts).
  amount: amountField(amountMessages("receipts.refunds.errors.amount"), { min: 1, max: AMOUNT_MAX_PAYABLE }),
  reason: z
    .string({ error: "receipts.refunds.errors.reasonRequired" })
    .trim()
    .min(5, { error: "receipts.refunds.errors.reasonRequired" })
    .max(500, { error: "receipts.refunds.errors.reasonRequired" }),
});

/** A rejection needs a reason (the payer is told it); an approval's note is optional. */
export const DecideRefundSchema = z
  .object({
    decision: z.enum(["approve", "reject"], { error: "receipts.refunds.errors.decisionRequired" }),
    note: z.string().trim().max(500, { error: "receipts.refunds.errors.noteTooLong" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && (!v.note || v.note.length < 5)) ctx.addIssue({ code: "custom", path: ["note"], message: "receipts.refunds.errors.noteRequired" });
  });

/** dd/mm/yyyy → yyyy-mm-dd (a real calendar date). */
export const ReconcileSchema = z.object({
  agencyId: z.string({ error: "receipts.reconciliation.errors.officeRequired" }).uuid({ error: "receipts.reconciliation.errors.officeRequired" }),
  day: z
    .string({ error: "receipts.reconciliation.errors.dayRequired" })
    .trim()
    .min(1, { error: "receipts.reconciliation.errors.dayRequired" })
    .regex(/^\d{1,2}\/\d{1,2}\/\d{4}$/, { error: "receipts.reconciliation.errors.dayFormat" })
    .transform((v, ctx) => {
      const [d, m, y] = v.split("/").map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
        ctx.addIssue({ code: "custom", message: "receipts.reconciliation.errors.dayFormat" });
        return z.NEVER;
      }
      return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    }),
});
