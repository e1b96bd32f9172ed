import type { PendingQuery, Row } from "postgres";
import type { Pool, Sql } from "../db";
import type { StaffRole } from "../accounts";
import { actsAt, scopedAgencies } from "../agencies";
import { audit } from "../audit";
import { normaliseForSearch } from "../cases";
import { loadCalendar, vnDay } from "../deadlines";
import { formatMoney } from "../../vocabulary/format";
import { changeBy, lateOn, publishBy, publishedUntil, removeBy } from "./rules";
import type { EditInput, EntryInput, RemovalGround, RemovalInput } from "./schemas";

// The staff side of the debtor list (docs/decisions/072-debtor-list.md): officers add, change and remove the
// entries of their office's cases; heads see their scope. Every check of who may act is in SQL (the scope of
// server/agencies), and every write is audited in the same transaction.

/** Who may add, change and remove entries (at the entry's office). */
export const WRITE_ROLES = ["officer"] as const satisfies readonly StaffRole[];
/** Who sees an office's entries in the staff list. */
export const VIEW_ROLES = ["officer", "head"] as const satisfies readonly StaffRole[];

type Actor = { staffId: string; ip: string | null; requestId: string | null };

export type StaffEntry = {
  id: string;
  caseId: string | null;
  caseReference: string | null;
  agencyId: string;
  agencyName: string;
  debtorName: string;
  debtorAddress: string;
  judgment: string;
  enforcementDecision: string;
  obligation: string;
  reason: string;
  decidedOn: string;
  decisionBasis: string;
  publishBy: string;
  publishedUntil: string;
  createdAt: Date;
  createdBy: string | null;
  publishedLate: boolean;
  changedOn: string | null;
  changeBy: string | null;
  changedLate: boolean;
  updatedAt: Date;
  version: number;
  removalGround: RemovalGround | null;
  removalGroundOn: string | null;
  removeBy: string | null;
  removedAt: Date | null;
  removedLate: boolean;
  expired: boolean;
  mayWrite: boolean;
};

type DbEntry = {
  id: string; case_id: string | null; case_reference: string | null; agency_id: string; agency_name: string;
  debtor_name: string; debtor_address: string; judgment: string; enforcement_decision: string; obligation: string; reason: string;
  decided_on: string; decision_basis: string; publish_by: string; published_until: string; created_at: Date; created_by_name: string | null;
  changed_on: string | null; change_by: string | null; updated_at: Date; version: number;
  removal_ground: RemovalGround | null; removal_ground_on: string | null; remove_by: string | null; removed_at: Date | null;
  may_write: boolean; today: string;
};

const toEntry = (r: DbEntry): StaffEntry => ({
  id: r.id, caseId: r.case_id, caseReference: r.case_reference, agencyId: r.agency_id, agencyName: r.agency_name,
  debtorName: r.debtor_name, debtorAddress: r.debtor_address, judgment: r.judgment, enforcementDecision: r.enforcement_decision,
  obligation: r.obligation, reason: r.reason, decidedOn: r.decided_on, decisionBasis: r.decision_basis,
  publishBy: r.publish_by, publishedUntil: r.published_until, createdAt: r.created_at, createdBy: r.created_by_name,
  publishedLate: lateOn(r.created_at, r.publish_by),
  changedOn: r.changed_on, changeBy: r.change_by, changedLate: r.change_by !== null && lateOn(r.updated_at, r.change_by),
  updatedAt: r.updated_at, version: r.version,
  removalGround: r.removal_ground, removalGroundOn: r.removal_ground_on, removeBy: r.remove_by, removedAt: r.removed_at,
  removedLate: r.removed_at !== null && lateOn(r.removed_at, r.remove_by),
  expired: r.removed_at === null && r.published_until < r.today,
  mayWrite: r.may_write,
});

const TODAY = (sql: Sql) => sql`(now() at time zone 'Asia/Ho_Chi_Minh')::date`;

