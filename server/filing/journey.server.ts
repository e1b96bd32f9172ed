import { journeyEngine } from "../journeys";
import { findCourt, listCourts } from "../agencies";
import { applicantEmail, ENFORCEMENT_REQUEST, isPastTimeLimit, timeLimitEnds } from "./journey";
import { filedConfirmation, fileRequest } from "./submit.server";

/**
 * The enforcement request as a procedure of the journey engine: its definition (./journey.ts), its
 * submit function and confirmation (./submit.server.ts), and the few things only it knows — the court
 * list and the court check on the judgment step, the 5-year limit notice, the office on "check your
 * answers". Drafts, resume links, attachments and the check page are the engine's.
 */
export const enforcementRequest = journeyEngine({
  journey: ENFORCEMENT_REQUEST,
  submit: fileRequest,
  confirmation: filedConfirmation,
  resumeEmailJob: "send_filing_resume_link",
  rateLimitKey: "filing",
  contactEmail: applicantEmail,
  async stepExtras({ sql, step, draft, previous }) {
    // The 5-year limit: a note on the judgment step, and a warning on the step right after it once the
    // date entered is past the limit (the applicant has left the judgment step by the time it is known).
    const ends = step.id === "judgment" || previous?.id === "judgment" ? timeLimitEnds(draft.answers.judgment?.effectiveDate) : null;
    const past = isPastTimeLimit(draft.answers);
    return {
      courts: step.fields.some((f) => f.name === "court") ? await listCourts(sql, { receivingOnly: true }) : null,
      timeLimit: ends && (step.id === "judgment" || past) ? { ends, past } : null,
    };
  },
  async checkStep({ sql, step, values }) {
    if (step.id !== "judgment") return null;
    const court = await findCourt(sql, { code: String(values.court) });
    return court ? null : { court: ["filing.errors.court.choose"] };
  },
  async reviewExtras({ sql, draft }) {
    const court = await findCourt(sql, { code: String(draft.answers.judgment?.court ?? "") });
    const ends = timeLimitEnds(draft.answers.judgment?.effectiveDate);
    return {
      courtName: court?.name ?? null,
      office: court ? { name: court.agency_name, address: court.agency_address } : null,
      timeLimit: ends ? { ends, past: isPastTimeLimit(draft.answers) } : null,
    };
  },
});

export const {
  DRAFT_COOKIE,
  createDraft,
  findDraft,
  draftCookie,
  currentDraft,
  requireDraft,
  startDraft,
  resumePath,
  loadFormStep,
  submitFormStep,
  loadAttachmentsStep,
  submitAttachmentsStep,
  loadReview,
  submitDraft,
  submitFromReview,
  loadSaveForLater,
  sendResumeLink,
  openResumeLink,
} = enforcementRequest;
