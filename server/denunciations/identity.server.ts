import type { Sql } from "../db";
import { actsAt } from "../agencies";
import { fileSubmission, registerProcedureSection, REFERENCE_PREFIXES, type FiledSubmission, type ProcedureSection } from "../submissions";
import type { SubmitContext } from "../journeys";
import { DENUNCIATION_CASE, DENUNCIATION_ROLES } from "./case-type";

/**
 * The denouncer's identity (docs/decisions/076): kept in `denunciation_identities`, never in
 * submissions.answers, cases.applicant_name, cases.search_text, the audit log or a job payload. Only a
 * `denunciation-handler` at the case's office reads it, and the check is in the query itself.
 */
export type DenouncerIdentity = { fullName: string; address: string; idNumber: string; email: string | null; phone: string | null };

/** The placeholder every list shows instead of the denouncer's name. */
export const DENOUNCER_LABEL = "Người tố cáo (bảo mật)";

/** Files a denunciation: the answers (what, whom: visible to handlers) and the identity apart. */
export async function fileDenunciation(
  ctx: SubmitContext,
  input: { agencyId: string; answers: Record<string, unknown>; identity: DenouncerIdentity; relatedCaseId?: string | null; denouncedOfficer?: string | null },
): Promise<FiledSubmission> {
  const filed = await fileSubmission(ctx, {
    procedure: "denunciation",
    referencePrefix: REFERENCE_PREFIXES.denunciation,
    caseType: DENUNCIATION_CASE,
    agencyId: input.agencyId,
    answers: input.answers,
    applicantName: null,
    anonymousLabel: DENOUNCER_LABEL,
    // Kept on the case so the result can be sent; no staff page, export or API shows cases.applicant_email.
    applicantEmail: input.identity.email,
    applicantIdNumber: null,
    otherPartyName: input.denouncedOfficer ?? null,
    relatedCaseId: input.relatedCaseId ?? null,
    nameKey: "denunciations.name",
  });
  const i = input.identity;
  await ctx.tx`
    insert into denunciation_identities (submission_id, full_name, address, id_number, email, phone)
    values (${filed.submissionId}, ${i.fullName}, ${i.address}, ${i.idNumber}, ${i.email}, ${i.phone})`;
  return filed;
}

/**
 * The identity of a denunciation's denouncer, for this staff member: null unless they hold
 * `denunciation-handler` at the case's office (checked in the same SQL that reads the row).
 */
export async function denouncerFor(sql: Sql, { submissionId, staffId }: { submissionId: string; staffId: string }): Promise<DenouncerIdentity | null> {
  const [row] = await sql<DenouncerIdentity[]>`
    select d.full_name as "fullName", d.address, d.id_number as "idNumber", d.email, d.phone
    from denunciation_identities d join submissions s on s.id = d.submission_id
    where d.submission_id = ${submissionId}
      and s.agency_id in (select agency_id from staff_roles where staff_id = ${staffId} and role = 'denunciation-handler')`;
  return row ?? null;
}

export type DenunciationSection = ProcedureSection & { denouncer: DenouncerIdentity | null };

/** The staff section: the submission's e-mail is stripped for everyone; the identity only for the handler. */
export function registerDenunciationSection(): void {
  registerProcedureSection(DENUNCIATION_CASE, {
    redact: async (sql, { section, staffId, row }) => {
      const denouncer = await denouncerFor(sql, { submissionId: row.id, staffId });
      const redacted: DenunciationSection = { ...section, applicantName: null, applicantEmail: null, denouncer, redacted: denouncer === null };
      return redacted;
    },
  });
}

/** Is this staff member a handler at the office (for pages that offer the identity)? */
export const handlesAt = (sql: Sql, staffId: string, agencyId: string) => actsAt(sql, { staffId, agencyId, roles: DENUNCIATION_ROLES });
