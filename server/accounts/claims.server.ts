import type { Sql } from "../db";
import { digestToken } from "../http";

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
 * Requests filed while signed out with this citizen's e-mail address as the applicant's become theirs
 * (shown in the account). Only ever called at sign-in, where the address has just been verified (the
 * e-mail code, or a provider vouching for it): the confirmation with the reference went to that mailbox.
 */
export async function claimRequestsByEmail(sql: Sql, { citizenId }: { citizenId: string }): Promise<string[]> {
  const rows = await sql<{ reference: string }[]>`
    update enforcement_requests r set citizen_id = c.id
    from citizens c
    where c.id = ${citizenId} and c.email is not null
      and r.citizen_id is null and r.applicant_email is not null and lower(r.applicant_email) = lower(c.email)
    returning r.reference`;
  return rows.map((r) => r.reference);
}
