import { z } from "zod";
import { defineCaseType, registerCaseType } from "../cases/browser";
import { text, fieldMessage } from "../validation/browser";

/**
 * The denunciation's case type (tố cáo, issue 14 item 4, docs/decisions/076-denunciations.md).
 *
 * received ─accept→ accepted ─extendComplex→ accepted ─resolve→ resolved ─close→ closed
 * received ─refuse→ refused (final)
 *
 * Clocks (rules in server/deadlines): `accept` (7 working days from receipt, denunciation.accept),
 * `resolve` (60 days from acceptance, art. 157, denunciation.resolve), switched by `extendComplex` to
 * `resolveComplex` (90 days, art. 157, denunciation.resolve-complex). The result is a document served on
 * the denouncer (`document` + `serve`). Only `denunciation-handler` and the head see the case; only the
 * handler sees who denounced (server/denunciations/identity.server.ts).
 * Words: `denunciations.case.*` (vocabulary/i18n/sections/denunciations.vi.ts).
 */
const E = "cases.errors";
const NOTE_MAX = 4000;
const label = (event: string, field: string) => ["denunciations.case.events", event, "fields", field, "label"].join(".");
const note = (event: string, field: string) =>
  text({ label: label(event, field), multiline: true, error: fieldMessage(`${E}.required`, { field: label(event, field) }) })
    .trim()
    .min(1, fieldMessage(`${E}.required`, { field: label(event, field) }))
    .max(NOTE_MAX, `${E}.noteTooLong`);

export const DENUNCIATION_ROLES = ["denunciation-handler"] as const;

export const DENUNCIATION_CASE = registerCaseType(
  defineCaseType({
    id: "denunciation",
    content: "denunciations.case",
    initial: "received",
    startClocks: ["accept"],
    states: ["received", "accepted", "refused", "resolved", "closed"],
    final: ["refused", "closed"],
    viewers: ["denunciation-handler", "head"],
    clocks: {
      accept: { rule: "denunciation.accept" },
      resolve: { rule: "denunciation.resolve" },
      resolveComplex: { rule: "denunciation.resolve-complex", countsFrom: { clock: "resolve", from: "start" } },
    },
    events: {
      accept: {
        from: ["received"],
        to: "accepted",
        roles: ["denunciation-handler", "head"],
        fields: [{ name: "note", kind: "textarea" }],
        schema: z.object({ note: note("accept", "note") }),
        clocks: { end: ["accept"], start: ["resolve"] },
        public: true,
        publicFields: [],
        document: "acceptance-decision",
      },
      refuse: {
        from: ["received"],
        to: "refused",
        roles: ["denunciation-handler", "head"],
        fields: [{ name: "reason", kind: "textarea" }],
        schema: z.object({ reason: note("refuse", "reason") }),
        clocks: { end: ["accept"] },
        public: true,
        publicFields: ["reason"],
        document: "refusal-notice",
        serve: true,
      },
      extendComplex: {
        from: ["accepted"],
        to: "accepted",
        roles: ["denunciation-handler", "head"],
        fields: [{ name: "reason", kind: "textarea" }],
        schema: z.object({ reason: note("extendComplex", "reason") }),
        clocks: { end: ["resolve"], start: ["resolveComplex"] },
        public: true,
        publicFields: ["reason"],
      },
      resolve: {
        from: ["accepted"],
        to: "resolved",
        roles: ["denunciation-handler", "head"],
        fields: [{ name: "conclusion", kind: "textarea" }],
        schema: z.object({ conclusion: note("resolve", "conclusion") }),
        clocks: { end: ["resolve", "resolveComplex"] },
        public: true,
        publicFields: ["conclusion"],
        document: "closing-decision",
        serve: true,
      },
      close: {
        from: ["resolved"],
        to: "closed",
        roles: ["denunciation-handler", "head"],
        fields: [],
        schema: z.object({}),
        public: true,
        publicFields: [],
      },
    },
  }),
);
