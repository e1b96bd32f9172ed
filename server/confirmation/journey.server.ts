import { journeyEngine, registerProcedure, type SubmitContext } from "../journeys";
import { accessCodeHash, lookupReference } from "../cases";
import { checkRelatedCaseStep, fileSubmission, submissionConfirmation, loadSubmissionDone, REFERENCE_PREFIXES, type FiledSubmission } from "../submissions";
import type { Sql } from "../db";
import type { Answers } from "../journeys";
import { CONFIRMATION_CASE } from "./case-type";
import { CONFIRMATION_JOURNEY, type ConfirmationStep } from "./journey";

/**
 * The enforcement case a journey names, checked again in the submit transaction: the citizen's own case by
 * reference, or the lookup pair (the pair was checked under the lookup's rate limits at the case step).
 */
export async function relatedCaseIn(tx: Sql, { reference, accessCode, citizenId }: { reference: unknown; accessCode: unknown; citizenId: string | null }) {
  const ref = lookupReference(String(reference ?? ""));
  if (!ref) return null;
  const code = String(accessCode ?? "");
  const [row] = await tx<{ id: string; agency_id: string; officer_id: string | null; reference: string }[]>`
    select id, agency_id, officer_id, reference from cases
    where reference = ${ref} and case_type = 'enforcement-request'
      and ((${citizenId}::uuid is not null and citizen_id = ${citizenId}) or (${code} <> '' and access_code_hash = ${accessCodeHash(code)}))`;
  return row ?? null;
}

export const confirmationEngine = journeyEngine({
  journey: CONFIRMATION_JOURNEY,
  resumeEmailJob: "send_filing_resume_link",
  rateLimitKey: "confirmation",
  contactEmail: (a: Answers<ConfirmationStep>) => (typeof a.applicant?.email === "string" && a.applicant.email ? a.applicant.email : null),
  async checkStep({ sql, step, values, citizenId, ip }) {
    if (step.id !== "case") return null;
    const found = await checkRelatedCaseStep(sql, { values, citizenId, ip });
    return found.ok ? null : found.errors;
  },
  async submit(answers, ctx: SubmitContext): Promise<FiledSubmission | { ok: false; step: ConfirmationStep }> {
    const related = await relatedCaseIn(ctx.tx, { reference: answers.case?.reference, accessCode: answers.case?.accessCode, citizenId: ctx.citizenId });
    if (!related) return { ok: false, step: "case" };
    const a = answers.applicant ?? {};
    const { accessCode: _code, ...caseAnswers } = answers.case ?? {};
    return fileSubmission(ctx, {
      procedure: "confirmation",
      referencePrefix: REFERENCE_PREFIXES.confirmation,
      caseType: CONFIRMATION_CASE,
      agencyId: related.agency_id,
      answers: { ...answers, case: caseAnswers },
      applicantName: String(a.name ?? ""),
      applicantEmail: typeof a.email === "string" ? a.email : null,
      searchParts: [related.reference],
      relatedCaseId: related.id,
      nameKey: "confirmation.name",
    });
  },
  confirmation: submissionConfirmation(CONFIRMATION_JOURNEY.path),
});

registerProcedure({
  engine: confirmationEngine,
  done: (request, context) => loadSubmissionDone(request, context, { procedure: CONFIRMATION_JOURNEY.id }),
});
