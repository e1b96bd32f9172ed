import type { Sql } from "../db";
import { listAgencyTree } from "../agencies";

/**
 * Choosing the office a submission goes to, in two short lists instead of one of ~700 (ADR 082): first the
 * province (its provincial office and the regional offices below it), then the office in it. Only active
 * offices; the central department takes no submissions. Shared by feedback and denunciations.
 */
export type Choice = { value: string; label: string };

export async function provinceChoices(sql: Sql): Promise<Choice[]> {
  return (await listAgencyTree(sql)).filter((a) => a.active && a.level === "province").map((a) => ({ value: a.code, label: a.name }));
}

async function officesIn(sql: Sql, province: unknown) {
  const tree = await listAgencyTree(sql);
  const top = tree.find((a) => a.code === province && a.active && a.level === "province");
  if (!top) return [];
  return tree.filter((a) => a.active && (a.id === top.id || a.parentId === top.id));
}

/** The offices of the chosen province (the provincial office first, as the tree lists it). */
export async function officeChoicesIn(sql: Sql, province: unknown): Promise<Choice[]> {
  return (await officesIn(sql, province)).map((a) => ({ value: a.code, label: a.name }));
}

/** The office by its code, if it is one of the province's (null otherwise: the form says to choose again). */
export async function officeIn(sql: Sql, code: unknown, province: unknown): Promise<{ id: string; name: string } | null> {
  const found = (await officesIn(sql, province)).find((a) => a.code === code);
  return found ? { id: found.id, name: found.name } : null;
}
