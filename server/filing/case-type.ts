import { z } from "zod";
import { defineCaseType, registerCaseType, type EventCheckContext } from "../cases/browser";
import { text, amountField, amountMessages, fieldMessage, AMOUNT_MAX_CLAIM } from "../validation/browser";
import { DOCUMENT_TYPES } from "./journey";

/**
 * The enforcement request's case type (issue 12, docs/decisions/058-case-types-as-data.md): what happens to
 * a filed request at the office, as data run by the one engine (server/cases/engine.server.ts).
 *
 * received ─askForMore→ awaitingCitizen ─citizenAnswered→ received
 * received ─accept→ accepted ─assignOfficer→ officerAssigned ─(officer events)→ officerAssigned ─close→ closed
 * received ─refuse→ refused (final)      received ─forward→ received (at the competent office)
 *
 * Clocks (rules in server/deadlines): `decide` (art. 36(1): 5 working days from receipt; stopped while the
 * citizen is asked for more, resumed when they answer), `corrections` (2026 decree: ask for corrections
 * within 1 working day of receipt), `notify` (art. 39: notify the decision within 3 working days).
 * Words: `cases.enforcementRequest.*` (vocabulary/i18n/sections/cases.vi.ts).
 *
 * Every public event is on the applicant's timeline with its `publicFields` only (never internal notes:
 * assetsVerified shows none) and e-mails them (ADR 068); askForMore's e-mail is server/answers' own, with the link.
 */

const E = "cases.errors";
const NOTE_MAX = 2000;
export const DECISION_NUMBER_MAX = 50;
export const REFUSAL_GROUNDS = ["no-right-or-unrelated", "not-competent", "time-limit-passed"] as const;
export const NOTIFY_METHODS = ["direct", "post", "electronic"] as const;

const label = (event: string, field: string) => ["cases.enforcementRequest.events", event, "fields", field, "label"].join(".");
/** "Enter <the field's label>." */
const required = (event: string, field: string) => fieldMessage(`${E}.required`, { field: label(event, field) });

/** A multi-line note: required unless `optional`, at most 2000 characters. */
const note = (event: string, field: string, { optional = false } = {}) => {
  const base = text({ label: label(event, field), multiline: true, error: required(event, field) })
    .trim()
    .max(NOTE_MAX, `${E}.noteTooLong`);
  return optional ? base.optional().default("") : base.min(1, required(event, field));
};

/** A calendar day as an HTML date input sends it. */
const day = z.string({ error: `${E}.dateRequired` }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, `${E}.dateFormat`).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), `${E}.dateFormat`);
const uuid = (error: string) => z.string({ error }).trim().uuid(error);
/** Checkboxes: nothing, one value or several. */
const many = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values, { error })).max(values.length));
/** Whole đồng, typed ("1.500.000") or sent as a number. */
const amount = z.preprocess((v) => (typeof v === "number" ? String(v) : v), amountField(amountMessages(`${E}.amount`), { min: 1, max: AMOUNT_MAX_CLAIM }));

/** The local (Asia/Ho_Chi_Minh) calendar day of a moment, "YYYY-MM-DD". */
export function localDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** A date field that must lie between the case's receipt and today (local days). */
const notBeforeReceiptNorFuture =
  (field: string) =>
  (fields: Record<string, unknown>, { receivedAt, at }: EventCheckContext) => {
    const v = fields[field];
    if (typeof v !== "string") return null;
    if (v > localDay(at)) return { [field]: [`${E}.dateInFuture`] };
    if (v < localDay(receivedAt)) return { [field]: [`${E}.dateBeforeReceipt`] };
    return null;
  };

const officerEvent = {
  from: ["officerAssigned"],
  to: "officerAssigned",
  roles: ["officer", "head"],
  officerOnly: true,
  public: true,
  handoff: true,
} as const;

