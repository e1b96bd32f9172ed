import type { Sql } from "../db";
import type { ComplainedOf } from "./kinds";

export type Resolver = { agencyId: string; agencyName: string; level: "central" | "province" | "district"; final: boolean };

/**
 * Who resolves a complaint (art. 142), from the office of the enforcement case it is about and the agency
 * tree: an officer's act → the head of that officer's office; a district/regional head's → the provincial
 * office; a second complaint → the provincial level (final); a provincial head's → the central body.
 */
export async function resolverFor(sql: Sql, { caseAgencyId, complainedOf, round }: { caseAgencyId: string; complainedOf: ComplainedOf; round: "first" | "second" }): Promise<Resolver | null> {
  const rows = await sql<{ id: string; name: string; level: Resolver["level"]; depth: number }[]>`
    with recursive up as (
      select id, name, level, parent_id, 0 as depth from agencies where id = ${caseAgencyId}
      union all
      select a.id, a.name, a.level, a.parent_id, up.depth + 1 from agencies a join up on a.id = up.parent_id
    )
    select id, name, level, depth from up order by depth`;
  const office = rows[0];
  if (!office) return null;
  const parent = rows[1] ?? null;
  const central = rows.find((r) => r.level === "central") ?? null;
  // A second complaint: `caseAgencyId` is the office that resolved the first one; the level above decides.
  let target: (typeof rows)[number] | null;
  if (round === "second") target = parent;
  else if (complainedOf === "officer") target = office;
  else if (complainedOf === "provincial-head") target = central;
  else target = office.level === "district" ? parent : central;
  if (!target) return null;
  return { agencyId: target.id, agencyName: target.name, level: target.level, final: round === "second" };
}
