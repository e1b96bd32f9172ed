import type { Sql } from "../db";
import { audit } from "../audit";
import { caseTypeById, normaliseReference, partyCaseSummaries, partyCaseView, verifyLookupPair, type PartyCaseSummary, type PartyCaseView } from "../cases";
import type { Actor } from "./membership.server";

/**
 * The cases an organisation follows (ADR 065, 069): added only by proving the lookup pair, listed newest
 * first in keyset pages, each shown as every door shows it (partyCaseSummaries / partyCaseView). Every
 * query has the organisation id in its WHERE: another organisation's case is "not found" here.
 */

export const PAGE_SIZE = 50;

export type FollowedPage = {
  items: (PartyCaseSummary & { addedAt: string })[];
  /** The cursor of the next page (null: this is the last). */
  next: string | null;
};

type Cursor = { at: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at}|${c.id}`, "utf8").toString("base64url");
}

export function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw || raw.length > 200) return null;
  const [at, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { at, id };
}

/** One page of the organisation's followed cases; `state` filters, `reference` searches by its beginning. */
export async function followedCases(
  sql: Sql,
  { organisationId, state, reference, after }: { organisationId: string; state?: string | null; reference?: string | null; after?: string | null },
): Promise<FollowedPage> {
  const cursor = decodeCursor(after);
  const ref = reference ? normaliseReference(reference).slice(0, 40) : "";
  // The cursor carries added_at as PostgreSQL writes it, and goes back as text (a JS Date, which postgres.js
  // would make of a timestamptz parameter, cuts the microseconds and skips rows).
  const rows = await sql<{ case_id: string; added_at: Date; added_key: string }[]>`
    select oc.case_id, oc.added_at, oc.added_at::text as added_key from organisation_cases oc join cases c on c.id = oc.case_id
    where oc.organisation_id = ${organisationId}
      ${state ? sql`and c.state = ${state}` : sql``}
      ${ref ? sql`and c.reference like ${`${ref.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : sql``}
      ${cursor ? sql`and (oc.added_at, oc.case_id) < (${cursor.at}::text::timestamptz, ${cursor.id}::text::uuid)` : sql``}
    order by oc.added_at desc, oc.case_id desc
    limit ${PAGE_SIZE + 1}`;
  const page = rows.slice(0, PAGE_SIZE);
  const summaries = await partyCaseSummaries(sql, page.map((r) => r.case_id));
  const addedAt = new Map(page.map((r) => [r.case_id, r.added_at.toISOString()]));
  const last = page[page.length - 1];
  return {
    items: summaries.map((s) => ({ ...s, addedAt: addedAt.get(s.caseId)! })),
    next: rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.added_key, id: last.case_id }) : null,
  };
}

/** The states the organisation's followed cases are in (the filter's choices). */
export async function followedStates(sql: Sql, { organisationId }: { organisationId: string }): Promise<{ state: string; content: string; count: number }[]> {
  const rows = await sql<{ state: string; case_type: string; count: number }[]>`
    select c.state, c.case_type, count(*)::int as count from organisation_cases oc join cases c on c.id = oc.case_id
    where oc.organisation_id = ${organisationId} group by c.state, c.case_type order by c.state`;
  const byState = new Map<string, { state: string; content: string; count: number }>();
  for (const r of rows) {
    const prev = byState.get(r.state);
    byState.set(r.state, { state: r.state, content: prev?.content ?? caseTypeById(r.case_type).content, count: (prev?.count ?? 0) + r.count });
  }
  return [...byState.values()];
}

/** One followed case by its reference, as its parties see it; null when the organisation does not follow it. */
export async function followedCase(sql: Sql, { organisationId, reference }: { organisationId: string; reference: string }): Promise<PartyCaseView | null> {
  const ref = normaliseReference(reference);
  if (!ref || ref.length > 40) return null;
  const [row] = await sql<{ id: string }[]>`
    select c.id from cases c join organisation_cases oc on oc.case_id = c.id and oc.organisation_id = ${organisationId}
    where c.reference = ${ref}`;
  return row ? partyCaseView(sql, { caseId: row.id }) : null;
}

/** Follows the cases (already proved by their pairs); returns how many were new. */
export async function followCases(sql: Sql, { organisationId, caseIds }: { organisationId: string; caseIds: readonly string[] }, actor: Actor): Promise<number> {
  const ids = [...new Set(caseIds)];
  if (!ids.length) return 0;
  const added = await sql`
    insert into organisation_cases (organisation_id, case_id, added_by_citizen)
    select ${organisationId}, unnest(${ids}::uuid[]), ${actor.citizenId}
    on conflict do nothing returning case_id`;
  return added.count;
}

/** "Add a case" by its pair: the case followed, or null (the same for a wrong reference and a wrong code). */
export async function followByPair(
  sql: Sql,
  { organisationId, reference, accessCode }: { organisationId: string; reference: string; accessCode: string },
  actor: Actor,
): Promise<{ reference: string; added: boolean } | null> {
  const caseId = await verifyLookupPair(sql, { reference, accessCode });
  await audit(sql, {
    actorType: "citizen",
    actorId: actor.citizenId,
    action: caseId ? "organisation.case.followed" : "organisation.case.follow-refused",
    targetType: "organisation",
    targetId: organisationId,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
    details: caseId ? { caseId } : {},
  });
  if (!caseId) return null;
  const added = await followCases(sql, { organisationId, caseIds: [caseId] }, actor);
  return { reference: normaliseReference(reference), added: added > 0 };
}

/** Stops following a case (by its reference); false when the organisation did not follow it. */
export async function unfollowCase(sql: Sql, { organisationId, reference }: { organisationId: string; reference: string }, actor: Actor): Promise<boolean> {
  const ref = normaliseReference(reference);
  const [gone] = await sql<{ case_id: string }[]>`
    delete from organisation_cases oc using cases c
    where oc.organisation_id = ${organisationId} and oc.case_id = c.id and c.reference = ${ref}
    returning oc.case_id`;
  if (!gone) return false;
  await audit(sql, {
    actorType: "citizen",
    actorId: actor.citizenId,
    action: "organisation.case.unfollowed",
    targetType: "organisation",
    targetId: organisationId,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
    details: { caseId: gone.case_id },
  });
  return true;
}
