import { z } from "zod";
import { defineJourney, type Answers as EngineAnswers } from "../journeys/browser";
import { text } from "../validation/browser";
import { relatedCaseStep } from "../submissions/browser";
import { COMPLAINED_OF, COMPLAINT_KINDS } from "./kinds";

/**
 * The complaint journey as data (issue 14 item 3, docs/decisions/075): the enforcement case the decision or
 * act is in, what is complained of (whose, which kind, its number and date, when the citizen learned of it,
 * first or second complaint), what they ask for, who they are, the evidence. Words: `complaints.steps.*`,
 * `complaints.fields.*`; messages `complaints.errors.<field>.<what>`. Pure: the browser validates with it.
 */
export const COMPLAINT_PATH = "/dich-vu/khieu-nai";
export type ComplaintStep = "case" | "decision" | "request" | "complainant" | "evidence";
export type ComplaintAnswers = EngineAnswers<ComplaintStep>;

const E = (name: string, what: string) => `complaints.errors.${name}.${what}`;
const L = (name: string) => `complaints.fields.${name}.label`;
const line = (name: string, max: number) => text({ label: L(name), error: E(name, "required") }).trim().min(1, E(name, "required")).max(max, E(name, "tooLong"));
const para = (name: string, max: number) => text({ label: L(name), multiline: true, error: E(name, "required") }).trim().min(1, E(name, "required")).max(max, E(name, "tooLong"));
const optionalPara = (name: string, max: number) => text({ label: L(name), multiline: true }).trim().max(max, E(name, "tooLong")).optional();
const day = (name: string) =>
  z
    .string({ error: E(name, "required") })
    .trim()
    .min(1, E(name, "required"))
    .regex(/^\d{4}-\d{2}-\d{2}$/, E(name, "format"))
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), E(name, "format"));

export const COMPLAINT_JOURNEY = defineJourney<ComplaintStep>({
  id: "complaint",
  path: COMPLAINT_PATH,
  content: "complaints",
  draftCookie: "thads_complaint",
  checkSlug: "kiem-tra",
  saveSlug: "luu",
  resumeSlug: "tiep-tuc",
  attachments: { documentTypes: ["decision", "evidence", "other"], maxFiles: 10, maxFileBytes: 20 * 1024 * 1024 },
  steps: [
    relatedCaseStep<ComplaintStep>({ id: "case", slug: "ho-so", next: () => "decision" }),
    {
      id: "decision",
      slug: "quyet-dinh",
      kind: "form",
      fields: [
        { name: "round", kind: "radio", options: ["first", "second"] },
        { name: "firstReference", kind: "text", optional: true, hint: true },
        { name: "complainedOf", kind: "radio", options: COMPLAINED_OF },
        { name: "kind", kind: "radio", options: COMPLAINT_KINDS },
        { name: "decisionNumber", kind: "text", optional: true },
        { name: "decisionDate", kind: "date" },
        { name: "learnedOn", kind: "date", hint: true },
        { name: "lateReason", kind: "textarea", optional: true, hint: true },
      ],
      schema: z
        .object({
          round: z.enum(["first", "second"], { error: E("round", "required") }),
          firstReference: z.string().trim().max(40, E("firstReference", "tooLong")).optional(),
          complainedOf: z.enum(COMPLAINED_OF, { error: E("complainedOf", "required") }),
          kind: z.enum(COMPLAINT_KINDS, { error: E("kind", "required") }),
          decisionNumber: z.string().trim().max(50, E("decisionNumber", "tooLong")).optional(),
          decisionDate: day("decisionDate"),
          learnedOn: day("learnedOn"),
          lateReason: optionalPara("lateReason", 2000),
        })
        .superRefine((v, ctx) => {
          if (v.round === "second" && !v.firstReference) ctx.addIssue({ code: "custom", path: ["firstReference"], message: E("firstReference", "required") });
          if (v.learnedOn < v.decisionDate) ctx.addIssue({ code: "custom", path: ["learnedOn"], message: E("learnedOn", "beforeDecision") });
          const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
          if (v.learnedOn > today) ctx.addIssue({ code: "custom", path: ["learnedOn"], message: E("learnedOn", "future") });
          if (v.decisionDate > today) ctx.addIssue({ code: "custom", path: ["decisionDate"], message: E("decisionDate", "future") });
        }),
      next: () => "request",
    },
    {
      id: "request",
      slug: "yeu-cau",
      kind: "form",
      fields: [
        { name: "content", kind: "textarea" },
        { name: "demand", kind: "textarea" },
      ],
      schema: z.object({ content: para("content", 5000), demand: para("demand", 2000) }),
      next: () => "complainant",
    },
    {
      id: "complainant",
      slug: "nguoi-khieu-nai",
      kind: "form",
      fields: [
        { name: "fullName", kind: "text", autoComplete: "name" },
        { name: "address", kind: "text", autoComplete: "street-address" },
        { name: "email", kind: "email", optional: true, autoComplete: "email" },
        { name: "phone", kind: "tel", optional: true, autoComplete: "tel" },
      ],
      schema: z.object({
        fullName: line("fullName", 200),
        address: line("address", 500),
        email: z.email(E("email", "invalid")).max(254, E("email", "invalid")).optional(),
        phone: z.string().trim().regex(/^\+?[0-9 .-]{8,15}$/, E("phone", "invalid")).optional(),
      }),
      next: () => "evidence",
    },
    { id: "evidence", slug: "chung-cu", kind: "attachments", fields: [], schema: z.object({}), next: () => "check" },
  ],
});