function selectEntries(sql: Sql, staffId: string) {
  return sql`
    select e.id, e.case_id, c.reference as case_reference, e.agency_id, a.name as agency_name,
      e.debtor_name, e.debtor_address, e.judgment, e.enforcement_decision, e.obligation, e.reason,
      e.decided_on::text as decided_on, e.decision_basis, e.publish_by::text as publish_by, e.published_until::text as published_until,
      e.created_at, s.full_name as created_by_name, e.changed_on::text as changed_on, e.change_by::text as change_by, e.updated_at, e.version,
      e.removal_ground, e.removal_ground_on::text as removal_ground_on, e.remove_by::text as remove_by, e.removed_at,
      e.agency_id in (${scopedAgencies(sql, staffId, WRITE_ROLES)}) as may_write, ${TODAY(sql)}::text as today
    from debtor_list_entries e join agencies a on a.id = e.agency_id
      left join cases c on c.id = e.case_id left join staff s on s.id = e.created_by`;
}

/** One entry, if it is in the viewer's scope (null otherwise: the same answer as a missing one). */
export async function entryForStaff(sql: Sql, { staffId, entryId }: { staffId: string; entryId: string }): Promise<StaffEntry | null> {
  const [row] = await sql<DbEntry[]>`${selectEntries(sql, staffId)}
    where e.id = ${entryId}::uuid and e.agency_id in (${scopedAgencies(sql, staffId, VIEW_ROLES)})`;
  return row ? toEntry(row) : null;
}

export type StaffListQuery = { q: string; office: string | null; status: "current" | "removed" | "expired" | "all"; due: "" | "expiring" | "late" };
export const STAFF_STATUSES = ["current", "removed", "expired", "all"] as const;
export const STAFF_DUES = ["expiring", "late"] as const;
/** Entries whose publication ends within this many days count as "expiring" (re-verify and re-record them). */
export const EXPIRING_DAYS = 30;
export const STAFF_LIST_MAX = 200;

type Fragment = PendingQuery<Row[]>;

/** The staff list: the offices in scope, filtered; newest first, at most STAFF_LIST_MAX rows. */
export async function listForStaff(sql: Sql, { staffId, query }: { staffId: string; query: StaffListQuery }): Promise<StaffEntry[]> {
  const parts: Fragment[] = [sql`e.agency_id in (${scopedAgencies(sql, staffId, VIEW_ROLES)})`];
  if (query.office) parts.push(sql`e.agency_id = ${query.office}::uuid`);
  const needle = normaliseForSearch(query.q);
  if (needle) parts.push(sql`e.search_name like ${`%${needle}%`}`);
  if (query.status === "current") parts.push(sql`e.removed_at is null and e.published_until >= ${TODAY(sql)}`);
  if (query.status === "removed") parts.push(sql`e.removed_at is not null`);
  if (query.status === "expired") parts.push(sql`e.removed_at is null and e.published_until < ${TODAY(sql)}`);
  if (query.due === "expiring") parts.push(sql`e.removed_at is null and e.published_until between ${TODAY(sql)} and ${TODAY(sql)} + ${EXPIRING_DAYS}::int`);
  if (query.due === "late") {
    parts.push(sql`((e.created_at at time zone 'Asia/Ho_Chi_Minh')::date > e.publish_by
      or (e.change_by is not null and (e.updated_at at time zone 'Asia/Ho_Chi_Minh')::date > e.change_by)
      or (e.removed_at is not null and (e.removed_at at time zone 'Asia/Ho_Chi_Minh')::date > e.remove_by))`);
  }
  const where = parts.reduce((acc, p) => sql`${acc} and ${p}`);
  const rows = await sql<DbEntry[]>`${selectEntries(sql, staffId)} where ${where} order by e.created_at desc, e.id desc limit ${STAFF_LIST_MAX}`;
  return rows.map(toEntry);
}

/** The offices in the viewer's scope (the staff list's office filter). */
export function officesForStaff(sql: Sql, { staffId }: { staffId: string }) {
  return sql<{ id: string; name: string }[]>`
    select a.id, a.name from agencies a where a.id in (${scopedAgencies(sql, staffId, VIEW_ROLES)}) order by a.name`;
}

