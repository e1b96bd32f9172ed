import type { Pool } from "../db";
import { journeyEngine, registerProcedure, type ProcedureNotice } from "../journeys";
import { checkRelatedCaseStep, loadSubmissionDone, submissionConfirmation } from "../submissions";
import { COMPLAINT_JOURNEY, COMPLAINT_PATH, type ComplaintAnswers } from "./journey";
import type { ComplaintKind } from "./kinds";
import { complaintTimeLimit } from "./time-limit.server";
import { fileComplaint } from "./submit.server";

/** The complaint's time limit for the answers so far, or null until the decision step is filled in. */
async function limitOf(sql: Pool, answers: ComplaintAnswers) {
  const d = answers.decision;
  if (!d || typeof d.learnedOn !== "string" || typeof d.kind !== "string") return null;
  return complaintTimeLimit(sql, { kind: d.kind as ComplaintKind, round: d.round === "second" ? "second" : "first", learnedOn: d.learnedOn });
}

/** The complaint as a procedure of the journey engine (ADR 075). */
export const complaintJourney = journeyEngine({
  journey: COMPLAINT_JOURNEY,
  submit: fileComplaint,
  confirmation: submissionConfirmation(COMPLAINT_PATH),
  resumeEmailJob: "send_complaint_resume_link",
  rateLimitKey: "complaint",
  contactEmail: (a) => (typeof a.complainant?.email === "string" ? a.complainant.email : null),
  async stepExtras({ sql, draft }) {
    return { timeLimit: await limitOf(sql as Pool, draft.answers) };
  },
  async checkStep({ sql, step, values, citizenId, ip }): Promise<Record<string, string[]> | null> {
    if (step.id === "case") {
      const found = await checkRelatedCaseStep(sql, { values, citizenId, ip });
      return found.ok ? null : found.errors;
    }
    if (step.id !== "decision") return null;
    const limit = await complaintTimeLimit(sql, { kind: values.kind as ComplaintKind, round: values.round === "second" ? "second" : "first", learnedOn: String(values.learnedOn) });
    // A late complaint can still be filed, with its reason (shown to staff).
    if (limit.late && !String(values.lateReason ?? "").trim()) return { lateReason: ["complaints.errors.lateReason.required"] };
    return null;
  },
  async reviewExtras({ sql, draft }) {
    return { timeLimit: await limitOf(sql as Pool, draft.answers) };
  },
});

/** The time limit as a notice on every step after the decision's and on "check before you send". */
function timeLimitNotices(extras: Record<string, unknown>): ProcedureNotice[] {
  const limit = extras.timeLimit as { dueOn: string; late: boolean } | null | undefined;
  if (!limit) return [];
  return [limit.late ? { key: "complaints.timeLimit.late", dates: { date: limit.dueOn }, tone: "warning" } : { key: "complaints.timeLimit.due", dates: { date: limit.dueOn } }];
}

registerProcedure({
  engine: complaintJourney,
  notices: (extras) => timeLimitNotices(extras),
  done: (request, context) => loadSubmissionDone(request, context, { procedure: COMPLAINT_JOURNEY.id }),
});
