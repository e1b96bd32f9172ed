import type { Sql } from "../db";
import { registerSubmissionSection, type CaseTypeDefinition } from "../cases";
import { getSubmission, submissionAttachments, type SubmissionRow } from "./submit.server";

/**
 * What the generic staff case page shows of a procedure's submission (ADR 073): its answers as the journey
 * shaped them (the page presents them with the journey definition, in the staff member's language), who filed
 * it and the files kept. `kind` is "procedure" for every procedure filed through `fileSubmission`.
 */
export type ProcedureSection = {
  procedure: string;
  reference: string;
  submittedAt: Date;
  applicantName: string | null;
  applicantEmail: string | null;
  answers: Record<string, unknown>;
  attachments: { id: string; documentType: string; originalName: string; contentType: string; sizeBytes: number; sha256: string }[];
  /** Set when `redact` removed something this staff member may not see (the page says so). */
  redacted?: boolean;
};

export type SectionRedaction = (sql: Sql, args: { section: ProcedureSection; staffId: string; row: SubmissionRow }) => Promise<ProcedureSection>;

/**
 * Registers the staff section of a procedure's case type. `redact` runs on every load and may strip what
 * this staff member may not see (a denunciation's denouncer): the only way the section reaches a page.
 */
export function registerProcedureSection(caseType: Pick<CaseTypeDefinition, "id">, options: { redact?: SectionRedaction } = {}): void {
  registerSubmissionSection(caseType.id, async (sql, { submissionId, staffId }) => {
    const row = await getSubmission(sql, { id: submissionId });
    if (!row) return null;
    const section: ProcedureSection = {
      procedure: row.procedure,
      reference: row.reference,
      submittedAt: row.submittedAt,
      applicantName: row.applicantName,
      applicantEmail: row.applicantEmail,
      answers: row.answers,
      attachments: [...(await submissionAttachments(sql, { submissionId }))],
    };
    return options.redact ? options.redact(sql, { section, staffId, row }) : section;
  });
}
