import type { PendingQuery, Row } from "postgres";
import type { Sql } from "../db";
import type { StaffRole } from "../accounts";
import { scopedAgencies } from "../agencies";
import { CASE_TYPES } from "../cases";
import { deadlineOf, dueSoonUntil, vietnamDay, type InboxCalendar } from "./days.server";
import { encodeCursor, likePattern, PAGE_SIZE, type InboxQuery } from "./query";

/** The roles that see an office's cases in the inbox (each case type then narrows it to its own `viewers`). */
export const CASE_VIEWER_ROLES = ["clerk", "officer", "head", "denunciation-handler"] as const satisfies readonly StaffRole[];

/**
 * Only the case types one of this staff member's roles may view (the type's `viewers`, as the case page
 * checks): a clerk's inbox, counts and export never list a denunciation, a denunciation handler's list only
 * denunciations. Read from the registered case types, so a new type brings its own rule.
 */
export function viewableTypes(sql: Sql, staffId: string): Fragment {
  const pairs = CASE_TYPES.flatMap((t) => t.viewers.map((role) => [t.id, role] as const));
  return sql`c.case_type in (
    select v.type from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) as v(type, role)
    where v.role in (select r.role::text from staff_roles r where r.staff_id = ${staffId}::uuid))`;
}
/** Payments needing review: accountants and heads. */
export const PAYMENT_REVIEW_ROLES = ["accountant", "head"] as const satisfies readonly StaffRole[];
/** Refunds awaiting approval: heads decide them. */
export const REFUND_APPROVAL_ROLES = ["head"] as const satisfies readonly StaffRole[];

export type InboxRow = {
  id: string;
  caseType: string;
  reference: string;
  state: string;
  applicantName: string;
  agencyId: string;
  agencyName: string;
  receivedAt: Date;
  assigneeId: string | null;
  assigneeName: string | null;
  version: number;
  deadline: ReturnType<typeof deadlineOf>;
};

type DbRow = {
  id: string;
  case_type: string;
  reference: string;
  state: string;
  applicant_name: string;
  agency_id: string;
  agency_name: string;
  received_at: Date;
  assignee_id: string | null;
  assignee_name: string | null;
  version: number;
  next_due_on: string | null;
  sort_key: string;
};

type Fragment = PendingQuery<Row[]>;
const and = (sql: Sql, parts: Fragment[]): Fragment => parts.reduce((acc, p) => sql`${acc} and ${p}`);

/** Offices up to which a search reads the office's cases through the agency index instead of the trigram index. */
export const OFFICE_FIRST_SEARCH_MAX_OFFICES = 10;

/**
 * The offices whose cases this person sees (THE scope, scopedAgencies), read once per request: the list,
 * the counts and the export then filter on a literal array the planner can estimate (one office: an ordered
 * index scan that stops after a page), where `in (<recursive CTE>)` made it hash-join a sequential scan of
 * every case (bench/inbox.ts, docs/decisions/061-the-inbox.md).
 */
export async function scopeOf(sql: Sql, staffId: string): Promise<string[]> {
  const [row] = await sql<{ ids: string[] }[]>`select array(${scopedAgencies(sql, staffId, CASE_VIEWER_ROLES)})::text[] as ids`;
  return row?.ids ?? [];
}

/**
 * The conditions of a query (scope first): shared by the list and the export. `scope` comes from scopeOf;
 * `today` and `soonUntil` are Vietnam dates (YYYY-MM-DD).
 */
export function caseConditions(
  sql: Sql,
  { staffId, scope, query, today, soonUntil }: { staffId: string; scope: readonly string[]; query: Omit<InboxQuery, "after" | "before" | "sort">; today: string; soonUntil: string },
) {
  const parts: Fragment[] = [
    scope.length === 1 ? sql`c.agency_id = ${scope[0]!}::uuid` : sql`c.agency_id = any(${scope as string[]}::uuid[])`,
    viewableTypes(sql, staffId),
  ];
  if (query.office) parts.push(sql`c.agency_id = ${query.office}::uuid`);
  if (query.type) parts.push(sql`c.case_type = ${query.type}`);
  if (query.state) parts.push(sql`c.state = ${query.state}`);
  if (query.age !== null) parts.push(sql`c.received_at < now() - make_interval(days => ${query.age}::int)`);
  if (query.due === "overdue") parts.push(sql`c.closed_at is null and c.next_due_on < ${today}::date`);
  if (query.due === "soon") parts.push(sql`c.closed_at is null and c.next_due_on between ${today}::date and ${soonUntil}::date`);
  if (query.assigned === "me") parts.push(sql`c.assignee_id = ${staffId}::uuid and c.closed_at is null`);
  if (query.assigned === "none") parts.push(sql`c.assignee_id is null and c.closed_at is null`);
  if (query.needle) {
    // A few offices hold a few thousand cases: reading them through the agency index and filtering is a
    // couple of milliseconds, where a common name's trigrams match across every office (tens of ms at 1M).
    // `|| ''` keeps the planner off the trigram index for that case; wider scopes use it.
    const officeFirst = scope.length <= OFFICE_FIRST_SEARCH_MAX_OFFICES || query.office !== null;
    parts.push(officeFirst ? sql`(c.search_text || '') like ${likePattern(query.needle)}` : sql`c.search_text like ${likePattern(query.needle)}`);
  }
  return and(sql, parts);
}

