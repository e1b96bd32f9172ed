import type { Pool, Sql } from "../db";
import { findRelatedCase, type RelatedCase } from "../cases";

/**
 * The check of `relatedCaseStep` (ADR 082): the citizen's own case by its reference, else the lookup pair
 * under the lookup's rate limits (the same message for a wrong reference and a wrong code).
 */
export async function checkRelatedCaseStep(
  sql: Sql,
  { values, citizenId, ip }: { values: Record<string, unknown>; citizenId: string | null; ip: string | null },
): Promise<{ ok: true; case: RelatedCase } | { ok: false; errors: Record<string, string[]> }> {
  const found = await findRelatedCase(sql as Pool, { reference: String(values.reference ?? ""), accessCode: String(values.accessCode ?? ""), citizenId, ip });
  if (found.ok) return found;
  return { ok: false, errors: { reference: [found.reason === "rate-limited" ? "submissions.related.rateLimited" : "submissions.related.notFound"] } };
}
