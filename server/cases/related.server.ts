import type { Pool } from "../db";
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from "../http";
import { lookupReference } from "./access.server";
import { lookUpPair } from "./lookup-web.server";

/** The enforcement case a new submission is about (a complaint, a confirmation, a change of officer). */
export type RelatedCase = {
  id: string;
  caseType: string;
  reference: string;
  caseNumber: string | null;
  agencyId: string;
  agencyName: string;
  officerId: string | null;
  officerName: string | null;
  state: string;
};

export type RelatedCaseOutcome = { ok: true; case: RelatedCase } | { ok: false; reason: "not-found" } | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * The case a citizen names in a procedure's journey (issue 14, ADR 073): by its reference alone when it is
 * theirs (My cases: `cases.citizen_id`), otherwise by the lookup pair under the lookup's own rate limits
 * (the same answer for a wrong reference and a wrong code). For the journeys' `checkStep` and their submit.
 */
export async function findRelatedCase(
  sql: Pool,
  { reference, accessCode, citizenId, ip, limits = DEFAULT_RATE_LIMITS }: { reference: string; accessCode?: string | null; citizenId: string | null; ip: string | null; limits?: RateLimitSettings },
): Promise<RelatedCaseOutcome> {
  const ref = lookupReference(reference);
  let caseId: string | null = null;
  if (citizenId && ref) {
    const [own] = await sql<{ id: string }[]>`select id from cases where reference = ${ref} and citizen_id = ${citizenId}`;
    caseId = own?.id ?? null;
  }
  if (!caseId) {
    const found = await lookUpPair(sql, { reference, accessCode: accessCode ?? "", ip, limits });
    if (!found.ok) return found;
    caseId = found.caseId;
  }
  const [row] = await sql<RelatedCase[]>`
    select c.id, c.case_type as "caseType", c.reference, c.case_number as "caseNumber", c.agency_id as "agencyId", a.name as "agencyName",
      c.officer_id as "officerId", s.full_name as "officerName", c.state
    from cases c join agencies a on a.id = c.agency_id left join staff s on s.id = c.officer_id
    where c.id = ${caseId}`;
  return row ? { ok: true, case: row } : { ok: false, reason: "not-found" };
}
