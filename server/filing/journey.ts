import { ruleFor } from "../deadlines/browser";
import { paths } from "../../vocabulary/paths";
import { z } from "zod";
import { validateCccd, validateTaxCode, validateVnMobile, validateVnPhone } from "../../vocabulary/identity";
import { AMOUNT_MAX_CLAIM, amountField, text as safeText } from "../validation/browser";
import { defineJourney, resumeLinkSchema, type Answers as EngineAnswers, type FieldDef, type StepDef as EngineStepDef } from "../journeys/browser";

/**
 * The enforcement-request journey as data (DESIGN.md section 8, after HMCTS nfdiv): each step owns its
 * URL slug, its fields, its Zod schema (messages are i18n keys under `filing.errors`), and `next(answers)`.
 * Its words live in vocabulary/i18n/sections/filing.{vi,en}.ts under `filing.steps.<id>` and
 * `filing.fields.<name>`. Pure code: the browser validates with the same schemas.
 */

export const SERVICE_PATH = paths.filing.start;
export const CHECK_SLUG = paths.filing.check.slice(SERVICE_PATH.length + 1);

/** Attachments: at least 20 files of 20 MB (the old system allowed 10 of 5 MB). */
export const MAX_FILES = 20;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_TYPES = ["judgment", "identity", "authorisation", "assets", "other"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * The time limit to request enforcement (2008 Law art. 30: 5 years from the judgment taking effect) is data,
 * with its legal basis and effective dates (server/deadlines/legal-rules.ts): the version in force on the day.
 */
export const TIME_LIMIT_RULE = "enforcement.request-time-limit";
export function timeLimitYears(on: Date = new Date()): number {
  const rule = ruleFor(TIME_LIMIT_RULE, on);
  if (rule.unit !== "years") throw new Error(`${TIME_LIMIT_RULE} is counted in ${rule.unit}, not years`);
  return rule.amount;
}
/** Art. 36: the head of the office decides within 5 working days of receiving the request. */
export const DECISION_WORKING_DAYS = 5;

export type { FieldDef, FieldKind } from "../journeys/browser";
export { fieldWording, formValues } from "../journeys/browser";

export type StepId =
  | "who"
  | "representative"
  | "person"
  | "organisation"
  | "judgment"
  | "debtor"
  | "creditor"
  | "obligations"
  | "assets"
  | "attachments"
  | "declaration";

export type Answers = EngineAnswers<StepId>;
export type StepDef = EngineStepDef<StepId>;

// ————— shared field schemas —————
//
// Every message names its field and says how to put it right (GOV.UK error-message style): the i18n key
// is `filing.errors.<message name>.<what is wrong>`, the message name usually being the field's name, so
// no two fields of a page share a text and no message is a generic "required" or "too long".

export const E = (name: string, what: string) => `filing.errors.${name}.${what}`;

/**
 * Cross-field checks run even when some fields failed (Zod skips refinements on an object once a field
 * has an error, so the applicant met these only after fixing the others): the check sees the values as
 * they are and must test their types itself.
 */
export const ALWAYS = { when: () => true } as const;

/** The label of a field (`filing.fields.<name>.label`): the control-character messages name the field with it. */
const L = (name: string) => `filing.fields.${name}.label`;

/** A free-text field: no control characters (tab and line breaks only if `multiline`), at most `max`. */
function text(name: string, max: number, { multiline = false, label = name } = {}) {
  return safeText({ label: L(label), multiline, error: E(name, "required") }).trim().min(1, E(name, "required")).max(max, E(name, "tooLong"));
}

const optionalText = (name: string, max: number) => safeText({ label: L(name), multiline: true }).trim().max(max, E(name, "tooLong")).optional();

function choice<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  return z.enum(values, { error: E(name, "choose") });
}

/** Today's date (yyyy-mm-dd) in Vietnam, whatever the server's or the browser's time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * A date as typed: the date input's yyyy-mm-dd, or dd/mm/yyyy (d/m/yyyy, with dots or dashes) where the
 * browser shows a plain text box (no JavaScript date picker, older phones). Returns yyyy-mm-dd or the text.
 */
