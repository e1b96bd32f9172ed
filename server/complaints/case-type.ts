import { z } from "zod";
import { defineCaseType, registerCaseType } from "../cases/browser";
import { RESOLUTION_KEYS, RESOLUTION_RULES } from "./kinds";

/**
 * The complaint's case type (issue 14 item 3, docs/decisions/075), run by the one engine:
 *
 * received ─accept→ accepted ─extend→ accepted ─resolve→ resolved ─close→ closed
 * received ─refuse→ refused (final: not accepted, with its ground)
 *
 * Clocks (rules in server/deadlines): `accept` (art. 148: 5 working days from receipt), `resolve` (art. 146:
 * from acceptance, the rule chosen by the accept event's field `kind` through `ruleByField`), `extension`
 * (art. 146: up to 30 days more for a complex or remote case, from the extension). Words: `complaints.case.*`.
 */
const E = "complaints.errors";
const NOTE_MAX = 2000;
export const COMPLAINT_REFUSAL_GROUNDS = ["out-of-time", "not-competent", "no-standing", "already-resolved", "withdrawn"] as const;

const note = (error: string) => z.string({ error }).trim().min(1, error).max(NOTE_MAX, `${E}.noteTooLong`);
const optionalNote = z.string().trim().max(NOTE_MAX, `${E}.noteTooLong`).optional().default("");

export const COMPLAINT_CASE = registerCaseType(
  defineCaseType({
    id: "complaint",
    content: "complaints.case",
    initial: "received",
    startClocks: ["accept"],
    states: ["received", "accepted", "refused", "resolved", "closed"],
    final: ["refused", "closed"],
    viewers: ["clerk", "officer", "head"],
    clocks: {
      accept: { rule: "complaint.accept" },
      resolve: { rule: "complaint.resolve-first.before-measures", ruleByField: { field: "kind", rules: RESOLUTION_RULES } },
      extension: { rule: "complaint.resolve-extension", countsFrom: { clock: "resolve", from: "due" } },
    },
    events: {
      accept: {
        from: ["received"],
        to: "accepted",
        roles: ["clerk", "head"],
        fields: [
          { name: "kind", kind: "select", options: RESOLUTION_KEYS },
          { name: "note", kind: "textarea", optional: true },
        ],
        schema: z.object({ kind: z.enum(RESOLUTION_KEYS, { error: `${E}.kind` }), note: optionalNote }),
        clocks: { end: ["accept"], start: ["resolve"] },
        public: true,
        publicFields: ["kind"],
        effects: ["allocateCaseNumber"],
      },
      refuse: {
        from: ["received"],
        to: "refused",
        roles: ["clerk", "head"],
        fields: [
          { name: "ground", kind: "radio", options: COMPLAINT_REFUSAL_GROUNDS },
          { name: "reason", kind: "textarea" },
        ],
        schema: z.object({ ground: z.enum(COMPLAINT_REFUSAL_GROUNDS, { error: `${E}.ground` }), reason: note(`${E}.reason`) }),
        public: true,
        publicFields: ["ground", "reason"],
        document: "complaint-refusal",
        serve: true,
      },
      extend: {
        from: ["accepted"],
        to: "accepted",
        roles: ["head"],
        fields: [{ name: "reason", kind: "textarea" }],
        schema: z.object({ reason: note(`${E}.reason`) }),
        clocks: { end: ["resolve"], start: ["extension"] },
        public: true,
        publicFields: ["reason"],
      },
      resolve: {
        from: ["accepted"],
        to: "resolved",
        roles: ["head"],
        fields: [
          { name: "decisionNumber", kind: "text" },
          { name: "outcome", kind: "radio", options: ["upheld", "partly-upheld", "rejected"] },
          { name: "summary", kind: "textarea" },
        ],
        schema: z.object({
          decisionNumber: z.string({ error: `${E}.resolutionNumber` }).trim().min(1, `${E}.resolutionNumber`).max(50, `${E}.resolutionNumber`),
          outcome: z.enum(["upheld", "partly-upheld", "rejected"], { error: `${E}.outcome` }),
          summary: note(`${E}.summary`),
        }),
        clocks: { end: ["resolve", "extension"] },
        public: true,
        publicFields: ["decisionNumber", "outcome", "summary"],
        document: "complaint-decision",
        serve: true,
      },
      close: {
        from: ["resolved"],
        to: "closed",
        roles: ["clerk", "head"],
        fields: [{ name: "note", kind: "textarea", optional: true }],
        schema: z.object({ note: optionalNote }),
        public: true,
        notify: false,
      },
    },
  }),
);
