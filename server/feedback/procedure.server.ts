import type { Sql } from "../db";
import { journeyEngine, registerProcedure, type SubmitContext, type SubmitOutcome } from "../journeys";
import { listAgencyTree } from "../agencies";
import { fileSubmission, loadSubmissionDone, registerProcedureSection, submissionConfirmation, REFERENCE_PREFIXES, type FiledSubmission } from "../submissions";
import { FEEDBACK, isAnonymous, SERVICE_PATH, type Answers, type StepId } from "./journey";
import { FEEDBACK_CASE } from "./case-type";

/** Offices a citizen may address (active, not the central department), as the select lists them. */
async function officeOptions(sql: Sql) {
  return (await listAgencyTree(sql)).filter((a) => a.active && a.level !== "central").map((a) => ({ value: a.code, label: a.name }));
}

async function officeByCode(sql: Sql, code: string): Promise<{ id: string; name: string } | null> {
  const found = (await listAgencyTree(sql)).find((a) => a.code === code && a.active && a.level !== "central");
  return found ? { id: found.id, name: found.name } : null;
}

/**
 * Files feedback or a petition (ADR 073). Anonymous: the contact step is off the path, so the answers hold
 * no identity, and `anonymous: true` keeps the account, e-mail and address out of every row.
 */
export async function fileFeedback(answers: Answers, ctx: SubmitContext): Promise<SubmitOutcome<StepId, FiledSubmission>> {
  const office = await officeByCode(ctx.tx, String(answers.about?.agency ?? ""));
  if (!office) return { ok: false, step: "about" };
  const anonymous = isAnonymous(answers);
  const stored: Record<string, unknown> = anonymous ? { about: answers.about, sender: answers.sender, answer: answers.answer } : answers;
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
  async checkStep({ sql, step, values }) {
    if (step.id !== "about") return null;
    return (await officeByCode(sql, String(values.agency))) ? null : { agency: ["feedback.errors.agency"] };
  },
});

registerProcedure({
  engine: feedbackProcedure,
  stepOptions: async ({ sql, stepId }): Promise<Record<string, { value: string; label: string }[]>> => (stepId === "about" ? { agency: await officeOptions(sql) } : {}),
  done: (request, context) => loadSubmissionDone(request, context, { procedure: FEEDBACK.id }),
});

registerProcedureSection(FEEDBACK_CASE);
