import type { Sql } from "../db";
import { fileSubmission, registerProcedureSection, REFERENCE_PREFIXES, type FiledSubmission } from "../submissions";
import type { SubmitContext } from "../journeys";
import { FEEDBACK_CASE, type ANSWER_VISIBILITY, type FEEDBACK_KINDS } from "./case-type";

export type FeedbackInput = {
  agencyId: string;
  kind: (typeof FEEDBACK_KINDS)[number];
  subject: string;
  body: string;
  visibility: (typeof ANSWER_VISIBILITY)[number];
  relatedCaseId?: string | null;
  /** Absent when anonymous: then nothing of the filer is stored (fileSubmission's `anonymous`). */
  filer: { name: string; email: string | null } | null;
};

/** Files feedback or a petition; anonymous when `filer` is null (no account, e-mail or address kept). */
export async function fileFeedback(ctx: SubmitContext, input: FeedbackInput): Promise<FiledSubmission> {
  const anonymous = input.filer === null;
  return fileSubmission(ctx, {
    procedure: "feedback",
    referencePrefix: REFERENCE_PREFIXES.feedback,
    caseType: FEEDBACK_CASE,
    agencyId: input.agencyId,
    answers: { about: { kind: input.kind, subject: input.subject, body: input.body, visibility: input.visibility } },
    applicantName: input.filer?.name ?? null,
    anonymousLabel: "Ẩn danh",
    applicantEmail: input.filer?.email ?? null,
    relatedCaseId: input.relatedCaseId ?? null,
    anonymous,
    nameKey: "feedback.name",
  });
}

export type PublicAnswer = { reference: string; kind: string; subject: string; body: string; answer: string; answeredAt: Date; agencyName: string };

/**
 * The public answers: feedback whose filer chose a public answer, once answered. Only the question, the
 * answer and the office: never a name, an e-mail or an account (the select names every column it reads).
 */
export async function publicAnswers(sql: Sql, { limit = 50 }: { limit?: number } = {}): Promise<PublicAnswer[]> {
  return sql<PublicAnswer[]>`
    select s.reference, s.answers->'about'->>'kind' as kind, s.answers->'about'->>'subject' as subject,
      s.answers->'about'->>'body' as body, e.fields->>'answer' as answer, e.at as "answeredAt", a.name as "agencyName"
    from submissions s
    join cases c on c.submission_id = s.id and c.case_type = 'feedback'
    join case_events e on e.case_id = c.id and e.event = 'answer'
    join agencies a on a.id = c.agency_id
    where s.procedure = 'feedback' and s.answers->'about'->>'visibility' = 'public'
    order by e.at desc limit ${Math.min(Math.max(1, limit), 200)}`;
}

export function registerFeedbackSection(): void {
  registerProcedureSection(FEEDBACK_CASE);
}
