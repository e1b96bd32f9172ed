import { z } from "zod";
import { validateCccd, validateTaxCode, validateVnMobile } from "../validation/ids";
import { AMOUNT_MAX_CLAIM } from "../validation/amount";
import { amountField } from "../validation/amount-schema";

/**
 * The enforcement-request journey as data (DESIGN.md section 8, after HMCTS nfdiv): each step owns its
 * URL slug, its fields, its Zod schema (messages are i18n keys under `filing.errors`), and `next(answers)`.
 * Its words live in app/i18n/sections/filing.{vi,en}.ts under `filing.steps.<id>` and
 * `filing.fields.<name>`. Pure code: the browser validates with the same schemas.
 */

export const SERVICE_PATH = "/dich-vu/yeu-cau-thi-hanh-an";
export const CHECK_SLUG = "kiem-tra";

/** Attachments: at least 20 files of 20 MB (the old system allowed 10 of 5 MB). */
export const MAX_FILES = 20;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_TYPES = ["judgment", "identity", "authorisation", "assets", "other"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Law on Civil Judgment Enforcement, art. 30: a request within 5 years of the judgment taking effect. */
export const TIME_LIMIT_YEARS = 5;
/** Art. 36: the head of the office decides within 5 working days of receiving the request. */
export const DECISION_WORKING_DAYS = 5;

export type FieldKind = "text" | "textarea" | "email" | "tel" | "date" | "money" | "radio" | "select" | "checkboxes" | "checkbox";

export type FieldDef = {
  name: string;
  kind: FieldKind;
  /** Fixed choices (labels at `filing.fields.<name>.options.<value>`); `court` takes its list from the database. */
  options?: readonly string[];
  optional?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "tel" | "email" | "text";
  /** Shown with a hint line (`filing.fields.<name>.hint`). */
  hint?: boolean;
  /** Personal numbers are masked on pages that do not need them in full. */
  sensitive?: boolean;
};

export type Answers = Partial<Record<StepId, Record<string, unknown>>>;

export type StepId =
  | "who"
  | "representative"
  | "person"
  | "organisation"
  | "judgment"
  | "debtor"
  | "obligations"
  | "assets"
  | "attachments"
  | "declaration";

export type StepDef = {
  id: StepId;
  slug: string;
  /** "form" steps are rendered from `fields`; the attachments step has its own upload page. */
  kind: "form" | "attachments";
  fields: FieldDef[];
  schema: z.ZodType<Record<string, unknown>>;
  next: (answers: Answers) => StepId | "check";
};

// ————— shared field schemas (messages are i18n keys) —————

const E = (key: string) => `filing.errors.${key}`;

function text(max = 200, required = true) {
  const base = z.string({ error: E("required") }).trim().max(max, E("tooLong"));
  return required ? base.min(1, E("required")) : base.optional();
}

const optionalText = (max = 2000) => z.string().trim().max(max, E("tooLong")).optional();

function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: E("choose") });
}

/** Today's date (yyyy-mm-dd) in Vietnam, whatever the server's or the browser's time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A real calendar date, not in the future (Vietnam time), not before 1945. */
const pastDate = () =>
  z
    .string({ error: E("required") })
    .trim()
    .min(1, E("required"))
    .refine(isRealDate, E("dateInvalid"))
    .refine((s) => !isRealDate(s) || s <= todayInVietnam(), E("dateFuture"))
    .refine((s) => !isRealDate(s) || s >= "1900-01-01", E("dateTooOld"));

const cccd = () =>
  z
    .string({ error: E("required") })
    .trim()
    .min(1, E("required"))
    .transform((s, ctx) => {
      const r = validateCccd(s);
      if (r.valid) return r.value;
      ctx.addIssue({ code: "custom", message: E(`cccd.${r.reason}`) });
      return z.NEVER;
    });

const taxCode = () =>
  z
    .string({ error: E("required") })
    .trim()
    .min(1, E("required"))
    .transform((s, ctx) => {
      const r = validateTaxCode(s);
      if (r.valid) return r.value;
      ctx.addIssue({ code: "custom", message: E(`taxCode.${r.reason}`) });
      return z.NEVER;
    });

