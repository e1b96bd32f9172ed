import type { Sql } from "../db";

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
