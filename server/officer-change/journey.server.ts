import { journeyEngine, registerProcedure, type Answers } from "../journeys";
import { vnDay } from "../deadlines";
import { checkRelatedCaseStep, fileSubmission, submissionConfirmation, loadSubmissionDone, REFERENCE_PREFIXES } from "../submissions";
import { relatedCaseIn } from "../confirmation";
import { OFFICER_CHANGE_CASE } from "./case-type";
import { groundsInForce } from "./grounds";
import { OFFICER_CHANGE_JOURNEY, type OfficerChangeStep } from "./journey";

/**
 * Files a request to change the officer: routed to the head of the related case's office, or to the level
 * above when the case's officer is that office's head (Decree 62 art. 10). Grounds not in force today are
 * sent back to the grounds step.
 */
export const officerChangeEngine = journeyEngine({
  journey: OFFICER_CHANGE_JOURNEY,
  resumeEmailJob: "send_filing_resume_link",
  rateLimitKey: "officer-change",
  contactEmail: (a: Answers<OfficerChangeStep>) => (typeof a.applicant?.email === "string" && a.applicant.email ? a.applicant.email : null),
  async checkStep({ sql, step, values, citizenId, ip }): Promise<Record<string, string[]> | null> {
    if (step.id === "grounds") {
      const inForce = new Set(groundsInForce(vnDay(new Date())).map((g) => g.id));
      return (values.grounds as string[]).every((g) => inForce.has(g)) ? null : { grounds: ["officerChange.errors.groundNotInForce"] };
    }
    if (step.id !== "case") return null;
    const found = await checkRelatedCaseStep(sql, { values, citizenId, ip });
    if (!found.ok) return found.errors;
    return found.case.officerId ? null : { reference: ["officerChange.errors.noOfficer"] };
  },
  async submit(answers, ctx) {
    const related = await relatedCaseIn(ctx.tx, { reference: answers.case?.reference, accessCode: answers.case?.accessCode, citizenId: ctx.citizenId });
    if (!related || !related.officer_id) return { ok: false as const, step: "case" as const };
    const inForce = new Set(groundsInForce(vnDay(new Date())).map((g) => g.id));
    if (!((answers.grounds?.grounds as string[] | undefined) ?? []).every((g) => inForce.has(g))) return { ok: false as const, step: "grounds" as const };
    // The head of the office decides; when the officer is that head, the office above does.
    const [route] = await ctx.tx<{ agency_id: string }[]>`
      select case when exists (select 1 from staff_roles r where r.staff_id = ${related.officer_id} and r.agency_id = a.id and r.role = 'head')
        then coalesce(a.parent_id, a.id) else a.id end as agency_id
      from agencies a where a.id = ${related.agency_id}`;
    const a = answers.applicant ?? {};
    const { accessCode: _code, ...caseAnswers } = answers.case ?? {};
    return fileSubmission(ctx, {
      procedure: "officer-change",
      referencePrefix: REFERENCE_PREFIXES["officer-change"],
      caseType: OFFICER_CHANGE_CASE,
      agencyId: route!.agency_id,
      answers: { ...answers, case: caseAnswers },
      applicantName: String(a.name ?? ""),
      applicantEmail: typeof a.email === "string" ? a.email : null,
      searchParts: [related.reference],
      relatedCaseId: related.id,
      nameKey: "officerChange.name",
    });
  },
  confirmation: submissionConfirmation(OFFICER_CHANGE_JOURNEY.path),
});

registerProcedure({
  engine: officerChangeEngine,
  done: (request, context) => loadSubmissionDone(request, context, { procedure: OFFICER_CHANGE_JOURNEY.id }),
});
