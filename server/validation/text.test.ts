import { describe, expect, it } from "vitest";
import type { z } from "zod";
import vi from "../../vocabulary/i18n/vi";
import en from "../../vocabulary/i18n/en";
import { STEPS, ResumeLinkSchema } from "../filing/journey";
import { StaffSignInSchema } from "../accounts/schemas";
import { RequestCodeSchema, VerifyCodeSchema } from "../accounts/citizen-schemas";
import { CheckoutSchema, NoticeInputSchema, NoticeLookupSchema, StaffNoticeFormSchema } from "../payments/schemas";
import { CancelReceiptSchema, DecideRefundSchema, ProposeRefundSchema, ReconcileSchema } from "../receipts/schemas";
import { fieldMessage, textProblem, translateMessage } from "./text";

// Every schema a person or a caller fills in, with its text fields: each is given control characters and
// lone surrogates and must refuse them, the free-text ones with a message that names the field.
const SCHEMAS: [string, z.ZodType, string[]][] = [
  ...STEPS.filter((s) => s.kind === "form" && s.fields.some((f) => f.kind !== "radio" && f.kind !== "checkbox" && f.kind !== "checkboxes")).map(
    (s) => [`filing ${s.id}`, s.schema, s.fields.filter((f) => ["text", "textarea", "email", "tel", "money", "date"].includes(f.kind)).map((f) => f.name)] as [string, z.ZodType, string[]],
  ),
  ["filing resume link", ResumeLinkSchema, ["email"]],
  ["staff sign-in", StaffSignInSchema, ["email", "password"]],
  ["citizen sign-in", RequestCodeSchema, ["email"]],
  ["citizen code", VerifyCodeSchema, ["code"]],
  ["court API notice", NoticeInputSchema, ["courtCode", "courtDocumentNumber", "caseReference", "payerName", "payerIdNumber", "payerAddress", "dueDate"]],
  ["staff notice form", StaffNoticeFormSchema, ["courtCode", "courtDocumentNumber", "caseReference", "payerName", "payerIdNumber", "payerAddress", "dueDate", "agencyId"]],
  ["payer lookup", NoticeLookupSchema, ["noticeNumber", "idNumber"]],
  ["checkout", CheckoutSchema, ["token", "email"]],
  ["cancel receipt", CancelReceiptSchema, ["reason", "payerName", "payerAddress"]],
  ["propose refund", ProposeRefundSchema, ["txnRef", "reason"]],
  ["decide refund", DecideRefundSchema, ["note"]],
  ["reconcile", ReconcileSchema, ["agencyId", "day"]],
];

/** Fields a person types freely: their refusal is the control-character message naming the field. */
const FREE_TEXT = new Set([
  "repName", "repDocument", "fullName", "address", "orgName", "legalRep", "judgmentNumber", "debtorName", "debtorAddress",
  "assetsToHand", "act", "debtorAssets", "debtorIncome", "debtorBank", "email", "password", "code",
  "courtCode", "courtDocumentNumber", "caseReference", "payerName", "payerAddress", "payerIdNumber", "noticeNumber", "idNumber",
  "reason", "note", "day",
]);

const HOSTILE = { nul: "\u0000", soh: "\u0001", esc: "\u001b", del: "\u007f", c1: "\u0085", "lone high surrogate": "\ud800", "lone low surrogate": "\udc00" };

const lookup = (tree: unknown, key: string) => key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], tree);

describe.each(SCHEMAS)("%s", (_name, schema, fields) => {
  it.each(fields.flatMap((f) => Object.entries(HOSTILE).map(([what, c]) => [f, what, c] as const)))("%s with %s is refused", (field, _what, c) => {
    const r = schema.safeParse({ [field]: `Nguyễn${c}Văn A` });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === field);
    expect(issue, `an error on ${field}`).toBeDefined();
    if (FREE_TEXT.has(field)) {
      expect(issue!.message).toMatch(/^validation\.controlChars\|/);
      const label = (JSON.parse(issue!.message.slice(issue!.message.indexOf("|") + 1)) as { field: string }).field;
      expect(typeof lookup(vi, label), `${label} in vi`).toBe("string");
      expect(typeof lookup(en, label), `${label} in en`).toBe("string");
    }
  });
});

describe("text characters", () => {
  it("Vietnamese, emoji (surrogate pairs) and punctuation are text", () => {
    for (const s of ["Nguyễn Thị Ánh Hồng", "Đường 3/2, P.12, Q.10 — TP.HCM", "👍🏽 ok", "“quoted” ‘x’ € ₫"]) expect(textProblem(s)).toBeNull();
  });
  it("tab and line breaks only in multi-line fields", () => {
    expect(textProblem("a\nb", true)).toBeNull();
    expect(textProblem("a\r\nb\tc", true)).toBeNull();
    expect(textProblem("a\nb")).toBe("lineBreaks");
    expect(textProblem("a\tb")).toBe("lineBreaks");
    expect(textProblem("a\u0000b", true)).toBe("controlChars");
  });
  it("a multi-line filing field keeps its line breaks; a single-line one refuses them with a message", () => {
    const person = STEPS.find((s) => s.id === "person")!.schema;
    const r = person.safeParse({ fullName: "An\nB", address: "Số 1\nPhường 2" });
    const issues = r.error!.issues;
    expect(issues.find((i) => i.path[0] === "fullName")?.message).toBe(fieldMessage("validation.lineBreaks", { field: "filing.fields.fullName.label" }));
    expect(issues.find((i) => i.path[0] === "address")).toBeUndefined();
  });
  it("a field over its length limit says the limit and names the field", () => {
    const person = STEPS.find((s) => s.id === "person")!.schema;
    const issue = person.safeParse({ fullName: "a".repeat(201) }).error!.issues.find((i) => i.path[0] === "fullName")!;
    // The field's own message (server/filing/journey.ts E()), which states the limit.
    expect(issue.message).toBe("filing.errors.fullName.tooLong");
    expect(vi.filing.errors.fullName.tooLong).toContain("200");
  });
  it("translateMessage puts the field's label into the message, in vi and en", async () => {
    const { serverT } = await import("../../vocabulary/i18n/resources.server");
    const m = fieldMessage("validation.controlChars", { field: "payments.staff.payerName" });
    expect(translateMessage(serverT("vi") as never, m)).toMatch(/^Họ tên người nộp|^[A-ZĐ].* có ký tự điều khiển/);
    expect(translateMessage(serverT("en") as never, m)).toMatch(/ has control characters/);
    expect(translateMessage(serverT("vi") as never, "filing.errors.fullName.required")).toBe(vi.filing.errors.fullName.required);
  });
});
