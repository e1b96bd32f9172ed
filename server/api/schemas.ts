import { z } from "zod";

/**
 * The organisations' JSON API (docs/decisions/070): the Zod schemas that validate every request and describe
 * every answer. The OpenAPI 3.1 document at /api/openapi.json is generated from these (openapi.server.ts),
 * so the document and the validation cannot drift apart.
 *
 * Browser-safe and pure: zod only.
 */
export const MAX_BATCH = 100;

const Reference = z
  .string()
  .trim()
  .min(1, "api.errors.referenceRequired")
  .max(40, "api.errors.referenceTooLong")
  .meta({ description: "The reference of the submission or case, as printed on its confirmation (e.g. YC-2026-000123)", example: "YC-2026-000123" });

export const ReferenceParams = z.object({ reference: Reference }).strict();

export const FollowBody = z
  .object({
    reference: Reference,
    accessCode: z
      .string()
      .trim()
      .min(1, "api.errors.accessCodeRequired")
      .max(64, "api.errors.accessCodeTooLong")
      .meta({ description: "The access code given with the reference (XXXX-XXXX-XXXX-XXXX)", example: "ABCD-EFGH-JKLM-NPQR" }),
  })
  .strict()
  .meta({ title: "FollowRequest", description: "Prove the lookup pair of a case to follow it" });

export const BatchBody = z
  .object({
    references: z
      .array(Reference)
      .min(1, "api.errors.referencesRequired")
      .max(MAX_BATCH, "api.errors.tooManyReferences")
      .meta({ description: `1 to ${MAX_BATCH} references of cases the organisation follows` }),
  })
  .strict()
  .meta({ title: "BatchStatusRequest" });

export const ListQuery = z
  .object({
    cursor: z
      .string()
      .max(200, "api.errors.cursorInvalid")
      .regex(/^[A-Za-z0-9_-]+$/, "api.errors.cursorInvalid")
      .optional()
      .meta({ description: "The nextCursor of the previous page" }),
    limit: z.coerce.number("api.errors.limitInvalid").int("api.errors.limitInvalid").min(1, "api.errors.limitInvalid").max(100, "api.errors.limitInvalid").default(50),
  })
  .strict();

const Office = z.object({
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});

const Words = z.object({
  label: z.string().meta({ description: "The state in plain words, in the language of Accept-Language (vi or en)" }),
  description: z.string(),
  nextStep: z.string().meta({ description: "What the party must do now, if anything" }),
});

const TimelineEntry = z.object({
  event: z.string().meta({ description: "The public event (received, accept, assignOfficer, close, …)" }),
  label: z.string(),
  at: z.iso.datetime({ offset: true }),
  details: z.record(z.string(), z.unknown()).meta({ description: "Only the event's public fields" }),
});

const Deadline = z.object({
  clock: z.string(),
  label: z.string(),
  state: z.enum(["running", "stopped"]),
  dueOn: z.iso.date().nullable(),
  workingDaysLeft: z.int().nullable(),
  overdue: z.boolean(),
  legalBasis: z.string(),
});

const CaseCore = {
  reference: z.string(),
  caseType: z.string(),
  state: z.string(),
  words: Words,
  final: z.boolean(),
  needsAction: z.boolean(),
  caseNumber: z.string().nullable().meta({ description: "The office's case number (số thụ lý), once accepted" }),
  office: Office,
  officerName: z.string().nullable().meta({ description: "The enforcement officer in charge" }),
  receivedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
};

export const CaseStatus = z.object({ ...CaseCore, timeline: z.array(TimelineEntry), deadlines: z.array(Deadline) }).meta({ title: "CaseStatus" });

export const CaseSummary = z.object({ ...CaseCore, lastEvent: TimelineEntry.nullable() }).meta({ title: "CaseSummary" });

export const BatchResult = z
  .object({
    items: z.array(
      z.object({
        reference: z.string(),
        found: z.boolean().meta({ description: "false: not followed by the organisation (or no such case — the same)" }),
        case: CaseSummary.optional(),
      }),
    ),
  })
  .meta({ title: "BatchStatusResult" });

export const CaseList = z
  .object({
    items: z.array(CaseSummary.extend({ followedAt: z.iso.datetime({ offset: true }) })),
    nextCursor: z.string().nullable(),
  })
  .meta({ title: "CaseList" });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
    retryAfterSeconds: z.int().optional(),
  })
  .meta({ title: "Problem", description: "RFC 9457 problem details (application/problem+json), localised by Accept-Language" });

export type ProblemBody = z.infer<typeof Problem>;
