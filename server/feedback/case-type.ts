import { z } from "zod";
import { defineCaseType, registerCaseType } from "../cases/browser";
import { text, fieldMessage } from "../validation/browser";

const label = (field: string) => `cases.feedback.events.answer.fields.${field}.label`;
const answerText = text({ label: label("answer"), multiline: true, error: fieldMessage("cases.errors.required", { field: label("answer") }) })
  .trim()
  .min(1, fieldMessage("cases.errors.required", { field: label("answer") }))
  .max(5000, "cases.feedback.errors.answerTooLong");

/**
 * Feedback and petitions (phản ánh, kiến nghị), issue 14 item 5. The office answers once; the answer is on
 * the public timeline (so the filer reads it by lookup or in My cases, and is e-mailed when they gave an
 * address) and, when the filer chose "public", on the public list of answers. No statutory clock: the
 * enforcement law sets no period for answering feedback (legal-rules.md lists none), so none is invented.
 */
export const FEEDBACK_CASE = registerCaseType(
  defineCaseType({
    id: "feedback",
    content: "cases.feedback",
    initial: "received",
    states: ["received", "answered"],
    final: ["answered"],
    viewers: ["clerk", "head"],
    clocks: {},
    events: {
      answer: {
        from: ["received"],
        to: "answered",
        roles: ["clerk", "head"],
        fields: [{ name: "answer", kind: "textarea" }],
        schema: z.object({ answer: answerText }),
        public: true,
        publicFields: ["answer"],
        // The answer is a document of the case, served on a party who agreed to electronic service (issue 14 item 8).
        document: "feedback-answer",
        serve: true,
      },
    },
  }),
);
