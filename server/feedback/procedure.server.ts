import type { Sql } from "../db";
import { journeyEngine, registerProcedure, type SubmitContext, type SubmitOutcome } from "../journeys";
import { fileSubmission, loadSubmissionDone, officeChoicesIn, officeIn, provinceChoices, registerProcedureSection, submissionConfirmation, REFERENCE_PREFIXES, type FiledSubmission } from "../submissions";
import { FEEDBACK, isAnonymous, SERVICE_PATH, type Answers, type StepId } from "./journey";
import { FEEDBACK_CASE } from "./case-type";

/**
 * Files feedback or a petition (ADR 073). Anonymous: the contact step is off the path, so the answers hold
 * no identity, and `anonymous: true` keeps the account, e-mail and address out of every row.
 */
export async function fileFeedback(answers: Answers, ctx: SubmitContext): Promise<SubmitOutcome<StepId, FiledSubmission>> {
  const office = await officeIn(ctx.tx, answers.about?.agency, answers.area?.province);
  if (!office) return { ok: false, step: "about" };
  const anonymous = isAnonymous(answers);
  const stored: Record<string, unknown> = anonymous ? { area: answers.area, about: answers.about, sender: answers.sender, answer: answers.answer } : answers;
  const filed = await fileSubmission(ctx, {
    procedure: FEEDBACK.id,
    referencePrefix: REFERENCE_PREFIXES.feedback,
    caseType: FEEDBACK_CASE,
    agencyId: office.id,
    answers: stored,
    applicantName: anonymous ? null : String(answers.contact?.fullName ?? "") || null,
    anonymousLabel: "Ẩn danh",
    applicantEmail: anonymous ? null : String(answers.contact?.email ?? "") || null,
    anonymous,
    searchParts: [String(answers.about?.subject ?? "")],
    nameKey: `feedback.kinds.${answers.about?.kind === "petition" ? "petition" : "feedback"}`,
  });
  return filed;
}

export const feedbackProcedure = journeyEngine({
  journey: FEEDBACK,
  submit: fileFeedback,
  confirmation: submissionConfirmation(SERVICE_PATH),
  resumeEmailJob: "send_filing_resume_link",
  rateLimitKey: "feedback",
  contactEmail: (a) => (typeof a.contact?.email === "string" ? a.contact.email : null),
  async checkStep({ sql, step, values, answers }): Promise<Record<string, string[]> | null> {
    if (step.id === "area") return (await provinceChoices(sql)).some((p) => p.value === values.province) ? null : { province: ["feedback.errors.province"] };
    if (step.id !== "about") return null;
    return (await officeIn(sql, values.agency, answers.area?.province)) ? null : { agency: ["feedback.errors.agency"] };
  },
});

registerProcedure({
  engine: feedbackProcedure,
  stepOptions: async ({ sql, stepId, answers }): Promise<Record<string, { value: string; label: string }[]>> =>
    stepId === "area" ? { province: await provinceChoices(sql) } : stepId === "about" ? { agency: await officeChoicesIn(sql, answers.area?.province) } : {},
  done: (request, context) => loadSubmissionDone(request, context, { procedure: FEEDBACK.id }),
});

registerProcedureSection(FEEDBACK_CASE);
