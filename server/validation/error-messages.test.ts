import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { STEPS, ResumeLinkSchema } from "../filing/journey";
import { StaffSignInSchema } from "../accounts/schemas";
import { RequestCodeSchema, VerifyCodeSchema } from "../accounts/citizen-schemas";
import { CheckoutSchema, NoticeLookupSchema, StaffNoticeFormSchema } from "../payments/schemas";
import { CancelReceiptSchema, DecideRefundSchema, ProposeRefundSchema, ReconcileSchema } from "../receipts/schemas";

/**
 * Every form's error messages (GOV.UK style): each field has its own, saying what to enter or choose; no
 * two fields of one page share a text; no generic "required / choose an option / too long"; limits are
 * stated; every message exists in Vietnamese and English; every error shows at once.
 */

type Page = { name: string; schema: z.ZodType; fields: string[]; cases?: Record<string, unknown>[] };

const GENERIC = [
  /^thông tin này là bắt buộc\.?$/i,
  /^hãy chọn một phương án\.?$/i,
  /^nội dung quá dài\.?$/i,
  /^this information is required\.?$/i,
  /^select an option\.?$/i,
  /^this (text )?is too long\.?$/i,
  /không hợp lệ\.?$/i, // "… is not valid." says nothing about how to put it right
  /is not valid\.?$/i,
];

const LONG = (n: number) => "a".repeat(n);
const PROBES: unknown[] = [undefined, "", " ", "x", "abc@", "12345", "003085012345", "001485012345", "0100109107", "0100109106-000", "0241234567", "0311234567", "2999-01-01", "1800-01-01", "2024-02-30", "31/02/2024", "on", "-1", "1.5", LONG(61), LONG(201), LONG(301), LONG(501), LONG(2001), LONG(6000)];

const journeyPages: Page[] = STEPS.filter((s) => s.kind === "form").map((s) => ({
  name: `filing step ${s.id}`,
  schema: s.schema,
  fields: s.fields.map((f) => f.name),
  cases: [
    { obligations: ["money", "assets", "act"] },
    { debtorKind: "person", debtorId: "12345" },
    { debtorKind: "organisation", debtorId: "0100109107" },
    { creditorKind: "person", creditorId: "003085012345" },
    { creditorKind: "organisation", creditorId: "0100109106-000" },
    { judgmentDate: "2024-05-01", effectiveDate: "2024-04-01" },
  ],
}));

const otherPages: Page[] = [
  { name: "save for later", schema: ResumeLinkSchema, fields: ["email"] },
  { name: "staff sign-in", schema: StaffSignInSchema, fields: ["email", "password"] },
  { name: "citizen sign-in (e-mail)", schema: RequestCodeSchema, fields: ["email"] },
  { name: "citizen sign-in (code)", schema: VerifyCodeSchema, fields: ["code"] },
  { name: "fee lookup", schema: NoticeLookupSchema, fields: ["noticeNumber", "idNumber"] },
  { name: "checkout", schema: CheckoutSchema, fields: ["email", "method"] },
  {
    name: "staff new notice",
    schema: StaffNoticeFormSchema,
    fields: ["agencyId", "courtCode", "courtDocumentNumber", "caseReference", "payerName", "payerIdNumber", "payerAddress", "amount", "dueDate"],
  },
  { name: "cancel receipt", schema: CancelReceiptSchema, fields: ["reason", "action", "payerName", "payerAddress"], cases: [{ action: "replace" }] },
  { name: "propose refund", schema: ProposeRefundSchema, fields: ["amount", "reason"] },
  { name: "decide refund", schema: DecideRefundSchema, fields: ["decision", "note"], cases: [{ decision: "reject" }] },
  { name: "reconciliation", schema: ReconcileSchema, fields: ["agencyId", "day"] },
];

