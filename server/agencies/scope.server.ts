import type { Sql } from "../db";
import type { StaffRole } from "../accounts";

/**
 * THE staff scope (docs/decisions/052-agencies-and-one-scope.md): the agencies where a staff member holds
 * one of `roles`, plus, for a role held with `reaches_sub_offices`, every office below that agency in the
 * tree as it is now. A postgres.js fragment usable as `where x.agency_id in (${scopedAgencies(...)})`:
 * every staff list and every "may this person act at this office" check goes through it, so moving an
 * office in the tree moves what its staff can see, at once, everywhere. The recursive walk over the tree
 * lives here and nowhere else.
 */
export function scopedAgencies(sql: Sql, staffId: string, roles: readonly StaffRole[]) {
  return sql`
    with recursive scope (agency_id, reaches) as (
      select r.agency_id, r.reaches_sub_offices from staff_roles r
      where r.staff_id = ${staffId} and r.role in ${sql(roles as StaffRole[])}
      union
      select a.id, true from agencies a join scope s on a.parent_id = s.agency_id where s.reaches
    )
    select agency_id from scope`;
}

/** Does this staff member hold one of `roles` at `agencyId` (directly, or above it with reach)? */
export async function actsAt(sql: Sql, { staffId, agencyId, roles }: { staffId: string; agencyId: string; roles: readonly StaffRole[] }): Promise<boolean> {
  const [row] = await sql`select 1 where ${agencyId}::uuid in (${scopedAgencies(sql, staffId, roles)})`;
  return Boolean(row);
}

/** The active agencies in this staff member's scope for `roles`, by name (for choosers such as "collecting office"). */
export async function agenciesInScope(sql: Sql, { staffId, roles }: { staffId: string; roles: readonly StaffRole[] }) {
  return sql<{ id: string; code: string; name: string }[]>`
    select a.id, a.code, a.name from agencies a
    where a.active and a.id in (${scopedAgencies(sql, staffId, roles)}) order by a.name`;
}