export function normaliseDate(input: string): string {
  const s = input.trim();
  const vn = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$/.exec(s);
  return vn ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}` : s;
}

/** A real calendar date, not in the future (Vietnam time), not before 1900. */
const pastDate = (name: string) =>
  z
    .string({ error: E(name, "required") })
    .trim()
    .min(1, E(name, "required"))
    .transform(normaliseDate)
    .refine(isRealDate, E(name, "invalid"))
    .refine((s) => !isRealDate(s) || s <= todayInVietnam(), E(name, "future"))
    .refine((s) => !isRealDate(s) || s >= "1900-01-01", E(name, "tooOld"));

/** The reasons an ID check gives that a form can meet (an empty value is caught as "required" first). */
const CCCD_REASONS = new Set(["format", "province", "birthYear"]);
const TAX_REASONS = new Set(["format", "checkDigit", "branch"]);
const PHONE_REASONS = new Set(["format", "prefix"]);
const reasonIn = (set: Set<string>, reason: string) => (set.has(reason) ? reason : "format");

const cccd = (name: string) =>
  z
    .string({ error: E(name, "required") })
    .trim()
    .min(1, E(name, "required"))
    .transform((s, ctx) => {
      const r = validateCccd(s);
      if (r.valid) return r.value;
      ctx.addIssue({ code: "custom", message: E(name, reasonIn(CCCD_REASONS, r.reason)) });
      return z.NEVER;
    });

const taxCode = (name: string) =>
  z
    .string({ error: E(name, "required") })
    .trim()
    .min(1, E(name, "required"))
    .transform((s, ctx) => {
      const r = validateTaxCode(s);
      if (r.valid) return r.value;
      ctx.addIssue({ code: "custom", message: E(name, reasonIn(TAX_REASONS, r.reason)) });
      return z.NEVER;
    });

/** A mobile number, or (`landline`) a mobile or a landline: an organisation's phone is often a desk phone. */
function phone(name: string, { required = true, landline = false }: { required?: boolean; landline?: boolean } = {}) {
  const base = z
    .string({ error: E(name, "required") })
    .trim()
    .min(1, E(name, "required"))
    .transform((s, ctx) => {
      const r = landline ? validateVnPhone(s) : validateVnMobile(s);
      if (r.valid) return r.value;
      ctx.addIssue({ code: "custom", message: E(name, reasonIn(PHONE_REASONS, r.reason)) });
      return z.NEVER;
    });
  return required ? base : base.optional();
}

const email = (name: string) =>
  safeText({ label: L("email"), error: E(name, "invalid") }).trim().max(254, E(name, "tooLong")).pipe(z.email(E(name, "invalid"))).optional();

/**
 * Money in đồng as typed: "150000000", "150.000.000", "150,000,000" or "150 000 000", from 1.000 to
 * 10^15 đồng (server/validation/amount.ts: decimals, misplaced separators and signs are refused).
 */
const MONEY_MESSAGES = {
  required: "filing.errors.amountRequired",
  format: "filing.errors.moneyFormat",
  fraction: "filing.errors.moneyFraction",
  grouping: "filing.errors.moneyGrouping",
  tooSmall: "filing.errors.moneyMin",
  tooLarge: "filing.errors.moneyMax",
};
const money = () => amountField(MONEY_MESSAGES, { min: 1000, max: AMOUNT_MAX_CLAIM }).optional();

// ————— the steps —————

/** Who may ask for enforcement (art. 30): the judgment creditor, the judgment debtor, or a person with related rights and obligations. */
export const APPLICANT_ROLES = ["creditor", "debtor", "related"] as const;

const WHO = z.object({
  role: choice("role", APPLICANT_ROLES),
  party: choice("party", ["person", "organisation"]),
  actingAs: choice("actingAs", ["self", "representative"]),
});

const REPRESENTATIVE = z.object({
  repName: text("repName", 200),
  repCccd: cccd("repCccd"),
  repPhone: phone("repPhone"),
  repBasis: choice("repBasis", ["legal", "authorised"]),
  repDocument: text("repDocument", 300),
});

const PERSON = z.object({
  fullName: text("fullName", 200),
  birthDate: pastDate("birthDate"),
  cccd: cccd("cccd"),
  address: text("address", 500, { multiline: true }),
  phone: phone("phone"),
  email: email("email"),
});

const ORGANISATION = z.object({
  orgName: text("orgName", 300),
  taxCode: taxCode("taxCode"),
  address: text("orgAddress", 500, { multiline: true, label: "address" }),
  legalRep: text("legalRep", 200),
  phone: phone("orgPhone", { landline: true }),
  email: email("orgEmail"),
});

const JUDGMENT = z
  .object({
    court: z.string({ error: E("court", "choose") }).trim().min(1, E("court", "choose")).max(32, E("court", "choose")).regex(/^[A-Z0-9_.-]+$/, E("court", "choose")),
    judgmentNumber: text("judgmentNumber", 60),
    judgmentDate: pastDate("judgmentDate"),
    effectiveDate: pastDate("effectiveDate"),
  })
  .superRefine((v, ctx) => {
    const { judgmentDate, effectiveDate } = v as Record<string, unknown>;
    if (typeof judgmentDate !== "string" || typeof effectiveDate !== "string" || !isRealDate(judgmentDate) || !isRealDate(effectiveDate)) return;
    if (effectiveDate < judgmentDate) ctx.addIssue({ code: "custom", path: ["effectiveDate"], message: E("effectiveDate", "beforeJudgment") });
  }, ALWAYS);

/** The other party's ID is a citizen ID for a person and a tax code for an organisation (by its length when the kind is not chosen yet). */
function partyIdCheck(kind: unknown, id: string) {
  const asPerson = kind === "person" || (kind !== "organisation" && id.replace(/[\s.\-]/g, "").length === 12);
  return asPerson ? { kind: "cccd" as const, r: validateCccd(id), reasons: CCCD_REASONS } : { kind: "taxCode" as const, r: validateTaxCode(id), reasons: TAX_REASONS };
}

/**
 * The other party of the judgment: the judgment debtor (`debtor…` fields) when the creditor or a related
 * person applies, the judgment creditor (`creditor…` fields) when the debtor applies. The ID is optional
 * (the applicant may not know it) and checked against the kind chosen.
 */
function otherParty<P extends "debtor" | "creditor">(p: P) {
  const f = (suffix: string) => `${p}${suffix}`;
  return z
    .object({
      [f("Kind")]: choice(f("Kind"), ["person", "organisation"]),
      [f("Name")]: text(f("Name"), 300),
      [f("Id")]: safeText({ label: L(f("Id")) }).trim().max(20, E(f("Id"), "tooLong")).optional(),
      [f("Address")]: text(f("Address"), 500, { multiline: true }),
      [f("Phone")]: phone(f("Phone"), { required: false, landline: true }),
    } as Record<string, z.ZodType>)
    .superRefine((v, ctx) => {
      const raw = v as Record<string, unknown>;
      const id = raw[f("Id")];
      if (typeof id !== "string" || !id || id.length > 20) return;
      const { kind, r, reasons } = partyIdCheck(raw[f("Kind")], id);
      if (!r.valid) ctx.addIssue({ code: "custom", path: [f("Id")], message: E(f("Id"), `${kind}.${reasonIn(reasons, r.reason)}`) });
    }, ALWAYS)
    .transform((v) => {
      const raw = v as Record<string, unknown>;
      const id = raw[f("Id")];
      if (typeof id !== "string" || !id) return raw;
      const { r } = partyIdCheck(raw[f("Kind")], id);
      return r.valid ? { ...raw, [f("Id")]: r.value } : raw;
    });
}

const DEBTOR = otherParty("debtor");
const CREDITOR = otherParty("creditor");

const partyFields = (p: "debtor" | "creditor"): FieldDef[] => [
  { name: `${p}Kind`, kind: "radio", options: ["person", "organisation"] },
  { name: `${p}Name`, kind: "text" },
  { name: `${p}Id`, kind: "text", optional: true, hint: true, sensitive: true },
  { name: `${p}Address`, kind: "textarea", hint: true },
  { name: `${p}Phone`, kind: "tel", optional: true, hint: true },
];

const OBLIGATION_KINDS = ["money", "assets", "act"] as const;
const OBLIGATIONS = z
  .object({
    obligations: z.array(z.enum(OBLIGATION_KINDS, { error: E("obligations", "choose") }), { error: E("obligations", "choose") }).min(1, E("obligations", "choose")).max(3),
    amount: money(),
    assetsToHand: optionalText("assetsToHand", 2000),
    act: optionalText("act", 2000),
  })
  .superRefine((v, ctx) => {
    const raw = v as Record<string, unknown>;
    const chosen = Array.isArray(raw.obligations) ? raw.obligations : [];
    const has = (k: (typeof OBLIGATION_KINDS)[number]) => chosen.includes(k);
    if (has("money") && raw.amount === undefined) ctx.addIssue({ code: "custom", path: ["amount"], message: "filing.errors.amountRequired" });
    if (has("assets") && !raw.assetsToHand) ctx.addIssue({ code: "custom", path: ["assetsToHand"], message: E("assetsToHand", "required") });
    if (has("act") && !raw.act) ctx.addIssue({ code: "custom", path: ["act"], message: E("act", "required") });
  }, ALWAYS)
  .transform((v) => ({
    obligations: OBLIGATION_KINDS.filter((k) => v.obligations.includes(k)),
    amount: v.obligations.includes("money") ? v.amount : undefined,
    assetsToHand: v.obligations.includes("assets") ? v.assetsToHand : undefined,
    act: v.obligations.includes("act") ? v.act : undefined,
  }));

const ASSETS = z.object({
  debtorAssets: optionalText("debtorAssets", 2000),
  debtorIncome: optionalText("debtorIncome", 2000),
  debtorBank: optionalText("debtorBank", 500),
});

const DECLARATION = z.object({
  declaration: z.boolean({ error: E("declaration", "required") }).refine((v) => v === true, E("declaration", "required")),
});

/** The attachments step posts no fields; its rule (a copy of the judgment is attached) is checked on the server. */
const NO_FIELDS = z.object({});

const who = (a: Answers) => (a.who ?? {}) as Partial<z.infer<typeof WHO>>;

export const STEPS: readonly StepDef[] = [
  {
    id: "who",
    slug: "nguoi-nop-don",
    kind: "form",
    fields: [
      { name: "role", kind: "radio", options: APPLICANT_ROLES, hint: true },
      { name: "party", kind: "radio", options: ["person", "organisation"] },
      { name: "actingAs", kind: "radio", options: ["self", "representative"], hint: true },
    ],
    schema: WHO,
    next: (a) => (who(a).actingAs === "representative" ? "representative" : who(a).party === "organisation" ? "organisation" : "person"),
  },
  {
    id: "representative",
    slug: "nguoi-dai-dien",
    kind: "form",
    fields: [
      { name: "repName", kind: "text", autoComplete: "name" },
      { name: "repCccd", kind: "text", inputMode: "numeric", hint: true, sensitive: true },
      { name: "repPhone", kind: "tel", autoComplete: "tel", hint: true },
      { name: "repBasis", kind: "radio", options: ["legal", "authorised"] },
      { name: "repDocument", kind: "text", hint: true },
    ],
    schema: REPRESENTATIVE,
    next: (a) => (who(a).party === "organisation" ? "organisation" : "person"),
  },
  {
    id: "person",
    slug: "thong-tin-ca-nhan",
    kind: "form",
    fields: [
      { name: "fullName", kind: "text", autoComplete: "name" },
      { name: "birthDate", kind: "date", autoComplete: "bday" },
      { name: "cccd", kind: "text", inputMode: "numeric", hint: true, sensitive: true },
      { name: "address", kind: "textarea", autoComplete: "street-address", hint: true },
      { name: "phone", kind: "tel", autoComplete: "tel", hint: true },
      { name: "email", kind: "email", autoComplete: "email", optional: true, hint: true },
    ],
    schema: PERSON,
    next: () => "judgment",
  },
  {
    id: "organisation",
    slug: "thong-tin-to-chuc",
    kind: "form",
    fields: [
      { name: "orgName", kind: "text", autoComplete: "organization" },
      { name: "taxCode", kind: "text", inputMode: "numeric", hint: true },
      { name: "address", kind: "textarea", autoComplete: "street-address", hint: true },
      { name: "legalRep", kind: "text" },
      { name: "phone", kind: "tel", autoComplete: "tel", hint: true, wording: "orgPhone" },
      { name: "email", kind: "email", autoComplete: "email", optional: true, hint: true },
    ],
    schema: ORGANISATION,
    next: () => "judgment",
  },
  {
    id: "judgment",
    slug: "ban-an",
    kind: "form",
    fields: [
      { name: "court", kind: "select", hint: true },
      { name: "judgmentNumber", kind: "text", hint: true },
      { name: "judgmentDate", kind: "date" },
      { name: "effectiveDate", kind: "date", hint: true },
    ],
    schema: JUDGMENT,
    next: (a) => (who(a).role === "debtor" ? "creditor" : "debtor"),
  },
  {
    id: "debtor",
    slug: "nguoi-phai-thi-hanh-an",
    kind: "form",
    fields: partyFields("debtor"),
    schema: DEBTOR,
    next: () => "obligations",
  },
  {
    id: "creditor",
    slug: "nguoi-duoc-thi-hanh-an",
    kind: "form",
    fields: partyFields("creditor"),
    schema: CREDITOR,
    next: () => "obligations",
  },
  {
    id: "obligations",
    slug: "noi-dung-yeu-cau",
    kind: "form",
    fields: [
      { name: "obligations", kind: "checkboxes", options: OBLIGATION_KINDS, hint: true },
      { name: "amount", kind: "money", inputMode: "numeric", optional: true, hint: true },
      { name: "assetsToHand", kind: "textarea", optional: true, hint: true },
      { name: "act", kind: "textarea", optional: true, hint: true },
    ],
    schema: OBLIGATIONS,
    // A judgment debtor who applies is not asked to describe their own assets.
    next: (a) => (who(a).role === "debtor" ? "attachments" : "assets"),
  },
  {
    id: "assets",
    slug: "tai-san-thu-nhap",
    kind: "form",
    fields: [
      { name: "debtorAssets", kind: "textarea", optional: true, hint: true },
      { name: "debtorIncome", kind: "textarea", optional: true, hint: true },
      { name: "debtorBank", kind: "text", optional: true, hint: true },
    ],
    schema: ASSETS,
    next: () => "attachments",
  },
  { id: "attachments", slug: "tai-lieu", kind: "attachments", fields: [], schema: NO_FIELDS, next: () => "declaration" },
  {
    id: "declaration",
    slug: "cam-doan",
    kind: "form",
    fields: [{ name: "declaration", kind: "checkbox" }],
    schema: DECLARATION,
    next: () => "check",
  },
] as const;

/** The enforcement request as the journey engine sees it (server/journeys). */
export const ENFORCEMENT_REQUEST = defineJourney<StepId>({
  id: "enforcement-request",
  path: SERVICE_PATH,
  content: "filing",
  draftCookie: "thads_filing",
  checkSlug: CHECK_SLUG,
  saveSlug: "luu",
  resumeSlug: "tiep-tuc",
  steps: STEPS,
  attachments: { documentTypes: DOCUMENT_TYPES, maxFiles: MAX_FILES, maxFileBytes: MAX_FILE_BYTES, required: { documentType: "judgment", problem: "judgmentMissing" } },
});

export const FIRST_STEP = ENFORCEMENT_REQUEST.firstStep;
export const { stepById, stepBySlug, stepPath, pathFor, firstIncomplete, canVisit, previousStep } = ENFORCEMENT_REQUEST;

/** The judgment's time limit (the rule in force on `on`): the last day a request is on time (yyyy-mm-dd), or null without a date. */
export function timeLimitEnds(effectiveDate: unknown, on: Date = new Date()): string | null {
  if (typeof effectiveDate !== "string" || !isRealDate(effectiveDate)) return null;
  const [y, m, d] = effectiveDate.split("-").map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + timeLimitYears(on), m - 1, d));
  return end.toISOString().slice(0, 10);
}

/** True when today (in Vietnam) is after the 5-year limit: the request may still be sent, with reasons. */
export function isPastTimeLimit(answers: Answers, now: Date = new Date()): boolean {
  const end = timeLimitEnds(answers.judgment?.effectiveDate, now);
  return end !== null && todayInVietnam(now) > end;
}

/** The applicant's name, whichever kind of applicant they are. */
export function applicantName(answers: Answers): string {
  return String(who(answers).party === "organisation" ? (answers.organisation?.orgName ?? "") : (answers.person?.fullName ?? ""));
}

export function applicantEmail(answers: Answers): string | null {
  const e = who(answers).party === "organisation" ? answers.organisation?.email : answers.person?.email;
  return typeof e === "string" && e ? e : null;
}

/** The name of the judgment debtor: the applicant when the debtor applies, else the party named in the debtor step. */
export function debtorName(answers: Answers): string {
  return who(answers).role === "debtor" ? applicantName(answers) : String(answers.debtor?.debtorName ?? "");
}

/** "Save and continue later": where to send the link (the engine's schema, in the filing words). */
export const ResumeLinkSchema = resumeLinkSchema("filing");