/** Every message key each field of a page can produce, found by posting probe values. */
function messagesByField(page: Page): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>(page.fields.map((f) => [f, new Set<string>()]));
  const collect = (input: Record<string, unknown>) => {
    const r = page.schema.safeParse(input);
    if (r.success) return;
    for (const issue of r.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (found.has(field)) found.get(field)!.add(issue.message);
    }
  };
  for (const probe of PROBES) {
    collect(Object.fromEntries(page.fields.map((f) => [f, probe])));
    for (const f of page.fields) collect({ [f]: probe });
    for (const c of page.cases ?? []) {
      collect({ ...Object.fromEntries(page.fields.map((f) => [f, probe])), ...c });
      collect(c);
    }
  }
  return found;
}

const pages = [...journeyPages, ...otherPages];

describe.each(pages)("$name", (page) => {
  const byField = messagesByField(page);

  it.each(["vi", "en"] as const)("has its own message for each field, none generic, all translated (%s)", (locale) => {
    const t = serverT(locale);
    const owner = new Map<string, string>();
    for (const [field, keys] of byField) {
      for (const key of keys) {
        const text = t(key as never) as string;
        expect(text, `${page.name} ${field}: ${key} has no ${locale} text`).not.toBe(key);
        expect(text.trim().length, key).toBeGreaterThan(0);
        for (const g of GENERIC) expect(text, `${page.name} ${field}: "${text}" is generic`).not.toMatch(g);
        const other = owner.get(text);
        expect(other === undefined || other === field, `${page.name}: "${text}" is used by both ${other} and ${field}`).toBe(true);
        owner.set(text, field);
      }
    }
  });

  it("states the limit in every too-long message", () => {
    const t = serverT("vi");
    for (const [field, keys] of byField) {
      for (const key of keys) {
        if (!/tooLong$/i.test(key)) continue;
        // The real limit: the longest value this field accepts (or that passes its length check).
        const tooLong = (n: number) => (page.schema.safeParse({ [field]: LONG(n) }) as { error?: z.ZodError }).error?.issues.some((i) => i.path[0] === field && i.message === key) ?? false;
        let lo = 0;
        let hi = 10_000;
        while (lo + 1 < hi) {
          const mid = Math.floor((lo + hi) / 2);
          if (tooLong(mid)) hi = mid;
          else lo = mid;
        }
        expect(t(key as never) as string, `${page.name} ${field}`).toContain(String(lo));
      }
    }
  });
});

describe("every error at once", () => {
  const step = (id: string) => STEPS.find((s) => s.id === id)!.schema;
  const fieldsWithErrors = (schema: z.ZodType, input: Record<string, unknown>) => {
    const r = schema.safeParse(input);
    return r.success ? [] : [...new Set(r.error.issues.map((i) => String(i.path[0])))].sort();
  };

  it("checks the debtor's and the creditor's ID while other fields are missing", () => {
    expect(fieldsWithErrors(step("debtor"), { debtorKind: "person", debtorId: "12345" })).toEqual(["debtorAddress", "debtorId", "debtorName"]);
    expect(fieldsWithErrors(step("debtor"), { debtorId: "0100109107" })).toEqual(["debtorAddress", "debtorId", "debtorKind", "debtorName"]);
    expect(fieldsWithErrors(step("creditor"), { creditorKind: "organisation", creditorId: "0100109107" })).toEqual(["creditorAddress", "creditorId", "creditorName"]);
  });

  it("compares the judgment's dates while the number is missing", () => {
    expect(fieldsWithErrors(step("judgment"), { court: "TAND-HNI-KV01", judgmentDate: "2024-05-01", effectiveDate: "2024-04-01" })).toEqual(["effectiveDate", "judgmentNumber"]);
  });

  it("asks for each chosen obligation's details while another field is too long", () => {
    expect(fieldsWithErrors(step("obligations"), { obligations: ["money", "assets", "act"], act: LONG(2001) })).toEqual(["act", "amount", "assetsToHand"]);
  });

  it("checks the staff forms' dependent fields with the others", () => {
    expect(fieldsWithErrors(CancelReceiptSchema, { action: "replace" })).toEqual(["payerAddress", "payerName", "reason"]);
    expect(fieldsWithErrors(DecideRefundSchema, { decision: "reject", note: LONG(501) })).toEqual(["note"]);
  });
});
