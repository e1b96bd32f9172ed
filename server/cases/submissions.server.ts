import type { Sql } from "../db";
import { isUuid } from "../../vocabulary/identity";
import { scopedAgencies } from "../agencies";
import { caseTypeById } from "./registry";

/**
 * What the generic case page shows of the submission behind a case: each procedure registers, server side,
 * how to load its submission for staff (`registerSubmissionSection(caseTypeId, load)`, from its domain's
 * entry); the page renders it by `kind`. The case page has already checked that the staff member sees the
 * case; the loader only reads.
 */
export type SubmissionSection = { kind: string; data: unknown };
export type SubmissionLoader = (sql: Sql, args: { submissionId: string; staffId: string }) => Promise<unknown>;

const LOADERS = new Map<string, SubmissionLoader>();

export function registerSubmissionSection(caseTypeId: string, load: SubmissionLoader): void {
  LOADERS.set(caseTypeId, load);
}

export async function submissionSection(sql: Sql, { caseType, submissionId, staffId }: { caseType: string; submissionId: string; staffId: string }): Promise<SubmissionSection | null> {
  const load = LOADERS.get(caseType);
  return load ? { kind: caseType, data: await load(sql, { submissionId, staffId }) } : null;
}

/**
 * Does this staff member see the case of this submission (its office among theirs for a viewer role of the
 * case type)? For a procedure's own staff pages about the submission (its files, its PDF), so that they
 * follow the case when it is forwarded to another office.
 */
export async function submissionVisibleTo(sql: Sql, { caseType, submissionId, staffId }: { caseType: string; submissionId: string; staffId: string }): Promise<boolean> {
  if (!isUuid(submissionId)) return false;
  const type = caseTypeById(caseType);
  const [row] = await sql`
    select 1 from cases c where c.case_type = ${type.id} and c.submission_id = ${submissionId}
      and c.agency_id in (${scopedAgencies(sql, staffId, type.viewers)})`;
  return Boolean(row);
}

/** The case opened for a submission (or null). */
export async function caseIdOfSubmission(sql: Sql, { caseType, submissionId }: { caseType: string; submissionId: string }): Promise<string | null> {
  if (!isUuid(submissionId)) return null;
  const [row] = await sql<{ id: string }[]>`select id from cases where case_type = ${caseType} and submission_id = ${submissionId}`;
  return row?.id ?? null;
}
