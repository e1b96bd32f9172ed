import { z } from "zod";
import { defineCaseType, registerCaseType } from "../cases/browser";

/**
 * Change of enforcement officer (issue 14 item 7; Decree 62 art. 10; ADR 077).
 *
 * received ─grant→ granted (final)      received ─refuse→ refused (final)
 *
 * Only the head of the office the request is routed to decides (the case's office, or the level above when
 * the officer is the head), within rule officer-change.decide (5 working days, 3 from 01/07/2026). A grant
 * names the new officer; `decideOfficerChange` (decide.server.ts) fires it together with the related
 * enforcement case's `reassignOfficer`, so both timelines show the decision.
 */
const E = "officerChange.case.errors";
const note = (error: string) => z.string({ error }).trim().min(1, error).max(2000, `${E}.tooLong`);

export const OFFICER_CHANGE_CASE = registerCaseType(
  defineCaseType({
    id: "officer-change",
    content: "officerChange.case",
    initial: "received",
    startClocks: ["decide"],
    states: ["received", "granted", "refused"],
    final: ["granted", "refused"],
    viewers: ["clerk", "head"],
    clocks: { decide: { rule: "officer-change.decide" } },
    events: {
      grant: {
        from: ["received"],
        to: "granted",
        roles: ["head"],
        fields: [
          { name: "newOfficerId", kind: "staff" },
          { name: "reason", kind: "textarea" },
        ],
        schema: z.object({ newOfficerId: z.string({ error: `${E}.officer` }).trim().uuid(`${E}.officer`), reason: note(`${E}.reason`) }),
        public: true,
        publicFields: ["newOfficerName", "reason"],
        document: "officer-change-decision",
        serve: true,
      },
      refuse: {
        from: ["received"],
        to: "refused",
        roles: ["head"],
        fields: [{ name: "reason", kind: "textarea" }],
        schema: z.object({ reason: note(`${E}.reason`) }),
        public: true,
        publicFields: ["reason"],
        document: "officer-change-refusal",
        serve: true,
      },
    },
  }),
);