export type CaseForEntry = { caseId: string; reference: string; agencyId: string; agencyName: string; existingEntryId: string | null; prefill: EntryInput; mayWrite: boolean };

/**
 * A case an entry can be added for, with the form prefilled from the case and its request (name, address, the
 * judgment, the enforcement decision = the case number, the unmet obligation); null when the case is not in
 * the viewer's scope.
 */
export async function caseForEntry(sql: Sql, { staffId, caseId, locale }: { staffId: string; caseId: string; locale: "vi" | "en" }): Promise<CaseForEntry | null> {
  const [c] = await sql<{
    id: string; reference: string; agency_id: string; agency_name: string; case_number: string | null; other_party_name: string | null;
    debtor_name: string | null; debtor_address: string | null; judgment_number: string | null; judgment_effective_on: string | null; court_name: string | null;
    money_amount: string | null; existing: string | null; may_write: boolean;
  }[]>`
    select c.id, c.reference, c.agency_id, a.name as agency_name, c.case_number, c.other_party_name,
      r.debtor_name, coalesce(r.answers -> 'debtor' ->> 'debtorAddress', '') as debtor_address,
      r.judgment_number, to_char(r.judgment_effective_on, 'DD/MM/YYYY') as judgment_effective_on, ct.name as court_name, r.money_amount::text as money_amount,
      (select e.id from debtor_list_entries e where e.case_id = c.id and e.removed_at is null) as existing,
      c.agency_id in (${scopedAgencies(sql, staffId, WRITE_ROLES)}) as may_write
    from cases c join agencies a on a.id = c.agency_id
      left join enforcement_requests r on c.case_type = 'enforcement-request' and r.id = c.submission_id
      left join courts ct on ct.id = r.court_id
    where c.id = ${caseId}::uuid and c.agency_id in (${scopedAgencies(sql, staffId, VIEW_ROLES)})`;
  if (!c) return null;
  const judgment = c.judgment_number ? [c.judgment_number, c.judgment_effective_on, c.court_name].filter(Boolean).join(", ") : "";
  return {
    caseId: c.id, reference: c.reference, agencyId: c.agency_id, agencyName: c.agency_name, existingEntryId: c.existing, mayWrite: c.may_write,
    prefill: {
      debtorName: c.debtor_name ?? c.other_party_name ?? "",
      debtorAddress: c.debtor_address ?? "",
      judgment,
      enforcementDecision: c.case_number ?? "",
      obligation: c.money_amount ? formatMoney(BigInt(c.money_amount), locale) : "",
      reason: "",
      decidedOn: "",
      decisionBasis: "",
    },
  };
}

/** The province of an office: the provincial office at or above it (or the office itself at the top). */
export function provinceOf(sql: Sql, agencyId: string) {
  return sql`(
    with recursive up (id, parent_id, level, depth) as (
      select id, parent_id, level, 0 from agencies where id = ${agencyId}::uuid
      union all select a.id, a.parent_id, a.level, up.depth + 1 from agencies a join up on a.id = up.parent_id
    )
    select coalesce((select id from up where level = 'province' order by depth limit 1), ${agencyId}::uuid))`;
}

/** Every word-start of a normalised name: "nguyen van an" → ["nguyen van an", "van an", "an"] (debtor_list_search). */
export function nameSuffixes(searchName: string): string[] {
  const words = searchName.split(" ").filter(Boolean);
  return [...new Set(words.map((_, i) => words.slice(i).join(" ")))];
}

/** (Re)writes the search rows of an entry from its stored name, office and province. */
export async function indexEntry(tx: Sql, entryId: string, searchName: string) {
  await tx`delete from debtor_list_search where entry_id = ${entryId}::uuid`;
  const suffixes = nameSuffixes(searchName);
  if (!suffixes.length) return;
  await tx`
    insert into debtor_list_search (entry_id, suffix, search_name, agency_id, province_id)
    select e.id, s, e.search_name, e.agency_id, e.province_id from debtor_list_entries e, unnest(${suffixes}::text[]) s
    where e.id = ${entryId}::uuid`;
}

