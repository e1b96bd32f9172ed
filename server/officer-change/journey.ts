import { z } from "zod";
import { relatedCaseStep } from "../submissions/browser";
import { defineJourney } from "../journeys/browser";
import { OFFICER_CHANGE_GROUNDS } from "./grounds";

/**
 * The request to change the enforcement officer (Decree 62 art. 10; ADR 077): the case, who asks, the grounds
 * from the law's list (data, ./grounds.ts; the submit keeps only those in force that day), details, evidence.
 */
export type OfficerChangeStep = "case" | "applicant" | "grounds" | "evidence";
const E = "officerChange.errors";
const GROUND_IDS = OFFICER_CHANGE_GROUNDS.map((g) => g.id) as [string, ...string[]];

export const OFFICER_CHANGE_JOURNEY = defineJourney<OfficerChangeStep>({
  id: "officer-change",
  path: "/dich-vu/thay-doi-chap-hanh-vien",
  content: "officerChange",
  draftCookie: "thads_officer_change",
  checkSlug: "kiem-tra",
  saveSlug: "luu",
  resumeSlug: "tiep-tuc",
  attachments: { documentTypes: ["evidence", "other"], maxFiles: 5, maxFileBytes: 10 * 1024 * 1024 },
  steps: [
    relatedCaseStep<OfficerChangeStep>({ id: "case", slug: "ho-so", next: () => "applicant" }),
    {
      id: "applicant",
      slug: "nguoi-yeu-cau",
      kind: "form",
      fields: [
        { name: "name", kind: "text", autoComplete: "name" },
        { name: "email", kind: "email", autoComplete: "email", optional: true, hint: true },
      ],
      schema: z.object({
        name: z.string({ error: `${E}.name` }).trim().min(1, `${E}.name`).max(200, `${E}.name`),
        email: z.union([z.literal(""), z.email(`${E}.email`)]).optional().default(""),
      }),
      next: () => "grounds",
    },
    {
      id: "grounds",
      slug: "can-cu",
      kind: "form",
      fields: [
        { name: "grounds", kind: "checkboxes", options: GROUND_IDS },
        { name: "details", kind: "textarea", hint: true },
      ],
      schema: z.object({
        grounds: z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(GROUND_IDS, { error: `${E}.grounds` })).min(1, `${E}.grounds`).max(GROUND_IDS.length)),
        details: z.string({ error: `${E}.details` }).trim().min(1, `${E}.details`).max(4000, `${E}.tooLong`),
      }),
      next: () => "evidence",
    },
    { id: "evidence", slug: "chung-cu", kind: "attachments", fields: [], schema: z.object({}), next: () => "check" },
  ],
});
