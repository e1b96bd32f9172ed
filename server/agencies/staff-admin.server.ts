import type { Pool, Sql } from "../db";
import { audit } from "../audit";
import { hashPassword, revokeAllSessions } from "../accounts";
import type { StaffRole } from "../accounts";
import type { Actor } from "./tree.server";

/**
 * Staff accounts as organisation data: who works where, in which role, reaching sub-offices or not.
 * Signing in and sessions stay in server/accounts; an administrator here creates an account with an
 * initial password (given to the person, who changes it), grants and removes roles, deactivates, and
 * ends every session of an account at once.
 */

export type StaffListRow = { id: string; email: string; fullName: string; active: boolean; roles: string[]; openSessions: number };

export async function listStaffAccounts(sql: Sql): Promise<StaffListRow[]> {
  const rows = await sql<{ id: string; email: string; full_name: string; active: boolean; roles: string[] | null; open_sessions: number }[]>`
    select s.id, s.email, s.full_name, s.active,
      (select array_agg(r.role::text || '@' || a.code order by a.code, r.role) from staff_roles r join agencies a on a.id = r.agency_id where r.staff_id = s.id) as roles,
      (select count(*)::int from sessions x where x.staff_id = s.id and x.revoked_at is null and x.expires_at > now()) as open_sessions
    from staff s order by s.active desc, s.full_name`;
  return rows.map((r) => ({ id: r.id, email: r.email, fullName: r.full_name, active: r.active, roles: r.roles ?? [], openSessions: r.open_sessions }));
}

export type StaffAccount = {
  id: string;
  email: string;
  fullName: string;
  active: boolean;
  openSessions: number;
  roles: { agencyId: string; agencyCode: string; agencyName: string; role: StaffRole; reachesSubOffices: boolean }[];
};

export async function getStaffAccount(sql: Sql, id: string): Promise<StaffAccount | null> {
  const [s] = await sql<{ id: string; email: string; full_name: string; active: boolean; open_sessions: number }[]>`
    select s.id, s.email, s.full_name, s.active,
      (select count(*)::int from sessions x where x.staff_id = s.id and x.revoked_at is null and x.expires_at > now()) as open_sessions
    from staff s where s.id = ${id}`;
  if (!s) return null;
  const roles = await sql<{ agency_id: string; code: string; name: string; role: StaffRole; reaches_sub_offices: boolean }[]>`
    select r.agency_id, a.code, a.name, r.role, r.reaches_sub_offices from staff_roles r join agencies a on a.id = r.agency_id
    where r.staff_id = ${id} order by a.code, r.role`;
  return {
    id: s.id, email: s.email, fullName: s.full_name, active: s.active, openSessions: s.open_sessions,
    roles: roles.map((r) => ({ agencyId: r.agency_id, agencyCode: r.code, agencyName: r.name, role: r.role, reachesSubOffices: r.reaches_sub_offices })),
  };
}

export type StaffResult = { ok: true; id: string } | { ok: false; field: string; error: string };

export async function createStaffAccount(sql: Pool, input: { fullName: string; email: string; password: string }, actor: Actor): Promise<StaffResult> {
  const passwordHash = await hashPassword(input.password);
  return sql.begin(async (tx) => {
    const email = input.email.toLowerCase();
    const [taken] = await tx`select 1 from staff where lower(email) = ${email}`;
    if (taken) return { ok: false as const, field: "email", error: "admin.errors.emailTaken" };
    const [row] = await tx<{ id: string }[]>`
      insert into staff (email, full_name, password_hash) values (${email}, ${input.fullName}, ${passwordHash}) returning id`;
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, action: "staff.create", targetType: "staff", targetId: row!.id,
      ip: actor.ip, requestId: actor.requestId, details: { email, fullName: input.fullName },
    });
    return { ok: true as const, id: row!.id };
  });
}

/** Grants (or updates the reach of) a role at an active office. Audited. */
export async function grantRole(
  sql: Pool,
  input: { staffId: string; agencyId: string; role: StaffRole; reachesSubOffices: boolean },
  actor: Actor,
): Promise<StaffResult> {
  return sql.begin(async (tx) => {
    const [agency] = await tx<{ code: string }[]>`select code from agencies where id = ${input.agencyId} and active`;
    if (!agency) return { ok: false as const, field: "agencyId", error: "admin.errors.agencyRequired" };
    const [staff] = await tx`select 1 from staff where id = ${input.staffId}`;
    if (!staff) return { ok: false as const, field: "agencyId", error: "admin.errors.notFound" };
    await tx`
      insert into staff_roles (staff_id, agency_id, role, reaches_sub_offices)
      values (${input.staffId}, ${input.agencyId}, ${input.role}, ${input.reachesSubOffices})
      on conflict (staff_id, agency_id, role) do update set reaches_sub_offices = excluded.reaches_sub_offices`;
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: input.agencyId, action: "staff.role.grant", targetType: "staff", targetId: input.staffId,
      ip: actor.ip, requestId: actor.requestId, details: { role: input.role, agencyCode: agency.code, reachesSubOffices: input.reachesSubOffices },
    });
    return { ok: true as const, id: input.staffId };
  });
}

export async function removeRole(sql: Pool, input: { staffId: string; agencyId: string; role: StaffRole }, actor: Actor): Promise<StaffResult> {
  return sql.begin(async (tx) => {
    const rows = await tx`
      delete from staff_roles where staff_id = ${input.staffId} and agency_id = ${input.agencyId} and role = ${input.role} returning 1`;
    if (!rows.length) return { ok: false as const, field: "role", error: "admin.errors.notFound" };
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: input.agencyId, action: "staff.role.remove", targetType: "staff", targetId: input.staffId,
      ip: actor.ip, requestId: actor.requestId, details: { role: input.role },
    });
    return { ok: true as const, id: input.staffId };
  });
}

/** Ends every open session of the account at once (the next request of each is signed out). Audited. */
export async function revokeStaffSessions(sql: Pool, { staffId }: { staffId: string }, actor: Actor): Promise<number> {
  return sql.begin(async (tx) => {
    const count = await revokeAllSessions(tx, { staffId });
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, action: "staff.sessions.revoke", targetType: "staff", targetId: staffId,
      ip: actor.ip, requestId: actor.requestId, details: { count },
    });
    return count;
  });
}

/** Deactivates the account (it can no longer sign in) and ends its sessions. Not oneself. Audited. */
export async function deactivateStaff(sql: Pool, { staffId }: { staffId: string }, actor: Actor): Promise<StaffResult> {
  if (staffId === actor.staffId) return { ok: false, field: "_form", error: "admin.errors.notYourself" };
  return sql.begin(async (tx) => {
    const rows = await tx`update staff set active = false where id = ${staffId} and active returning 1`;
    if (!rows.length) return { ok: false as const, field: "_form", error: "admin.errors.notFound" };
    const count = await revokeAllSessions(tx, { staffId });
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, action: "staff.deactivate", targetType: "staff", targetId: staffId,
      ip: actor.ip, requestId: actor.requestId, details: { sessionsRevoked: count },
    });
    return { ok: true as const, id: staffId };
  });
}
