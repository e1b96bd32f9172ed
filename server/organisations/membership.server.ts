import type { Pool, Sql } from "../db";
import { audit } from "../audit";
import { validateTaxCode } from "../../vocabulary/identity";

/**
 * Who may do what in an organisation (ADR 065): members (citizens' accounts) see its cases; admins also
 * manage members, API keys and webhooks. Every query of an organisation's data goes through one of these,
 * with the organisation id in its WHERE: another organisation's id gives null, as a missing one does.
 */
export type OrganisationRole = "admin" | "member";
export type Membership = { organisationId: string; name: string; taxCode: string; role: OrganisationRole };

/** The citizen's membership of one organisation, or null (not a member, or no such organisation). */
export async function membershipOf(sql: Sql, { organisationId, citizenId }: { organisationId: string; citizenId: string }): Promise<Membership | null> {
  const [m] = await sql<{ organisation_id: string; name: string; tax_code: string; role: OrganisationRole }[]>`
    select o.id as organisation_id, o.name, o.tax_code, m.role
    from organisation_members m join organisations o on o.id = m.organisation_id
    where m.organisation_id = ${organisationId} and m.citizen_id = ${citizenId}`;
  return m ? { organisationId: m.organisation_id, name: m.name, taxCode: m.tax_code, role: m.role } : null;
}

/** Every organisation the citizen belongs to, by name. */
export async function membershipsOf(sql: Sql, { citizenId }: { citizenId: string }): Promise<Membership[]> {
  const rows = await sql<{ organisation_id: string; name: string; tax_code: string; role: OrganisationRole }[]>`
    select o.id as organisation_id, o.name, o.tax_code, m.role
    from organisation_members m join organisations o on o.id = m.organisation_id
    where m.citizen_id = ${citizenId} order by o.name`;
  return rows.map((m) => ({ organisationId: m.organisation_id, name: m.name, taxCode: m.tax_code, role: m.role }));
}

/** Whether the organisation follows the case (the only way its members, keys and webhooks reach a case). */
export async function followsCase(sql: Sql, { organisationId, caseId }: { organisationId: string; caseId: string }): Promise<boolean> {
  const [r] = await sql`select 1 from organisation_cases where organisation_id = ${organisationId} and case_id = ${caseId}`;
  return !!r;
}

/** The organisations following a case (for its webhooks). */
export async function followersOf(sql: Sql, { caseId }: { caseId: string }): Promise<string[]> {
  const rows = await sql<{ organisation_id: string }[]>`select organisation_id from organisation_cases where case_id = ${caseId}`;
  return rows.map((r) => r.organisation_id);
}

// ---- Creating an organisation and managing its members (admins only) --------------------------------

export type OrganisationProblem =
  | "name"
  | "taxCode.empty"
  | "taxCode.format"
  | "taxCode.checkDigit"
  | "taxCode.branch"
  | "taxCode.taken"
  | "email"
  | "role"
  | "alreadyMember"
  | "lastAdmin"
  | "notMember";

export type Actor = { citizenId: string; ip?: string | null; requestId?: string | null };

const auditOrg = (sql: Sql, actor: Actor, action: string, organisationId: string, details: Record<string, unknown> = {}) =>
  audit(sql, {
    actorType: "citizen",
    actorId: actor.citizenId,
    action,
    targetType: "organisation",
    targetId: organisationId,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
    details,
  });

