import type { Pool, Sql } from "../db";
import { fireEvent, fireEventIn, registerEventCascade, type CaseActor, type FireEventResult } from "../cases";

/**
 * The head's decision on a request to change the enforcement officer (Decree 62 art. 10, ADR 077). `grant`
 * on the officer-change case carries a cascade (ADR 082): in the same transaction, `reassignOfficer` on the
 * related enforcement case with the new officer, by the same head, so the related case's timeline, audit and
 * officer change with it, whichever door fired the grant (the staff event page, this function, a test). If
 * the reassignment refuses (the new officer is not an officer of that office, or is the same one), the grant
 * is refused with its field error and nothing is written. `refuse` is the officer-change case's event alone.
 */
export type OfficerChangeDecision = {
  caseId: string;
  staffId: string;
  decision: "grant" | "refuse";
  input: Record<string, unknown>;
  expectedVersion?: number | string | null;
  ip?: string | null;
  requestId?: string | null;
  at?: Date;
};

async function reassignRelatedCase(
  tx: Sql,
  ctx: { caseId: string; fields: Record<string, unknown>; actor: CaseActor; at: Date; ip: string | null; requestId: string | null },
): Promise<{ ok: true; fields: Record<string, unknown> } | Extract<FireEventResult, { ok: false }>> {
  const [c] = await tx<{ related_case_id: string | null; reference: string }[]>`
    select s.related_case_id, c.reference from cases c left join submissions s on s.id = c.submission_id where c.id = ${ctx.caseId}`;
  if (!c?.related_case_id) return { ok: false, reason: "illegal" };
  const moved = await fireEventIn(tx, {
    actor: ctx.actor,
    ip: ctx.ip,
    requestId: ctx.requestId,
    at: ctx.at,
    caseId: c.related_case_id,
    event: "reassignOfficer",
    input: { officerId: ctx.fields.newOfficerId, note: `${c.reference}: ${String(ctx.fields.reason ?? "")}`.slice(0, 2000) },
  });
  if (!moved.ok) {
    // The new officer must be an officer of the related case's office (and not the current one).
    return { ...moved, errors: moved.errors?.officerId ? { newOfficerId: moved.errors.officerId } : moved.errors };
  }
  return { ok: true, fields: { newOfficerName: moved.fields.officerName } };
}

registerEventCascade("officer-change", "grant", reassignRelatedCase);

export async function decideOfficerChange(sql: Pool, d: OfficerChangeDecision): Promise<FireEventResult & { relatedCaseId?: string | null }> {
  const [c] = await sql<{ related_case_id: string | null; case_type: string }[]>`
    select s.related_case_id, c.case_type from cases c left join submissions s on s.id = c.submission_id where c.id = ${d.caseId}`;
  if (!c || c.case_type !== "officer-change") return { ok: false, reason: "not-found" };
  const result = await fireEvent(sql, {
    actor: { type: "staff", staffId: d.staffId },
    ip: d.ip ?? null,
    requestId: d.requestId ?? null,
    at: d.at,
    caseId: d.caseId,
    event: d.decision,
    input: d.input,
    expectedVersion: d.expectedVersion,
  });
  return result.ok ? { ...result, relatedCaseId: c.related_case_id } : result;
}