const SORTS = {
  "received-desc": { key: "received", dir: "desc" },
  "received-asc": { key: "received", dir: "asc" },
  due: { key: "due", dir: "asc" },
} as const;

function keyExpr(sql: Sql, key: "received" | "due") {
  return key === "received" ? sql`c.received_at` : sql`coalesce(c.next_due_on, 'infinity'::date)`;
}
function keyText(sql: Sql, key: "received" | "due") {
  return key === "received"
    ? sql`to_char(c.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql`coalesce(c.next_due_on, 'infinity'::date)::text`;
}

export type InboxPage = { rows: InboxRow[]; next: string | null; prev: string | null };

/**
 * One page of the inbox: keyset pagination on (sort key, id), never OFFSET. `after` pages forward from a
 * row, `before` backward (the query runs in the opposite order, the rows are turned back).
 */
/**
 * The SQL of one inbox page (not yet run): the bench EXPLAINs exactly this. Keyset on (sort key, id): `after`
 * pages forward from a row, `before` backward (run in the opposite order, turned back by listCases).
 */
export function caseListQuery(
  sql: Sql,
  { staffId, scope, query, calendar, now = new Date(), limit = PAGE_SIZE }: { staffId: string; scope: readonly string[]; query: InboxQuery; calendar: InboxCalendar; now?: Date; limit?: number },
) {
  const today = vietnamDay(now);
  const soonUntil = dueSoonUntil(calendar, today);
  const { key, dir } = SORTS[query.sort];
  const backward = query.before !== null;
  const cursor = query.after ?? query.before;
  const runDir = backward ? (dir === "asc" ? "desc" : "asc") : dir;
  const cast = key === "received" ? sql`::timestamptz` : sql`::date`;
  const conds: Fragment[] = [caseConditions(sql, { staffId, scope, query, today, soonUntil })];
  if (cursor) {
    conds.push(
      runDir === "desc"
        ? sql`(${keyExpr(sql, key)}, c.id) < (${cursor.key}${cast}, ${cursor.id}::uuid)`
        : sql`(${keyExpr(sql, key)}, c.id) > (${cursor.key}${cast}, ${cursor.id}::uuid)`,
    );
  }
  const order = runDir === "desc" ? sql`${keyExpr(sql, key)} desc, c.id desc` : sql`${keyExpr(sql, key)} asc, c.id asc`;
  const statement = sql<DbRow[]>`
    select c.id, c.case_type, c.reference, c.state, c.applicant_name, c.agency_id, a.name as agency_name, c.received_at, c.assignee_id,
      s.full_name as assignee_name, c.version, c.next_due_on::text as next_due_on, ${keyText(sql, key)} as sort_key
    from cases c join agencies a on a.id = c.agency_id left join staff s on s.id = c.assignee_id
    where ${and(sql, conds)}
    order by ${order}
    limit ${limit + 1}`;
  return { statement, backward, cursor, today };
}

/** One page of the inbox: keyset pagination on (sort key, id), never OFFSET. */
export async function listCases(
  sql: Sql,
  args: { staffId: string; query: InboxQuery; calendar: InboxCalendar; now?: Date; limit?: number; scope?: readonly string[] },
): Promise<InboxPage> {
  const limit = args.limit ?? PAGE_SIZE;
  const { calendar } = args;
  const scope = args.scope ?? (await scopeOf(sql, args.staffId));
  if (scope.length === 0) return { rows: [], next: null, prev: null };
  const { statement, backward, cursor, today } = caseListQuery(sql, { ...args, scope, limit });
  const found = await statement;
  const more = found.length > limit;
  const page = found.slice(0, limit);
  if (backward) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const next = last && (backward || more) ? encodeCursor({ key: last.sort_key, id: last.id }) : null;
  const prev = first && (backward ? more : cursor !== null) ? encodeCursor({ key: first.sort_key, id: first.id }) : null;
  return {
    rows: page.map((r) => ({
      id: r.id,
      caseType: r.case_type,
      reference: r.reference,
      state: r.state,
      applicantName: r.applicant_name,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      receivedAt: r.received_at,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      version: r.version,
      deadline: deadlineOf(calendar, r.next_due_on, today),
    })),
    next,
    prev,
  };
}

/** Payments flagged for refund review in the offices where this person is an accountant or the head, without a refund under way. */
export async function paymentsNeedingReview(sql: Sql, { staffId, limit = 50 }: { staffId: string; limit?: number }) {
  return sql<{ txnRef: string; amount: number; reason: string | null; noticeNumber: string; agencyName: string; createdAt: Date }[]>`
    select p.txn_ref as "txnRef", p.amount::float8 as amount, p.refund_review_reason as reason, n.notice_number as "noticeNumber",
      a.name as "agencyName", p.created_at as "createdAt"
    from payment_attempts p join fee_notices n on n.id = p.notice_id join agencies a on a.id = n.agency_id
    where p.refund_review and n.agency_id in (${scopedAgencies(sql, staffId, PAYMENT_REVIEW_ROLES)})
      and not exists (select 1 from refunds r where r.attempt_id = p.id and r.state <> 'rejected')
    order by p.created_at, p.id
    limit ${limit}`;
}

/** Refunds proposed by an accountant and awaiting the head's decision, in the offices this person heads. */
export async function refundsAwaitingApproval(sql: Sql, { staffId, limit = 50 }: { staffId: string; limit?: number }) {
  return sql<{ id: string; txnRef: string; amount: number; reason: string; proposedBy: string; agencyName: string; proposedAt: Date }[]>`
    select r.id, p.txn_ref as "txnRef", r.amount::float8 as amount, r.reason, s.full_name as "proposedBy", a.name as "agencyName",
      r.proposed_at as "proposedAt"
    from refunds r join payment_attempts p on p.id = r.attempt_id join agencies a on a.id = r.agency_id join staff s on s.id = r.proposed_by
    where r.state = 'proposed' and r.agency_id in (${scopedAgencies(sql, staffId, REFUND_APPROVAL_ROLES)})
      and r.proposed_by <> ${staffId}::uuid
    order by r.proposed_at, r.id
    limit ${limit}`;
}

/** The offices whose cases this person sees (for the office filter of a head who reaches sub-offices). */
export async function inboxOffices(sql: Sql, { scope }: { scope: readonly string[] }) {
  return sql<{ id: string; name: string }[]>`
    select a.id, a.name from agencies a where a.id = any(${scope as string[]}::uuid[]) order by a.name`;
}

export type DashboardCounts = {
  newCases: number;
  assignedToMe: number;
  overdue: number;
  dueSoon: number;
  awaitingCitizen: number;
  paymentsReview: number;
  refundsAwaiting: number;
};

/** The staff home's counts, each the size of one filtered inbox list (same conditions, same scope). */
export async function dashboardCounts(sql: Sql, { staffId, calendar, now = new Date() }: { staffId: string; calendar: InboxCalendar; now?: Date }): Promise<DashboardCounts> {
  const today = vietnamDay(now);
  const scope = await scopeOf(sql, staffId);
  const soonUntil = dueSoonUntil(calendar, today);
  const [c] = await sql<{ new_cases: number; assigned_to_me: number; overdue: number; due_soon: number; awaiting_citizen: number }[]>`
    select
      count(*) filter (where c.state = 'received' and c.assignee_id is null)::int as new_cases,
      count(*) filter (where c.assignee_id = ${staffId}::uuid and c.closed_at is null)::int as assigned_to_me,
      count(*) filter (where c.closed_at is null and c.next_due_on < ${today}::date)::int as overdue,
      count(*) filter (where c.closed_at is null and c.next_due_on between ${today}::date and ${soonUntil}::date)::int as due_soon,
      count(*) filter (where c.state = 'awaitingCitizen')::int as awaiting_citizen
    from cases c
    where c.agency_id = any(${scope}::uuid[]) and ${viewableTypes(sql, staffId)} and c.closed_at is null`;
  const [p] = await sql<{ n: number }[]>`
    select count(*)::int as n from payment_attempts p join fee_notices n on n.id = p.notice_id
    where p.refund_review and n.agency_id in (${scopedAgencies(sql, staffId, PAYMENT_REVIEW_ROLES)})
      and not exists (select 1 from refunds r where r.attempt_id = p.id and r.state <> 'rejected')`;
  const [r] = await sql<{ n: number }[]>`
    select count(*)::int as n from refunds r
    where r.state = 'proposed' and r.agency_id in (${scopedAgencies(sql, staffId, REFUND_APPROVAL_ROLES)}) and r.proposed_by <> ${staffId}::uuid`;
  return {
    newCases: c!.new_cases,
    assignedToMe: c!.assigned_to_me,
    overdue: c!.overdue,
    dueSoon: c!.due_soon,
    awaitingCitizen: c!.awaiting_citizen,
    paymentsReview: p!.n,
    refundsAwaiting: r!.n,
  };
}
