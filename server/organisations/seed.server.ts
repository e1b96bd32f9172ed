import type { Sql } from "../db";

/** The demo organisation (development only, ADR 069): its admin signs in with the e-mailed code (dev outbox). */
export const DEMO_ORGANISATION = {
  name: "Ngân hàng TMCP Thử Nghiệm (demo)",
  taxCode: "0312345673",
  memberEmail: "doanhnghiep@example.vn",
  memberName: "Phạm Thị Thanh Hương",
} as const;

/**
 * The demo organisation, its admin's citizen account and the cases it follows (`caseIds`: a few demo
 * cases). Re-runnable: nothing is added twice.
 */
export async function seedDemoOrganisation(sql: Sql, { caseIds }: { caseIds: readonly string[] }): Promise<void> {
  const d = DEMO_ORGANISATION;
  await sql`insert into citizens (email, full_name) values (${d.memberEmail}, ${d.memberName}) on conflict (lower(email)) do nothing`;
  const [citizen] = await sql<{ id: string }[]>`select id from citizens where lower(email) = ${d.memberEmail}`;
  await sql`insert into organisations (name, tax_code, created_by) values (${d.name}, ${d.taxCode}, ${citizen!.id}) on conflict (tax_code) do nothing`;
  const [org] = await sql<{ id: string }[]>`select id from organisations where tax_code = ${d.taxCode}`;
  await sql`insert into organisation_members (organisation_id, citizen_id, role, added_by) values (${org!.id}, ${citizen!.id}, 'admin', ${citizen!.id}) on conflict do nothing`;
  if (caseIds.length) {
    await sql`
      insert into organisation_cases (organisation_id, case_id, added_by_citizen)
      select ${org!.id}, unnest(${[...caseIds]}::uuid[]), ${citizen!.id} on conflict do nothing`;
  }
}
