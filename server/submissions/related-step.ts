import { z } from "zod";
import type { Answers, StepDef } from "../journeys/browser";

/**
 * The "which enforcement case" step that complaints, confirmations and changes of officer share (ADR 082):
 * the case's reference and, unless it is the signed-in citizen's own case, its access code. The field words
 * stay the procedure's (`<content>.fields.reference|accessCode`); the messages are shared
 * (`submissions.related.*`), and so is the check (`checkRelatedCaseStep`, under the lookup's rate limits).
 */
export function relatedCaseStep<S extends string>({ id, slug, next }: { id: S; slug: string; next: (answers: Answers<S>) => S | "check" }): StepDef<S> {
  return {
    id,
    slug,
    kind: "form",
    fields: [
      { name: "reference", kind: "text", hint: true },
      { name: "accessCode", kind: "text", optional: true, hint: true, autoComplete: "off" },
    ],
    schema: z.object({
      reference: z.string({ error: "submissions.related.reference" }).trim().min(1, "submissions.related.reference").max(40, "submissions.related.referenceTooLong"),
      accessCode: z.string().trim().max(40, "submissions.related.accessCodeTooLong").optional(),
    }),
    next,
  };
}