export type WriteResult = { ok: true; id: string } | { ok: false; reason: "not-found" | "forbidden" | "exists" | "conflict" };

/** Adds the entry of a case at the case's office (an officer there only); audited. */
export async function addEntry(sql: Pool, { caseId, input, ...actor }: Actor & { caseId: string; input: EntryInput }): Promise<WriteResult> {
  const calendar = await loadCalendar(sql);
  const publish = publishBy(calendar, input.decidedOn);
  const until = publishedUntil(input.decidedOn);
  return sql.begin(async (tx) => {
    const [c] = await tx<{ agency_id: string }[]>`select agency_id from cases where id = ${caseId}::uuid for update`;
    if (!c) return { ok: false as const, reason: "not-found" as const };
    if (!(await actsAt(tx, { staffId: actor.staffId, agencyId: c.agency_id, roles: WRITE_ROLES }))) return { ok: false as const, reason: "forbidden" as const };
    const [exists] = await tx`select 1 from debtor_list_entries where case_id = ${caseId}::uuid and removed_at is null`;
    if (exists) return { ok: false as const, reason: "exists" as const };
    const [row] = await tx<{ id: string }[]>`
      insert into debtor_list_entries (case_id, agency_id, province_id, debtor_name, debtor_address, judgment, enforcement_decision, obligation, reason,
        decided_on, decision_basis, publish_by, published_until, search_name, created_by, updated_by)
      values (${caseId}::uuid, ${c.agency_id}, ${provinceOf(tx, c.agency_id)}, ${input.debtorName}, ${input.debtorAddress}, ${input.judgment},
        ${input.enforcementDecision}, ${input.obligation}, ${input.reason}, ${input.decidedOn}::date, ${input.decisionBasis},
        ${publish.dueOn}::date, ${until.dueOn}::date, ${normaliseForSearch(input.debtorName)}, ${actor.staffId}, ${actor.staffId})
      returning id`;
    await indexEntry(tx, row!.id, normaliseForSearch(input.debtorName));
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: c.agency_id, action: "debtor_list.add", targetType: "debtor_list_entry", targetId: row!.id,
      ip: actor.ip, requestId: actor.requestId,
      details: { caseId, decidedOn: input.decidedOn, publishBy: publish.dueOn, rule: `${publish.rule.id}@${publish.rule.effectiveFrom}`, publishedUntil: until.dueOn },
    });
    return { ok: true as const, id: row!.id };
  });
}

/** Locks a current entry an officer of its office may write, or says why not. */
async function lockForWrite(tx: Sql, { entryId, staffId, version }: { entryId: string; staffId: string; version: number }) {
  const [e] = await tx<{ agency_id: string; version: number; removed_at: Date | null; in_view: boolean }[]>`
    select agency_id, version, removed_at, agency_id in (${scopedAgencies(tx, staffId, VIEW_ROLES)}) as in_view
    from debtor_list_entries where id = ${entryId}::uuid for update`;
  if (!e || !e.in_view) return { ok: false as const, reason: "not-found" as const };
  if (!(await actsAt(tx, { staffId, agencyId: e.agency_id, roles: WRITE_ROLES }))) return { ok: false as const, reason: "forbidden" as const };
  if (e.removed_at !== null || e.version !== version) return { ok: false as const, reason: "conflict" as const };
  return { ok: true as const, agencyId: e.agency_id };
}

