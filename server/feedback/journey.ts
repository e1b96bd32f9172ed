import { z } from "zod";
import { defineJourney, type Answers as JourneyAnswers } from "../journeys/browser";
import { text as safeText } from "../validation/browser";

/**
 * Feedback and petitions (phản ánh, kiến nghị), issue 14 item 5: the lightest procedure. The citizen says
 * what and to which office, may stay anonymous (then no identity is asked for, and none is stored:
 * `fileSubmission({ anonymous: true })`, ADR 073), and chooses whether the answer may be published.
 */
export type StepId = "area" | "about" | "sender" | "contact" | "answer";
export type Answers = JourneyAnswers<StepId>;

export const FEEDBACK_KINDS = ["feedback", "petition"] as const;
export const SERVICE_PATH = "/dich-vu/phan-anh-kien-nghi";

/** Free text with no control characters (line breaks only where `multiline`), required, at most `max`. */
const required = (name: string, max: number, multiline = false) =>
  safeText({ label: `feedback.fields.${name}.label`, multiline, error: `feedback.errors.${name}` }).trim().min(1, `feedback.errors.${name}`).max(max, `feedback.errors.${name}Long`);

export const FEEDBACK = defineJourney<StepId>({
  id: "feedback",
  path: SERVICE_PATH,
  content: "feedback",
  draftCookie: "thads_feedback",
  checkSlug: "kiem-tra",
  saveSlug: "luu",
  resumeSlug: "tiep-tuc",
  steps: [
    {
      id: "area",
      slug: "tinh-thanh",
      kind: "form",
      fields: [{ name: "province", kind: "select", hint: true }],
      schema: z.object({ province: z.string({ error: "feedback.errors.province" }).trim().regex(/^[A-Z0-9-]{2,40}$/, "feedback.errors.province") }),
      next: () => "about",
    },
    {
      id: "about",
      slug: "noi-dung",
      kind: "form",
      fields: [
        { name: "kind", kind: "radio", options: FEEDBACK_KINDS },
        { name: "agency", kind: "select" },
        { name: "subject", kind: "text" },
        { name: "content", kind: "textarea", hint: true },
        { name: "caseReference", kind: "text", optional: true, hint: true },
      ],
      schema: z.object({
        kind: z.enum(FEEDBACK_KINDS, { error: "feedback.errors.kind" }),
        agency: z.string({ error: "feedback.errors.agency" }).trim().regex(/^[A-Z0-9-]{2,40}$/, "feedback.errors.agency"),
        subject: required("subject", 200),
        content: required("content", 5000, true),
        caseReference: safeText({ label: "feedback.fields.caseReference.label" }).trim().max(40, "feedback.errors.caseReferenceLong").optional(),
      }),
      next: () => "sender",
    },
    {
      id: "sender",
      slug: "nguoi-gui",
      kind: "form",
      fields: [{ name: "anonymous", kind: "radio", options: ["no", "yes"], hint: true }],
      schema: z.object({ anonymous: z.enum(["no", "yes"], { error: "feedback.errors.anonymous" }) }),
      next: (a) => (a.sender?.anonymous === "yes" ? "answer" : "contact"),
    },
    {
      id: "contact",
      slug: "lien-he",
      kind: "form",
      fields: [
        { name: "fullName", kind: "text", autoComplete: "name" },
        { name: "email", kind: "email", autoComplete: "email", inputMode: "email", hint: true },
        { name: "phone", kind: "tel", autoComplete: "tel", inputMode: "tel", optional: true },
      ],
      schema: z.object({
        fullName: required("fullName", 200),
        email: z.string({ error: "feedback.errors.email" }).trim().max(320, "feedback.errors.email").pipe(z.email({ error: "feedback.errors.email" })),
        phone: z
          .string()
          .trim()
          .regex(/^(\+84|0)[35789]\d{8}$/, "feedback.errors.phone")
          .optional(),
      }),
      next: () => "answer",
    },
    {
      id: "answer",
      slug: "cong-khai",
      kind: "form",
      fields: [{ name: "visibility", kind: "radio", options: ["public", "private"], hint: true }],
      schema: z.object({ visibility: z.enum(["public", "private"], { error: "feedback.errors.visibility" }) }),
      next: () => "check",
    },
  ],
});

export const isAnonymous = (a: Answers) => a.sender?.anonymous === "yes";
