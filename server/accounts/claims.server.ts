import type { Sql } from "../db";
import { digestToken, idNumberDigest } from "../http";

/**
 * What a citizen's sign-in takes over from their visit as a guest (openCitizenSession): the filing draft
 * whose token the guest's cookie holds, and the requests filed with their e-mail address. Here, not in
 * filing, so that accounts never imports filing (filing imports accounts for sessions and staff guards).
 */

/** The guest's filing draft cookie: filing sets it, a sign-in reads it to hand the draft to the citizen. */
export const DRAFT_COOKIE = "thads_filing";

/** A guest who signs in keeps their draft: it becomes the citizen's. */
export async function claimDraft(sql: Sql, { token, citizenId }: { token: string | null; citizenId: string }) {
  if (!token) return;
  await sql`update filing_drafts set citizen_id = ${citizenId} where token_hash = ${digestToken(token)} and citizen_id is null`;
}

/**
 * Cases filed while signed out that are this citizen's become theirs (My cases, ADR 067), whatever the
 * procedure: those whose filing party's address is the citizen's e-mail address, and — when the national
 * e-ID vouched for it at this sign-in — those whose filing party's citizen ID number is the one vouched for
 * (cases.applicant_id_digest; only digests compared). Only ever called at sign-in, where the address has
 * just been verified (the e-mail code, or a provider vouching for it): the confirmation with the reference
 * went to that mailbox. A case already someone's is never taken over. The procedure's own table
 * (enforcement_requests) is kept in step. Returns the references joined.
 */
export async function claimRequestsByEmail(
  sql: Sql,
  { citizenId, verifiedIdNumber = null }: { citizenId: string; verifiedIdNumber?: string | null },
): Promise<string[]> {
  const byEmail = await sql<{ reference: string }[]>`
    update cases c set citizen_id = ci.id
    from citizens ci
    where ci.id = ${citizenId} and ci.email is not null
      and c.citizen_id is null and c.applicant_email is not null and lower(c.applicant_email) = lower(ci.email)
    returning c.reference`;
  const digest = idNumberDigest(verifiedIdNumber);
  const byId = digest
    ? await sql<{ reference: string }[]>`
        update cases set citizen_id = ${citizenId}
        where citizen_id is null and applicant_id_digest = ${digest}
        returning reference`
    : [];
  const requests = await sql<{ reference: string }[]>`
    update enforcement_requests r set citizen_id = ${citizenId}
    where r.citizen_id is null and (
      r.id in (select c.submission_id from cases c where c.citizen_id = ${citizenId} and c.case_type = 'enforcement-request')
      or (r.applicant_email is not null and lower(r.applicant_email) = (select lower(email) from citizens where id = ${citizenId})))
    returning r.reference`;
  return [...new Set([...byEmail, ...byId, ...requests].map((r) => r.reference))];
}
