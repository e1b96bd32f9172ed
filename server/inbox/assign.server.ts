import type { Pool, Sql } from "../db";
import type { StaffRole } from "../accounts";
import { scopedAgencies } from "../agencies";
import { audit } from "../audit";
import { CASE_VIEWER_ROLES } from "./list.server";

/**
 * Who holds a case's work (cases.assignee_id): claimed by a clerk, assigned or reassigned by a head. Not a
 * case-type event (the state does not change, nothing goes to the parties): one update with a version
 * check, the scope in SQL, one audit entry (docs/decisions/061-the-inbox.md).
 */

/** Who may claim an unassigned case of their office. */
export const CLAIM_ROLES = ["clerk", "head"] as const satisfies readonly StaffRole[];
/** Who may assign and reassign. */
export const ASSIGN_ROLES = ["head"] as const satisfies readonly StaffRole[];

export type AssignResult =
  | { ok: true; version: number }
  | { ok: false; reason: "not-found" | "forbidden" | "conflict" | "taken" | "bad-assignee" };

type Meta = { ip?: string | null; requestId?: string | null };

type Locked = { id: string; agency_id: string; assignee_id: string | null; version: number; closed_at: Date | null; in_scope: boolean; may: boolean };

async function lockCase(tx: Sql, caseId: string, staffId: string, roles: readonly StaffRole[]): Promise<Locked | null> {
  // Not visible at all (other office, no role) = not found: nothing tells a stranger the case exists.
  const [row] = await tx<Locked[]>`
    select c.id, c.agency_id, c.assignee_id, c.version, c.closed_at,
      c.agency_id in (${scopedAgencies(tx, staffId, CASE_VIEWER_ROLES)}) as in_scope,
      c.agency_id in (${scopedAgencies(tx, staffId, roles)}) as may
    from cases c where c.id = ${caseId}::uuid
    for update of c`;
  return row && row.in_scope ? row : null;
}

/** A clerk (or the head) takes an unassigned case of their office. */
export async function claimCase(sql: Pool, input: { caseId: string; staffId: string; expectedVersion?: number } & Meta): Promise<AssignResult> {
  return sql.begin(async (tx) => {
    const c = await lockCase(tx, input.caseId, input.staffId, CLAIM_ROLES);
    if (!c) return { ok: false as const, reason: "not-found" as const };
    if (!c.may || c.closed_at) return { ok: false as const, reason: "forbidden" as const };
    if (input.expectedVersion !== undefined && input.expectedVersion !== c.version) return { ok: false as const, reason: "conflict" as const };
    if (c.assignee_id) return { ok: false as const, reason: c.assignee_id === input.staffId ? ("conflict" as const) : ("taken" as const) };
    const [u] = await tx<{ version: number }[]>`
      update cases set assignee_id = ${input.staffId}::uuid, version = version + 1, updated_at = now()
      where id = ${c.id} and version = ${c.version} returning version`;
    await audit(tx, {
      actorType: "staff", actorId: input.staffId, agencyId: c.agency_id, action: "case.claimed", targetType: "case", targetId: c.id,
      ip: input.ip, requestId: input.requestId, details: { version: u!.version },
    });
    return { ok: true as const, version: u!.version };
  });
}

/** The head assigns (or reassigns) a case to a staff member who works at the case's office (null: unassigns). */
export async function assignCase(
  sql: Pool,
  input: { caseId: string; staffId: string; assigneeId: string | null; expectedVersion?: number } & Meta,
): Promise<AssignResult> {
  return sql.begin(async (tx) => {
    const c = await lockCase(tx, input.caseId, input.staffId, ASSIGN_ROLES);
    if (!c) return { ok: false as const, reason: "not-found" as const };
    if (!c.may || c.closed_at) return { ok: false as const, reason: "forbidden" as const };
    if (input.expectedVersion !== undefined && input.expectedVersion !== c.version) return { ok: false as const, reason: "conflict" as const };
    if (input.assigneeId !== null) {
      const [fit] = await tx`
        select 1 from staff s where s.id = ${input.assigneeId}::uuid and s.active
          and ${c.agency_id}::uuid in (${scopedAgencies(tx, input.assigneeId, CASE_VIEWER_ROLES)})`;
      if (!fit) return { ok: false as const, reason: "bad-assignee" as const };
    }
    if (c.assignee_id === input.assigneeId) return { ok: true as const, version: c.version };
    const [u] = await tx<{ version: number }[]>`
      update cases set assignee_id = ${input.assigneeId}, version = version + 1, updated_at = now()
      where id = ${c.id} and version = ${c.version} returning version`;
    await audit(tx, {
      actorType: "staff", actorId: input.staffId, agencyId: c.agency_id, action: "case.assigned", targetType: "case", targetId: c.id,
      ip: input.ip, requestId: input.requestId, details: { from: c.assignee_id, to: input.assigneeId, version: u!.version },
    });
    return { ok: true as const, version: u!.version };
  });
}

/** Staff a head may assign work to: whoever sees cases at an office the head assigns at, with those offices. */
export async function assignableStaff(sql: Sql, { staffId }: { staffId: string }) {
  return sql<{ id: string; fullName: string; agencyId: string }[]>`
    select distinct s.id, s.full_name as "fullName", r.agency_id as "agencyId"
    from staff_roles r join staff s on s.id = r.staff_id
    where s.active and r.role in ${sql(CASE_VIEWER_ROLES as unknown as StaffRole[])}
      and r.agency_id in (${scopedAgencies(sql, staffId, ASSIGN_ROLES)})
    order by s.full_name`;
}

/**
 * What the case page needs to offer claim / assign for one case (null when the case is not in this person's
 * scope): whether they may claim it now, whether they may assign it, and to whom (staff of the case's office).
 */
export async function caseAssignment(sql: Sql, { staffId, caseId }: { staffId: string; caseId: string }) {
  const [c] = await sql<{ id: string; agency_id: string; assignee_id: string | null; version: number; closed_at: Date | null; may_claim: boolean; may_assign: boolean }[]>`
    select c.id, c.agency_id, c.assignee_id, c.version, c.closed_at,
      c.agency_id in (${scopedAgencies(sql, staffId, CLAIM_ROLES)}) as may_claim,
      c.agency_id in (${scopedAgencies(sql, staffId, ASSIGN_ROLES)}) as may_assign
    from cases c
    where c.id = ${caseId}::uuid and c.agency_id in (${scopedAgencies(sql, staffId, CASE_VIEWER_ROLES)})`;
  if (!c) return null;
  const open = c.closed_at === null;
  const assignees = c.may_assign && open
    ? await sql<{ id: string; fullName: string }[]>`
        select distinct s.id, s.full_name as "fullName" from staff_roles r join staff s on s.id = r.staff_id
        where s.active and r.agency_id = ${c.agency_id}::uuid and r.role in ${sql(CASE_VIEWER_ROLES as unknown as StaffRole[])}
        order by s.full_name`
    : [];
  return { caseId: c.id, version: c.version, assigneeId: c.assignee_id, mayClaim: c.may_claim && open && c.assignee_id === null, mayAssign: c.may_assign && open, assignees };
}