/** Changes an entry (the day the information changed gives the change-by date); audited with what changed. */
export async function editEntry(sql: Pool, { entryId, input, ...actor }: Actor & { entryId: string; input: EditInput }): Promise<WriteResult> {
  const calendar = await loadCalendar(sql);
  const change = changeBy(calendar, input.changedOn);
  const publish = publishBy(calendar, input.decidedOn);
  const until = publishedUntil(input.decidedOn);
  return sql.begin(async (tx) => {
    const lock = await lockForWrite(tx, { entryId, staffId: actor.staffId, version: input.version });
    if (!lock.ok) return lock;
    const [before] = await tx<Record<string, string>[]>`
      select debtor_name, debtor_address, judgment, enforcement_decision, obligation, reason, decided_on::text as decided_on, decision_basis
      from debtor_list_entries where id = ${entryId}::uuid`;
    const after: Record<string, string> = {
      debtor_name: input.debtorName, debtor_address: input.debtorAddress, judgment: input.judgment, enforcement_decision: input.enforcementDecision,
      obligation: input.obligation, reason: input.reason, decided_on: input.decidedOn, decision_basis: input.decisionBasis,
    };
    const changed = Object.keys(after).filter((k) => before![k] !== after[k]);
    await tx`
      update debtor_list_entries set debtor_name = ${input.debtorName}, debtor_address = ${input.debtorAddress}, judgment = ${input.judgment},
        enforcement_decision = ${input.enforcementDecision}, obligation = ${input.obligation}, reason = ${input.reason},
        decided_on = ${input.decidedOn}::date, decision_basis = ${input.decisionBasis}, publish_by = ${publish.dueOn}::date,
        published_until = ${until.dueOn}::date, expired_at = null, search_name = ${normaliseForSearch(input.debtorName)},
        changed_on = ${input.changedOn}::date, change_by = ${change.dueOn}::date,
        updated_by = ${actor.staffId}, updated_at = now(), version = version + 1
      where id = ${entryId}::uuid`;
    await indexEntry(tx, entryId, normaliseForSearch(input.debtorName));
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: lock.agencyId, action: "debtor_list.edit", targetType: "debtor_list_entry", targetId: entryId,
      ip: actor.ip, requestId: actor.requestId,
      details: { changed, changedOn: input.changedOn, changeBy: change.dueOn, rule: `${change.rule.id}@${change.rule.effectiveFrom}` },
    });
    return { ok: true as const, id: entryId };
  });
}

/** Removes an entry at once (it leaves the public list on this commit); the ground and remove-by date are kept; audited. */
export async function removeEntry(sql: Pool, { entryId, input, ...actor }: Actor & { entryId: string; input: RemovalInput }): Promise<WriteResult> {
  const calendar = await loadCalendar(sql);
  const remove = removeBy(calendar, input.ground, input.groundOn);
  return sql.begin(async (tx) => {
    const lock = await lockForWrite(tx, { entryId, staffId: actor.staffId, version: input.version });
    if (!lock.ok) return lock;
    await tx`
      update debtor_list_entries set removal_ground = ${input.ground}, removal_ground_on = ${input.groundOn}::date, remove_by = ${remove.dueOn}::date,
        removed_at = now(), removed_by = ${actor.staffId}, updated_at = now(), version = version + 1
      where id = ${entryId}::uuid`;
    await tx`delete from debtor_list_search where entry_id = ${entryId}::uuid`;
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: lock.agencyId, action: "debtor_list.remove", targetType: "debtor_list_entry", targetId: entryId,
      ip: actor.ip, requestId: actor.requestId,
      details: { ground: input.ground, groundOn: input.groundOn, removeBy: remove.dueOn, rule: `${remove.rule.id}@${remove.rule.effectiveFrom}`, today: vnDay(new Date()) },
    });
    return { ok: true as const, id: entryId };
  });
}

/** The daily task: marks the entries whose publication period has passed (the public queries already leave them out). */
export async function markExpired(sql: Pool): Promise<number> {
  return sql.begin(async (tx) => {
    const rows = await tx<{ id: string }[]>`
      update debtor_list_entries set expired_at = now()
      where removed_at is null and expired_at is null and published_until < ${TODAY(tx)} returning id`;
    // Their search rows go (the public query already leaves them out; this keeps the index to current entries).
    if (rows.length) await tx`delete from debtor_list_search where entry_id = any(${rows.map((r) => r.id)}::uuid[])`;
    return rows.length;
  });
}