function mobile(required = true) {
  const base = z
    .string({ error: E("required") })
    .trim()
    .min(1, E("required"))
    .transform((s, ctx) => {
      const r = validateVnMobile(s);
      if (r.valid) return r.value;
      ctx.addIssue({ code: "custom", message: E(`phone.${r.reason}`) });
      return z.NEVER;
    });
  return required ? base : base.optional();
}

const email = (required: boolean) => {
  const base = z.string({ error: E("required") }).trim().max(254, E("email")).pipe(z.email(E("email")));
  return required ? base : base.optional();
};

/**
 * Money in đồng as typed: "150000000", "150.000.000", "150,000,000" or "150 000 000", from 1.000 to
 * 10^15 đồng (server/validation/amount.ts: decimals, misplaced separators and signs are refused).
 */
const MONEY_MESSAGES = {
  required: E("amountRequired"),
  format: E("moneyFormat"),
  fraction: E("moneyFraction"),
  grouping: E("moneyGrouping"),
  tooSmall: E("moneyMin"),
  tooLarge: E("moneyMax"),
};
const money = () => amountField(MONEY_MESSAGES, { min: 1000, max: AMOUNT_MAX_CLAIM }).optional();

// ————— the steps —————

const WHO = z.object({
  role: choice(["creditor", "related"]),
  party: choice(["person", "organisation"]),
  actingAs: choice(["self", "representative"]),
});

const REPRESENTATIVE = z.object({
  repName: text(200),
  repCccd: cccd(),
  repPhone: mobile(),
  repBasis: choice(["legal", "authorised"]),
  repDocument: text(300),
});

const PERSON = z.object({
  fullName: text(200),
  birthDate: pastDate(),
  cccd: cccd(),
  address: text(500),
  phone: mobile(),
  email: email(false),
});

const ORGANISATION = z.object({
  orgName: text(300),
  taxCode: taxCode(),
  address: text(500),
  legalRep: text(200),
  phone: mobile(),
  email: email(false),
});

const JUDGMENT = z
  .object({
    court: z.string({ error: E("chooseCourt") }).trim().min(1, E("chooseCourt")).max(32, E("chooseCourt")).regex(/^[A-Z0-9_.-]+$/, E("chooseCourt")),
    judgmentNumber: text(60),
    judgmentDate: pastDate(),
    effectiveDate: pastDate(),
  })
  .superRefine((v, ctx) => {
    if (v.effectiveDate < v.judgmentDate) {
      ctx.addIssue({ code: "custom", path: ["effectiveDate"], message: E("effectiveBeforeJudgment") });
    }
  });

const DEBTOR = z
  .object({
    debtorKind: choice(["person", "organisation"]),
    debtorName: text(300),
    debtorId: z.string().trim().max(20, E("tooLong")).optional(),
    debtorAddress: text(500),
    debtorPhone: mobile(false),
  })
  .transform((v, ctx) => {
    if (!v.debtorId) return v;
    const r = v.debtorKind === "person" ? validateCccd(v.debtorId) : validateTaxCode(v.debtorId);
    if (r.valid) return { ...v, debtorId: r.value };
    ctx.addIssue({ code: "custom", path: ["debtorId"], message: E(`${v.debtorKind === "person" ? "cccd" : "taxCode"}.${r.reason}`) });
    return z.NEVER;
  });

const OBLIGATION_KINDS = ["money", "assets", "act"] as const;
const OBLIGATIONS = z
  .object({
    obligations: z.array(z.enum(OBLIGATION_KINDS, { error: E("chooseObligation") }), { error: E("chooseObligation") }).min(1, E("chooseObligation")).max(3),
    amount: money(),
    assetsToHand: optionalText(2000),
    act: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    const has = (k: (typeof OBLIGATION_KINDS)[number]) => v.obligations.includes(k);
    if (has("money") && v.amount === undefined) ctx.addIssue({ code: "custom", path: ["amount"], message: E("amountRequired") });
    if (has("assets") && !v.assetsToHand) ctx.addIssue({ code: "custom", path: ["assetsToHand"], message: E("assetsRequired") });
    if (has("act") && !v.act) ctx.addIssue({ code: "custom", path: ["act"], message: E("actRequired") });
  })
  .transform((v) => ({
    obligations: OBLIGATION_KINDS.filter((k) => v.obligations.includes(k)),
    amount: v.obligations.includes("money") ? v.amount : undefined,
    assetsToHand: v.obligations.includes("assets") ? v.assetsToHand : undefined,
    act: v.obligations.includes("act") ? v.act : undefined,
  }));

