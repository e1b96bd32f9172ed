import { z } from "zod";
import { defineCaseType, registerCaseType } from "../cases/browser";

/**
 * Confirmation of enforcement result (issue 14 item 6; Law art. 53, Decree 62 art. 37; ADR 077).
 *
 * received ─confirm→ confirmed ─close→ closed      received ─refuse→ refused ─close→ closed
 *
 * Clock `issue` (rule result-confirmation.issue: 5 working days, 3 from 01/07/2026) runs from receipt until the
 * office confirms or refuses. `confirm` records what has been enforced; its document is the signed
 * certificate (server/confirmation/certificate.server.ts), served on the party (`serve`).
 */
const E = "confirmation.case.errors";
const NOTE_MAX = 2000;
const note = (error: string, { optional = false } = {}) => {
  const base = z.string({ error }).trim().max(NOTE_MAX, `${E}.tooLong`);
  return optional ? base.optional().default("") : base.min(1, error);
};
/** Whole đồng, typed with or without thousands dots ("1.500.000"); 0 allowed (nothing collected yet). */
const amount = z
  .string({ error: `${E}.amount` })
  .trim()
  .transform((v) => v.replace(/[.\s]/g, ""))
  .pipe(z.string().regex(/^\d{1,15}$/, `${E}.amount`));

export const CONFIRMATION_CASE = registerCaseType(
  defineCaseType({
    id: "confirmation",
    content: "confirmation.case",
    initial: "received",
    startClocks: ["issue"],
    states: ["received", "confirmed", "refused", "closed"],
    final: ["closed"],
    viewers: ["clerk", "officer", "head"],
    clocks: { issue: { rule: "result-confirmation.issue" } },
    events: {
      confirm: {
        from: ["received"],
        to: "confirmed",
        roles: ["clerk", "officer", "head"],
        fields: [
          { name: "amountCollected", kind: "text", hint: true },
          { name: "amountPaidOut", kind: "text", hint: true },
          { name: "obligations", kind: "textarea", hint: true },
        ],
        schema: z.object({ amountCollected: amount, amountPaidOut: amount, obligations: note(`${E}.obligations`) }),
        clocks: { end: ["issue"] },
        public: true,
        publicFields: ["amountCollected", "amountPaidOut", "obligations"],
        document: "confirmation-certificate",
        serve: true,
      },
      refuse: {
        from: ["received"],
        to: "refused",
        roles: ["clerk", "officer", "head"],
        fields: [{ name: "reason", kind: "textarea" }],
        schema: z.object({ reason: note(`${E}.reason`) }),
        clocks: { end: ["issue"] },
        public: true,
        publicFields: ["reason"],
        document: "confirmation-refusal",
        serve: true,
      },
      close: {
        from: ["confirmed", "refused"],
        to: "closed",
        roles: ["clerk", "head"],
        fields: [],
        schema: z.object({}),
        public: false,
      },
    },
  }),
);
