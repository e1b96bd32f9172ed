import { z } from "zod";
import { checkPayerId, normaliseIdNumber } from "../../vocabulary/identity";
import {
  AMOUNT_MAX_PAYABLE,
  NOTICE_AMOUNT_MIN,
  amountField,
  amountMessages,
  apiAmountField,
  text as safeText,
} from "../validation/browser";

/**
 * Shared (pure) schemas for fee notices and the citizen's lookup and checkout. Messages are i18n keys
 * under `payments.errors` (translated by translateError on the page, by serverT in the API).
 */
/** A free-text field (no control characters or line breaks) named by its label `payments.staff.<label>`. */
const text = (label: string, min: number, max: number, required: string, tooLongMessage: string) =>
  safeText({ label: `payments.staff.${label}`, error: required })
    .trim()
    .min(min, { error: required })
    .max(max, { error: tooLongMessage });

export const payerIdSchema = safeText({ label: "payments.lookup.idNumber", error: "payments.errors.idRequired" })
  .trim()
  .min(1, { error: "payments.errors.idRequired" })
  .transform((v, ctx) => {
    const r = checkPayerId(v);
    if (!r.ok) {
      ctx.addIssue({
        code: "custom",
        message: r.reason === "province" ? "payments.errors.idProvince" : r.reason === "checkDigit" ? "payments.errors.idCheckDigit" : "payments.errors.idFormat",
      });
      return z.NEVER;
    }
    return r.value;
  });

/**
 * An amount as people write it: "1.250.000", "1,250,000", "1 250 000", "1250000", "1.250.000 ₫" → 1250000
 * whole đồng, from 1.000 to 9.999.999.999 (VNPay's limit); decimals, misplaced separators, signs and
 * the rest are refused (server/validation/amount.ts).
 */
export const AMOUNT_MESSAGES = amountMessages("payments.errors.amount");
export const amountSchema = amountField(AMOUNT_MESSAGES, { min: NOTICE_AMOUNT_MIN, max: AMOUNT_MAX_PAYABLE });

/** yyyy-mm-dd (date input) or dd/mm/yyyy (what people type) → yyyy-mm-dd. */
export const dateSchema = z
  .string({ error: "payments.errors.dueDateRequired" })
  .trim()
  .min(1, { error: "payments.errors.dueDateRequired" })
  .transform((v, ctx) => {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
    const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
    const date = y ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : null;
    if (!date || date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1 || Number(y) < 2000 || Number(y) > 2100) {
      ctx.addIssue({ code: "custom", message: "payments.errors.dueDateInvalid" });
      return z.NEVER;
    }
    return date.toISOString().slice(0, 10);
  });

export const NoticeInputSchema = z.object({
  courtCode: text("court", 1, 32, "payments.errors.courtRequired", "payments.errors.courtTooLong"),
  courtDocumentNumber: safeText({ label: "payments.staff.courtDocumentNumber" }).trim().max(64, { error: "payments.errors.documentNumberTooLong" }).optional(),
  caseReference: text("caseReference", 1, 200, "payments.errors.caseRequired", "payments.errors.caseTooLong"),
  payerName: text("payerName", 2, 200, "payments.errors.nameRequired", "payments.errors.nameTooLong"),
  payerIdNumber: payerIdSchema,
  payerAddress: text("payerAddress", 3, 300, "payments.errors.addressRequired", "payments.errors.addressTooLong"),
  amount: amountSchema,
  dueDate: dateSchema,
});
export type NoticeInput = z.output<typeof NoticeInputSchema>;

/**
 * The courts' API: the same notice, but the amount is what a machine sends — a JSON integer or a string
 * of digits only ("1250000.00", "1.250.000", 1000.5 are refused, never read as another number).
 */
export const CourtApiNoticeSchema = NoticeInputSchema.extend({
  amount: apiAmountField({ ...AMOUNT_MESSAGES, format: "payments.errors.amountApiFormat", grouping: "payments.errors.amountApiFormat", fraction: "payments.errors.amountApiFraction" }, { min: NOTICE_AMOUNT_MIN, max: AMOUNT_MAX_PAYABLE }),
  collectingOfficeCode: safeText({ label: "payments.staff.agency", error: "payments.errors.agencyRequired" }).min(1, { error: "payments.errors.agencyRequired" }).max(32, { error: "payments.errors.agencyUnknown" }),
});

/** The staff form adds the collecting office (one of the accountant's offices). */
export const StaffNoticeFormSchema = NoticeInputSchema.extend({
  agencyId: z.uuid({ error: "payments.errors.agencyRequired" }),
});

/** The CSV import's columns (a header row with these names is required; order free). */
export const CSV_COLUMNS = [
  "court_code",
  "court_document_number",
  "case_reference",
  "payer_name",
  "payer_id_number",
  "payer_address",
  "amount",
  "due_date",
] as const;

export const NOTICE_NUMBER = /^TB-\d{4}-\d{7}$/;

export const NoticeLookupSchema = z.object({
  noticeNumber: safeText({ label: "payments.lookup.noticeNumber", error: "payments.errors.noticeNumberRequired" })
    .trim()
    .min(1, { error: "payments.errors.noticeNumberRequired" })
    .transform((v) => v.toUpperCase().replace(/\s+/g, ""))
    .refine((v) => NOTICE_NUMBER.test(v), { error: "payments.errors.noticeNumberFormat" }),
  idNumber: payerIdSchema,
});

export const CheckoutSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9._-]{10,400}$/), // the signed notice token (access.server.ts), a hidden field
  email: safeText({ label: "payments.notice.email", error: "payments.errors.emailRequired" })
    .trim()
    .min(1, { error: "payments.errors.emailRequired" })
    .max(254, { error: "payments.errors.emailInvalid" })
    .pipe(z.email({ error: "payments.errors.emailInvalid" })),
  method: z.literal("vnpay", { error: "payments.errors.methodRequired" }),
});

export { normaliseIdNumber };
