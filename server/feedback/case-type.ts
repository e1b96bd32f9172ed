import { z } from "zod";
import { defineCaseType, registerCaseType } from "../cases/browser";
import { text, fieldMessage } from "../validation/browser";

/**
 * Feedback and petitions (phản ánh, kiến nghị, issue 14 item 5, docs/decisions/076).
 *
 * received ─answer→ answered ─close→ closed
 *
 * The citizen chose when filing whether the answer is public (listed on /phan-anh-kien-nghi/tra-loi without
 * any identity) or private (read with the reference and code only): it is in the answers, not an event field.
 * Words: `feedback.case.*`.
 */
export const FEEDBACK_KINDS = ["feedback", "petition"] as const;
export const ANSWER_VISIBILITY = ["public", "private"] as const;
const E = "cases.errors";
const label = "feedback.case.events.answer.fields.answer.label";
const required = fieldMessage(`${E}.required`, { field: label });

export const FEEDBACK_CASE = registerCaseType(
  defineCaseType({
    id: "feedback",
    content: "feedback.case",
    initial: "received",
    states: ["received", "answered", "closed"],
    final: ["closed"],
    viewers: ["clerk", "head"],
    clocks: {},
    events: {
      answer: {
        from: ["received"],
        to: "answered",
        roles: ["clerk", "head"],
        fields: [{ name: "answer", kind: "textarea" }],
        schema: z.object({ answer: text({ label, multiline: true, error: required }).trim().min(1, required).max(4000, `${E}.noteTooLong`) }),
        public: true,
        publicFields: ["answer"],
      },
      close: { from: ["answered"], to: "closed", roles: ["clerk", "head"], fields: [], schema: z.object({}), public: true, publicFields: [] },
    },
  }),
);
