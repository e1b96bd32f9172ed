import { z } from "zod";
import { AMOUNT_MAX_PAYABLE, amountField, amountMessages, text, tooLong } from "../validation/browser";

/** Cross-field checks run even when another field failed, so every error shows at once. */
const ALWAYS = { when: () => true } as const;

/** Shared by the staff forms and their actions (messages are i18n keys). */
export const CancelReceiptSchema = z
  .object({
    reason: text({ label: "receipts.staff.reason", multiline: true, error: "receipts.cancelErrors.reasonRequired" })
      .trim()
      .min(10, { error: "receipts.cancelErrors.reasonRequired" })
      .max(500, { error: "receipts.cancelErrors.reasonTooLong" }),
    action: z.enum(["cancel", "replace"], { error: "receipts.cancelErrors.actionRequired" }),
    payerName: text({ label: "receipts.staff.payerName" }).trim().max(200, { error: "receipts.cancelErrors.payerNameTooLong" }).optional(),
    payerAddress: text({ label: "receipts.staff.payerAddress" }).trim().max(300, { error: "receipts.cancelErrors.payerAddressTooLong" }).optional(),
  })
  .superRefine((v, ctx) => {
    // Runs even when another field failed, so every error shows at once (the values are checked here).
    if (v.action !== "replace") return;
    if (!v.payerName || v.payerName.length < 2) ctx.addIssue({ code: "custom", path: ["payerName"], message: "receipts.cancelErrors.payerNameRequired" });
    if (!v.payerAddress || v.payerAddress.length < 3) ctx.addIssue({ code: "custom", path: ["payerAddress"], message: "receipts.cancelErrors.payerAddressRequired" });
  }, ALWAYS);

export const ProposeRefundSchema = z.object({
  txnRef: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  // As people write it ("500.000", "500 000", "500000"); at most what was paid (checked in refunds.server.ts).
  amount: amountField(amountMessages("receipts.refunds.errors.amount"), { min: 1, max: AMOUNT_MAX_PAYABLE }),
  reason: text({ label: "receipts.refunds.reason", multiline: true, error: "receipts.refunds.errors.reasonRequired" })
    .trim()
    .min(5, { error: "receipts.refunds.errors.reasonRequired" })
    .max(500, { error: "receipts.refunds.errors.reasonTooLong" }),
});

/** A rejection needs a reason (the payer is told it); an approval's note is optional. */
export const DecideRefundSchema = z
  .object({
    decision: z.enum(["approve", "reject"], { error: "receipts.refunds.errors.decisionRequired" }),
    note: text({ label: "receipts.refunds.note", multiline: true }).trim().max(500, { error: tooLong("receipts.refunds.note", 500) }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && (!v.note || v.note.length < 5)) ctx.addIssue({ code: "custom", path: ["note"], message: "receipts.refunds.errors.noteRequired" });
  }, ALWAYS);

/** dd/mm/yyyy → yyyy-mm-dd (a real calendar date). */
export const ReconcileSchema = z.object({
  agencyId: z.string({ error: "receipts.reconciliation.errors.officeRequired" }).uuid({ error: "receipts.reconciliation.errors.officeRequired" }),
  day: text({ label: "receipts.reconciliation.day", error: "receipts.reconciliation.errors.dayRequired" })
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