export const ENFORCEMENT_REQUEST_CASE = registerCaseType(
  defineCaseType({
    id: "enforcement-request",
    content: "cases.enforcementRequest",
    partyActionStates: ["awaitingCitizen"],
    initial: "received",
    startClocks: ["decide", "corrections"],
    states: ["received", "awaitingCitizen", "accepted", "refused", "officerAssigned", "closed"],
    final: ["refused", "closed"],
    viewers: ["clerk", "officer", "head"],
    clocks: {
      decide: { rule: "enforcement.decide-request" },
      corrections: { rule: "enforcement.ask-corrections", window: true },
      notify: { rule: "enforcement.notify-documents" },
    },
    events: {
      askForMore: {
        from: ["received"],
        to: "awaitingCitizen",
        roles: ["clerk", "head"],
        fields: [
          { name: "message", kind: "textarea", hint: true },
          { name: "documentTypes", kind: "checkboxes", options: DOCUMENT_TYPES, optional: true },
        ],
        schema: z.object({ message: note("askForMore", "message"), documentTypes: many(DOCUMENT_TYPES, `${E}.choice`) }),
        clocks: { stop: ["decide"], end: ["corrections"] },
        public: true,
        publicFields: ["message", "documentTypes"],
        document: "information-request",
      },
      citizenAnswered: {
        from: ["awaitingCitizen"],
        to: "received",
        roles: ["citizen"],
        fields: [{ name: "message", kind: "textarea", optional: true }],
        schema: z.object({
          message: note("citizenAnswered", "message", { optional: true }),
          attachmentIds: z.array(uuid(`${E}.choice`)).max(20).optional().default([]),
        }),
        clocks: { resume: ["decide"] },
        public: true,
        publicFields: ["message", "attachmentIds"],
      },
      accept: {
        from: ["received"],
        to: "accepted",
        roles: ["clerk", "head"],
        fields: [
          { name: "decisionNumber", kind: "text", hint: true },
          { name: "decisionDate", kind: "date" },
        ],
        schema: z.object({
          decisionNumber: text({ label: label("accept", "decisionNumber"), error: required("accept", "decisionNumber") })
            .trim()
            .min(1, required("accept", "decisionNumber"))
            .max(DECISION_NUMBER_MAX, `${E}.decisionNumberTooLong`),
          decisionDate: day,
        }),
        check: notBeforeReceiptNorFuture("decisionDate"),
        effects: ["allocateCaseNumber"],
        clocks: { end: ["decide", "corrections"], start: ["notify"] },
        public: true,
        publicFields: ["decisionNumber", "decisionDate", "caseNumber"],
        document: "acceptance-decision",
        handoff: true,
      },
      refuse: {
        from: ["received"],
        to: "refused",
        roles: ["clerk", "head"],
        fields: [
          { name: "ground", kind: "radio", options: REFUSAL_GROUNDS },
          { name: "note", kind: "textarea", hint: true },
        ],
        schema: z.object({ ground: z.enum(REFUSAL_GROUNDS, { error: `${E}.groundRequired` }), note: note("refuse", "note") }),
        clocks: { end: ["decide", "corrections"] },
        public: true,
        publicFields: ["ground", "note"],
        document: "refusal-notice",
        handoff: true,
      },
      forward: {
        from: ["received"],
        to: "received",
        roles: ["clerk", "head"],
        fields: [
          { name: "agencyId", kind: "agency" },
          { name: "note", kind: "textarea", optional: true },
        ],
        schema: z.object({ agencyId: uuid(`${E}.agencyRequired`), note: note("forward", "note", { optional: true }) }),
        effects: ["moveOffice"],
        // The competent office receives it afresh: its own decide and corrections clocks start on the day it arrives.
        clocks: { start: ["decide", "corrections"] },
        public: true,
        publicFields: ["agencyName", "note"],
        document: "forwarding-letter",
        handoff: true,
      },
      assignOfficer: {
        from: ["accepted"],
        to: "officerAssigned",
        roles: ["head"],
        fields: [{ name: "officerId", kind: "staff" }],
        schema: z.object({ officerId: uuid(`${E}.officerRequired`) }),
        effects: ["setOfficer"],
        public: true,
        publicFields: ["officerName"],
        document: "assignment-decision",
        handoff: true,
      },
      reassignOfficer: {
        from: ["officerAssigned"],
        to: "officerAssigned",
        roles: ["head"],
        fields: [
          { name: "officerId", kind: "staff" },
          { name: "note", kind: "textarea", optional: true },
        ],
        schema: z.object({ officerId: uuid(`${E}.officerRequired`), note: note("reassignOfficer", "note", { optional: true }) }),
        effects: ["setOfficer"],
        public: true,
        publicFields: ["officerName"],
        document: "assignment-decision",
        handoff: true,
      },
      decisionNotified: {
        ...officerEvent,
        fields: [
          { name: "notifiedOn", kind: "date" },
          { name: "method", kind: "radio", options: NOTIFY_METHODS },
        ],
        schema: z.object({ notifiedOn: day, method: z.enum(NOTIFY_METHODS, { error: `${E}.choice` }) }),
        check: notBeforeReceiptNorFuture("notifiedOn"),
        clocks: { end: ["notify"] },
        publicFields: ["notifiedOn", "method"],
      },
      assetsVerified: {
        ...officerEvent,
        fields: [{ name: "note", kind: "textarea" }],
        schema: z.object({ note: note("assetsVerified", "note") }),
        publicFields: [],
      },
      moneyCollected: {
        ...officerEvent,
        fields: [{ name: "amount", kind: "text", hint: true }],
        schema: z.object({ amount }),
        publicFields: ["amount"],
      },
      moneyPaidOut: {
        ...officerEvent,
        fields: [{ name: "amount", kind: "text", hint: true }],
        schema: z.object({ amount }),
        publicFields: ["amount"],
      },
      close: {
        from: ["accepted", "officerAssigned"],
        to: "closed",
        roles: ["head", "officer"],
        officerOnly: true,
        fields: [{ name: "reason", kind: "textarea" }],
        schema: z.object({ reason: note("close", "reason") }),
        public: true,
        publicFields: ["reason"],
        document: "closing-decision",
        handoff: true,
      },
    },
  }),
);

export type EnforcementRequestState = (typeof ENFORCEMENT_REQUEST_CASE.states)[number];
export type EnforcementRequestEvent = keyof typeof ENFORCEMENT_REQUEST_CASE.events;