const ASSETS = z.object({
  debtorAssets: optionalText(2000),
  debtorIncome: optionalText(2000),
  debtorBank: optionalText(500),
});

const DECLARATION = z.object({
  declaration: z.boolean({ error: E("declarationRequired") }).refine((v) => v === true, E("declarationRequired")),
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
      { name: "role", kind: "radio", options: ["creditor", "related"], hint: true },
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
      { name: "phone", kind: "tel", autoComplete: "tel", hint: true },
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
    next: () => "debtor",
  },
  {
    id: "debtor",
    slug: "nguoi-phai-thi-hanh-an",
    kind: "form",
    fields: [
      { name: "debtorKind", kind: "radio", options: ["person", "organisation"] },
      { name: "debtorName", kind: "text" },
      { name: "debtorId", kind: "text", optional: true, hint: true, sensitive: true },
      { name: "debtorAddress", kind: "textarea", hint: true },
      { name: "debtorPhone", kind: "tel", optional: true },
    ],
    schema: DEBTOR,
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
    next: () => "assets",
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

export const FIRST_STEP = STEPS[0]!;

export function stepById(id: StepId): StepDef {
  return STEPS.find((s) => s.id === id)!;
}

export function stepBySlug(slug: string | undefined): StepDef | undefined {
  return STEPS.find((s) => s.slug === slug);
}

export function stepPath(id: StepId | "check"): string {
  return id === "check" ? `${SERVICE_PATH}/${CHECK_SLUG}` : `${SERVICE_PATH}/${stepById(id).slug}`;
}

/** The steps this applicant goes through, in order, following each step's `next` from the first. */
export function pathFor(answers: Answers): StepDef[] {
  const path: StepDef[] = [];
  let step: StepDef | undefined = FIRST_STEP;
  while (step && path.length < STEPS.length) {
    path.push(step);
    const next = step.next(answers);
    step = next === "check" ? undefined : stepById(next);
  }
  return path;
}

/**
 * Where the applicant stands: the first step on their path that is not completed (or whose stored
 * answers no longer pass its schema, e.g. a date that was fine yesterday), or "check" when all are.
 */
export function firstIncomplete(answers: Answers, completed: readonly string[]): StepDef | "check" {
  for (const step of pathFor(answers)) {
    if (!completed.includes(step.id)) return step;
    if (step.kind === "form" && !step.schema.safeParse(formValues(answers[step.id] ?? {})).success) return step;
  }
  return "check";
}

/** Whether a step may be shown: it is on the path and every step before it is complete. */
export function canVisit(step: StepDef, answers: Answers, completed: readonly string[]): boolean {
  const path = pathFor(answers);
  const index = path.findIndex((s) => s.id === step.id);
  if (index < 0) return false;
  return path.slice(0, index).every((s) => completed.includes(s.id));
}

/** The step before this one on the applicant's path (for the back link). */
export function previousStep(step: StepDef, answers: Answers): StepDef | null {
  const path = pathFor(answers);
  const index = path.findIndex((s) => s.id === step.id);
  return index > 0 ? path[index - 1]! : null;
}

/**
 * Stored answers turned back into what the form posts (strings, "on" for a ticked box), so a stored
 * step can be re-validated with the same schema and re-rendered as default values.
 */
export function formValues(stored: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(stored)
      .filter(([, v]) => v !== undefined && v !== null && v !== false)
      .map(([k, v]) => [k, typeof v === "number" ? String(v) : v === true ? true : v]),
  );
}

/** The judgment's 5-year limit: the last day a request is on time (yyyy-mm-dd), or null without a date. */
export function timeLimitEnds(effectiveDate: unknown): string | null {
  if (typeof effectiveDate !== "string" || !isRealDate(effectiveDate)) return null;
  const [y, m, d] = effectiveDate.split("-").map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + TIME_LIMIT_YEARS, m - 1, d));
  return end.toISOString().slice(0, 10);
}

/** True when today (in Vietnam) is after the 5-year limit: the request may still be sent, with reasons. */
export function isPastTimeLimit(answers: Answers, now: Date = new Date()): boolean {
  const end = timeLimitEnds(answers.judgment?.effectiveDate);
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
