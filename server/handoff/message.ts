import { z } from "zod";

/**
 * The hand-off message (docs/handoff/README.md, docs/decisions/060-handoff-to-the-case-system.md): one per
 * case event whose definition says `handoff`, delivered to the office's case system (Phần mềm Thụ lý) as
 * JSON, signed the Standard Webhooks way. Its JSON Schema, docs/handoff/case-message.schema.json, is
 * generated from this one (scripts/handoff-schema.ts) and a test keeps the two equal.
 *
 * Browser-safe and pure: zod only.
 */
export const MESSAGE_VERSION = "1" as const;

/** Message types by case event; an event not listed here is sent as `case.<event in kebab case>`. */
export const MESSAGE_TYPES = {
  accept: "case.accepted",
  refuse: "case.refused",
  forward: "case.forwarded",
  assignOfficer: "case.officer-assigned",
  reassignOfficer: "case.officer-reassigned",
  close: "case.closed",
} as const satisfies Record<string, `case.${string}`>;

export function messageTypeOf(event: string): string {
  return (MESSAGE_TYPES as Record<string, string>)[event] ?? `case.${event.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The message id (the `webhook-id` header and the idempotency key): stable per case event. */
export function messageIdOf(caseId: string, seq: number): string {
  return `msg_${caseId}_${seq}`;
}

const Office = z
  .object({
    code: z.string().min(1).max(32).meta({ description: "Agency code, e.g. HNI-KV01" }),
    name: z.string().min(1).max(255),
  })
  .meta({ description: "An enforcement office (agency)" });

const Person = z.object({ id: z.uuid(), name: z.string().min(1).max(255) });

const Day = z.iso.date().meta({ description: "A calendar date, YYYY-MM-DD (Vietnam)" });

/** What the case system needs of the event's own fields (never the portal's internal identifiers alone). */
export const MessageFields = z
  .object({
    decisionNumber: z.string().max(100).optional().meta({ description: "Enforcement decision number (accept)" }),
    decisionDate: Day.optional().meta({ description: "Enforcement decision date (accept)" }),
    ground: z
      .string()
      .max(64)
      .optional()
      .meta({ description: "Legal ground of a refusal: no-right-or-unrelated | not-competent | time-limit-passed" }),
    note: z.string().max(4000).optional().meta({ description: "The refusal's note" }),
    reason: z.string().max(4000).optional().meta({ description: "Why the case was closed" }),
    officer: Person.optional().meta({ description: "The enforcement officer assigned (assignOfficer, reassignOfficer)" }),
    toOffice: Office.optional().meta({ description: "The competent office the case was forwarded to (forward)" }),
    amount: z.int().min(0).optional().meta({ description: "An amount in đồng (moneyCollected, moneyPaidOut)" }),
  })
  .strict();

export const SubmissionSummary = z
  .object({
    applicant: z.object({ name: z.string().min(1).max(255) }),
    debtor: z.object({ name: z.string().min(1).max(255) }).nullable(),
    judgment: z
      .object({
        number: z.string().min(1).max(100),
        effectiveOn: Day.meta({ description: "The day the judgment took legal effect" }),
        court: z.object({ code: z.string().min(1).max(32), name: z.string().min(1).max(255) }),
      })
      .nullable(),
    amount: z.int().min(1).nullable().meta({ description: "The money the applicant asks to be enforced, in đồng (null: not a money claim)" }),
  })
  .meta({ description: "What was filed (the citizen's submission), as the case system files it" });

export const CaseMessageSchema = z
  .object({
    version: z.literal(MESSAGE_VERSION),
    id: z
      .string()
      .regex(/^msg_[0-9a-f-]{36}_[0-9]+$/)
      .meta({ description: "Message id = the webhook-id header = the idempotency key: the same event always has the same id" }),
    type: z
      .string()
      .regex(/^case\.[a-z][a-z0-9-]*$/)
      .meta({ description: "case.accepted, case.refused, case.forwarded, case.officer-assigned, case.officer-reassigned, case.closed, …" }),
    caseId: z.uuid(),
    caseType: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/).meta({ description: "e.g. enforcement-request" }),
    sequence: z.int().min(1).meta({ description: "The event's number in its case (1, 2, 3 …): messages of a case arrive in this order" }),
    event: z.string().min(1).max(64).meta({ description: "The portal's event name (accept, refuse, …)" }),
    occurredAt: z.iso.datetime({ offset: true }).meta({ description: "When the event happened (RFC 3339)" }),
    office: Office,
    reference: z.string().min(1).max(64).meta({ description: "The citizen-facing reference of the submission, e.g. YC-2026-000123" }),
    caseNumber: z.string().max(64).nullable().meta({ description: "The office's case number (số thụ lý), once accepted" }),
    previousState: z.string().max(64).nullable(),
    state: z.string().min(1).max(64).meta({ description: "The case's state after the event" }),
    fields: MessageFields,
    submission: SubmissionSummary.nullable(),
  })
  .strict()
  .meta({
    title: "THADS case hand-off message",
    description: "One event of a case, sent by the THADS portal to the agency's case system (Standard Webhooks signed).",
  });

export type CaseMessage = z.infer<typeof CaseMessageSchema>;

/** What a receiver answers (2xx): the number it filed the case under, if it gives one. */
export const ReceiverReplySchema = z.object({ caseNumber: z.string().min(1).max(64).optional() }).loose();

/** The JSON Schema document published at docs/handoff/case-message.schema.json. */
export function caseMessageJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://thads.moj.gov.vn/schemas/handoff/case-message.v1.json",
    ...z.toJSONSchema(CaseMessageSchema, { target: "draft-2020-12" }),
  };
}
