import { z } from "zod";
import { relatedCaseStep } from "../submissions/browser";
import { defineJourney } from "../journeys/browser";

/**
 * The citizen's request to confirm the result of enforcement (Law art. 53, Decree 62 art. 37; ADR 077): the
 * enforcement case (own case by reference when signed in, else the lookup pair), who asks (a party, or a
 * relative of a party who died, with evidence), what to confirm and how to receive it. Words: `confirmation.*`.
 */
export type ConfirmationStep = "case" | "applicant" | "evidence" | "request";
const E = "confirmation.errors";
export const CONFIRM_WHAT = ["amounts-collected", "amounts-paid", "obligations", "whole-case"] as const;
export const DELIVERY = ["electronic", "post", "in-person"] as const;
export const RELATIONS = ["party", "relative"] as const;

const many = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values, { error })).min(1, error).max(values.length));

export const CONFIRMATION_JOURNEY = defineJourney<ConfirmationStep>({
  id: "confirmation",
  path: "/dich-vu/xac-nhan-ket-qua",
  content: "confirmation",
  draftCookie: "thads_confirmation",
  checkSlug: "kiem-tra",
  saveSlug: "luu",
  resumeSlug: "tiep-tuc",
  attachments: { documentTypes: ["death-certificate", "relationship", "other"], maxFiles: 5, maxFileBytes: 10 * 1024 * 1024, required: { documentType: "relationship", problem: "relationshipMissing" } },
  steps: [
    relatedCaseStep<ConfirmationStep>({ id: "case", slug: "ho-so", next: () => "applicant" }),
    {
      id: "applicant",
      slug: "nguoi-yeu-cau",
      kind: "form",
      fields: [
        { name: "relation", kind: "radio", options: RELATIONS },
        { name: "name", kind: "text", autoComplete: "name" },
        { name: "email", kind: "email", autoComplete: "email", optional: true, hint: true },
      ],
      schema: z.object({
        relation: z.enum(RELATIONS, { error: `${E}.relation` }),
        name: z.string({ error: `${E}.name` }).trim().min(1, `${E}.name`).max(200, `${E}.name`),
        email: z.union([z.literal(""), z.email(`${E}.email`)]).optional().default(""),
      }),
      // A relative of a party who died shows the death and the relationship.
      next: (a) => (a.applicant?.relation === "relative" ? "evidence" : "request"),
    },
    { id: "evidence", slug: "giay-to", kind: "attachments", fields: [], schema: z.object({}), next: () => "request" },
    {
      id: "request",
      slug: "noi-dung",
      kind: "form",
      fields: [
        { name: "confirmWhat", kind: "checkboxes", options: CONFIRM_WHAT },
        { name: "delivery", kind: "radio", options: DELIVERY },
      ],
      schema: z.object({ confirmWhat: many(CONFIRM_WHAT, `${E}.confirmWhat`), delivery: z.enum(DELIVERY, { error: `${E}.delivery` }) }),
      next: () => "check",
    },
  ],
});
