import type { Pool, Sql } from "../db";
import { audit } from "../audit";
import { LEVEL_RANK, type AgencyLevel } from "./roles";

/** Who changes organisation data (every change is audited with these). */
export type Actor = { staffId: string; ip: string | null; requestId: string | null };

export type AgencyNode = {
  id: string;
  code: string;
  name: string;
  level: AgencyLevel;
  parentId: string | null;
  active: boolean;
  depth: number;
};

type AgencyRow = { id: string; code: string; name: string; level: AgencyLevel; parent_id: string | null; active: boolean };

/** Parent before children, siblings by code; `depth` for indenting. The walk is in TypeScript (the tree is small). */
export function flattenTree(rows: AgencyRow[]): AgencyNode[] {
  const children = new Map<string | null, AgencyRow[]>();
  for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const out: AgencyNode[] = [];
  const seen = new Set<string>();
  const visit = (r: AgencyRow, depth: number) => {
    if (seen.has(r.id)) return;
    seen.add(r.id);
    out.push({ id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parent_id, active: r.active, depth });
    for (const c of children.get(r.id) ?? []) visit(c, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return out;
}

export async function listAgencyTree(sql: Sql): Promise<AgencyNode[]> {
  return flattenTree(await sql<AgencyRow[]>`select id, code, name, level, parent_id, active from agencies`);
}

export async function getAgency(sql: Sql, id: string) {
  const [row] = await sql<AgencyRow[]>`select id, code, name, level, parent_id, active from agencies where id = ${id}`;
  return row ?? null;
}

/** The ids of `id` and every office below it (walked in TypeScript over the parent links). */
export async function subtreeIds(sql: Sql, id: string): Promise<Set<string>> {
  const rows = await sql<{ id: string; parent_id: string | null }[]>`select id, parent_id from agencies`;
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) if (r.parent_id && out.has(r.parent_id) && !out.has(r.id)) (out.add(r.id), (grew = true));
  }
  return out;
}

export type TreeResult = { ok: true; id: string } | { ok: false; field: string; error: string };

/** A new office under an active parent of a higher level. Audited. */
export async function createAgency(
  sql: Pool,
  input: { code: string; name: string; parentId: string; level: AgencyLevel },
  actor: Actor,
): Promise<TreeResult> {
  return sql.begin(async (tx) => {
    const parent = await getAgency(tx, input.parentId);
    if (!parent || !parent.active) return { ok: false as const, field: "parentId", error: "admin.errors.parentUnknown" };
    if (input.level === "central" || LEVEL_RANK[input.level] <= LEVEL_RANK[parent.level]) {
      return { ok: false as const, field: "level", error: "admin.errors.levelUnderParent" };
    }
    const rows = await tx<{ id: string }[]>`
      insert into agencies (code, name, level, parent_id) values (${input.code}, ${input.name}, ${input.level}, ${parent.id})
      on conflict (code) do nothing returning id`;
    if (!rows[0]) return { ok: false as const, field: "code", error: "admin.errors.codeTaken" };
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: rows[0].id, action: "agency.create", targetType: "agency", targetId: rows[0].id,
      ip: actor.ip, requestId: actor.requestId, details: { code: input.code, name: input.name, parentCode: parent.code, level: input.level },
    });
    return { ok: true as const, id: rows[0].id };
  });
}

export async function renameAgency(sql: Pool, { id, name }: { id: string; name: string }, actor: Actor): Promise<TreeResult> {
  return sql.begin(async (tx) => {
    const before = await getAgency(tx, id);
    if (!before) return { ok: false as const, field: "name", error: "admin.errors.notFound" };
    await tx`update agencies set name = ${name}, updated_at = now() where id = ${id}`;
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: id, action: "agency.rename", targetType: "agency", targetId: id,
      ip: actor.ip, requestId: actor.requestId, details: { from: before.name, to: name },
    });
    return { ok: true as const, id };
  });
}

/**
 * Moves an office (and everything below it) under another parent. Refused: the root; a parent that is
 * the office itself or below it (a cycle); an inactive parent; a parent not of a higher level. Staff
 * scopes follow at once (they are computed from the tree on every query).
 */
export async function moveAgency(sql: Pool, { id, parentId }: { id: string; parentId: string }, actor: Actor): Promise<TreeResult> {
  return sql.begin(async (tx) => {
    // One move at a time: two concurrent moves could each pass the cycle check and together make one.
    await tx`select pg_advisory_xact_lock(hashtext('agencies.tree'))`;
    const agency = await getAgency(tx, id);
    if (!agency) return { ok: false as const, field: "parentId", error: "admin.errors.notFound" };
    if (!agency.parent_id) return { ok: false as const, field: "parentId", error: "admin.errors.rootFixed" };
    if ((await subtreeIds(tx, id)).has(parentId)) return { ok: false as const, field: "parentId", error: "admin.errors.cycle" };
    const parent = await getAgency(tx, parentId);
    if (!parent || !parent.active) return { ok: false as const, field: "parentId", error: "admin.errors.parentUnknown" };
    if (LEVEL_RANK[agency.level] <= LEVEL_RANK[parent.level]) return { ok: false as const, field: "parentId", error: "admin.errors.levelUnderParent" };
    const from = await getAgency(tx, agency.parent_id);
    await tx`update agencies set parent_id = ${parentId}, updated_at = now() where id = ${id}`;
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: id, action: "agency.move", targetType: "agency", targetId: id,
      ip: actor.ip, requestId: actor.requestId, details: { code: agency.code, fromParent: from?.code ?? null, toParent: parent.code },
    });
    return { ok: true as const, id };
  });
}

/** What keeps an office from being deactivated (docs/decisions/052): people, sub-offices and open work. */
export type Blockers = { subOffices: number; staff: number; courts: number; unpaidNotices: number; openRequests: number };

export async function deactivationBlockers(sql: Sql, id: string): Promise<Blockers> {
  const [row] = await sql<Blockers[]>`
    select
      (select count(*)::int from agencies where parent_id = ${id} and active) as "subOffices",
      (select count(distinct r.staff_id)::int from staff_roles r join staff s on s.id = r.staff_id where r.agency_id = ${id} and s.active) as staff,
      (select count(*)::int from courts where agency_id = ${id} and active) as courts,
      (select count(*)::int from fee_notices where agency_id = ${id} and status = 'unpaid') as "unpaidNotices",
      (select count(*)::int from enforcement_requests where agency_id = ${id} and status in ('submitted', 'more_info')) as "openRequests"`;
  return row!;
}

export type DeactivateResult = { ok: true } | { ok: false; error: string; blockers?: Blockers };

/** Deactivates an office with nothing left in it; otherwise says what is left. Audited. */
export async function deactivateAgency(sql: Pool, { id }: { id: string }, actor: Actor): Promise<DeactivateResult> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('agencies.tree'))`;
    const agency = await getAgency(tx, id);
    if (!agency) return { ok: false as const, error: "admin.errors.notFound" };
    if (!agency.parent_id) return { ok: false as const, error: "admin.errors.rootFixed" };
    if (!agency.active) return { ok: true as const };
    const blockers = await deactivationBlockers(tx, id);
    if (Object.values(blockers).some((n) => n > 0)) return { ok: false as const, error: "admin.errors.stillInUse", blockers };
    await tx`update agencies set active = false, updated_at = now() where id = ${id}`;
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: id, action: "agency.deactivate", targetType: "agency", targetId: id,
      ip: actor.ip, requestId: actor.requestId, details: { code: agency.code },
    });
    return { ok: true as const };
  });
}