/** A signed-in citizen creates an organisation (name + enterprise code, unique) and becomes its admin. */
export async function createOrganisation(
  sql: Pool,
  input: { name: string; taxCode: string },
  actor: Actor,
): Promise<{ ok: true; organisationId: string } | { ok: false; problems: Partial<Record<"name" | "taxCode", OrganisationProblem>> }> {
  const name = input.name.normalize("NFC").trim().replace(/\s+/g, " ");
  const tax = validateTaxCode(input.taxCode);
  const problems: Partial<Record<"name" | "taxCode", OrganisationProblem>> = {};
  if (name.length < 2 || name.length > 200) problems.name = "name";
  if (!tax.valid) problems.taxCode = `taxCode.${tax.reason}` as OrganisationProblem;
  if (problems.name || problems.taxCode || !tax.valid) return { ok: false, problems };
  const taxCode = tax.value.replace("-", "");
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into organisations (name, tax_code, created_by) values (${name}, ${taxCode}, ${actor.citizenId})
      on conflict (tax_code) do nothing returning id`;
    if (!row) return { ok: false as const, problems: { taxCode: "taxCode.taken" as const } };
    await tx`insert into organisation_members (organisation_id, citizen_id, role, added_by) values (${row.id}, ${actor.citizenId}, 'admin', ${actor.citizenId})`;
    await auditOrg(tx, actor, "organisation.created", row.id, { name, taxCode });
    return { ok: true as const, organisationId: row.id };
  });
}

export type MemberRow = { citizenId: string; email: string | null; fullName: string | null; role: OrganisationRole; addedAt: string; you: boolean };

/** The organisation's members (the caller has checked membership). */
export async function membersOf(sql: Sql, { organisationId, citizenId }: { organisationId: string; citizenId: string }): Promise<MemberRow[]> {
  const rows = await sql<{ citizen_id: string; email: string | null; full_name: string | null; role: OrganisationRole; added_at: Date }[]>`
    select m.citizen_id, c.email, c.full_name, m.role, m.added_at
    from organisation_members m join citizens c on c.id = m.citizen_id
    where m.organisation_id = ${organisationId}
    order by m.role, lower(c.email), m.citizen_id`;
  return rows.map((r) => ({ citizenId: r.citizen_id, email: r.email, fullName: r.full_name, role: r.role, addedAt: r.added_at.toISOString(), you: r.citizen_id === citizenId }));
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/;

/**
 * An admin adds a member by e-mail: an unknown address gets its citizens row now (citizens.email is
 * unique), so the person is a member when they first sign in with it.
 */
export async function addMember(
  sql: Pool,
  { organisationId, email, role }: { organisationId: string; email: string; role: string },
  actor: Actor,
): Promise<{ ok: true } | { ok: false; problems: Partial<Record<"email" | "role", OrganisationProblem>> }> {
  const address = email.trim().toLowerCase();
  const problems: Partial<Record<"email" | "role", OrganisationProblem>> = {};
  if (!EMAIL.test(address) || address.length > 320) problems.email = "email";
  if (role !== "admin" && role !== "member") problems.role = "role";
  if (problems.email || problems.role) return { ok: false, problems };
  return sql.begin(async (tx) => {
    const [admin] = await tx`select 1 from organisation_members where organisation_id = ${organisationId} and citizen_id = ${actor.citizenId} and role = 'admin'`;
    if (!admin) return { ok: false as const, problems: { email: "notMember" as const } };
    await tx`insert into citizens (email) values (${address}) on conflict (lower(email)) do nothing`;
    const [citizen] = await tx<{ id: string }[]>`select id from citizens where lower(email) = ${address}`;
    const [added] = await tx`
      insert into organisation_members (organisation_id, citizen_id, role, added_by)
      values (${organisationId}, ${citizen!.id}, ${role}, ${actor.citizenId})
      on conflict do nothing returning 1`;
    if (!added) return { ok: false as const, problems: { email: "alreadyMember" as const } };
    await auditOrg(tx, actor, "organisation.member.added", organisationId, { memberId: citizen!.id, role });
    return { ok: true as const };
  });
}

/**
 * An admin changes a member's role or removes them; never the last admin (checked under a lock on the
 * organisation's member rows, so two admins demoting each other at once cannot both succeed).
 */
export async function changeMember(
  sql: Pool,
  { organisationId, memberId, change }: { organisationId: string; memberId: string; change: "admin" | "member" | "remove" },
  actor: Actor,
): Promise<{ ok: true } | { ok: false; problem: OrganisationProblem }> {
  return sql.begin(async (tx) => {
    const rows = await tx<{ citizen_id: string; role: OrganisationRole }[]>`
      select citizen_id, role from organisation_members where organisation_id = ${organisationId} order by citizen_id for update`;
    if (!rows.some((r) => r.citizen_id === actor.citizenId && r.role === "admin")) return { ok: false as const, problem: "notMember" as const };
    const member = rows.find((r) => r.citizen_id === memberId);
    if (!member) return { ok: false as const, problem: "notMember" as const };
    const admins = rows.filter((r) => r.role === "admin").length;
    if (member.role === "admin" && change !== "admin" && admins <= 1) return { ok: false as const, problem: "lastAdmin" as const };
    if (change === "remove") {
      await tx`delete from organisation_members where organisation_id = ${organisationId} and citizen_id = ${memberId}`;
      await auditOrg(tx, actor, "organisation.member.removed", organisationId, { memberId, role: member.role });
    } else if (change !== member.role) {
      await tx`update organisation_members set role = ${change} where organisation_id = ${organisationId} and citizen_id = ${memberId}`;
      await auditOrg(tx, actor, "organisation.member.role-changed", organisationId, { memberId, from: member.role, to: change });
    }
    return { ok: true as const };
  });
}
