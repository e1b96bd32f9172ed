// The audit log viewer's query: newest first, keyset pagination on the entry id (ids follow insertion
// order), filtered by person, office, action and Vietnamese calendar days. A head sees the entries of the
// offices in their scope (scopedAgencies, in SQL); an administrator sees every entry, office-less ones too.
import type { Sql } from "../db";
import { scopedAgencies } from "../agencies";
import { normaliseForSearch } from "../cases/browser";
import { paths } from "../../vocabulary/paths";

export const AUDIT_PAGE_SIZE = 50;

export type AuditViewer = { staffId: string; admin: boolean };

export type AuditFilters = {
  person?: string;
  agencyId?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Show entries older than this id (the next page's cursor). */
  before?: number;
};

export type AuditEntryView = {
  id: number;
  at: string;
  actorType: string;
  actorName: string | null;
  actorEmail: string | null;
  agencyName: string | null;
  agencyCode: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** Where the target can be opened, when it is a page. */
  targetHref: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

/**
 * The case page (`/staff/cases/:id`) is added by the engine part as paths.staff.case: until it is merged,
 * the same URL is built here (integrator: replace with paths.staff.case).
 */
const casePath = (id: string): string => `/staff/cases/${id}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function targetHref(type: string | null, id: string | null): string | null {
  if (!type || !id) return null;
  const uuid = UUID.test(id);
  switch (type) {
    case "case":
      return uuid ? casePath(id) : null;
    case "enforcement_request":
      return uuid ? paths.staff.request(id) : null;
    case "agency":
      return uuid ? paths.staff.adminAgency(id) : null;
    case "staff":
      return uuid ? paths.staff.adminStaff(id) : null;
    case "court":
      return uuid ? paths.staff.adminCourt(id) : null;
    case "receipt":
      return uuid ? paths.staff.receipt(id) : null;
    case "refund":
      return uuid ? paths.staff.refund(id) : null;
    case "reconciliation_run":
      return uuid ? paths.staff.reconciliationRun(id) : null;
    case "calendar_day":
      return /^\d{4}-\d{2}-\d{2}$/.test(id) ? `${paths.staff.adminCalendar}?year=${id.slice(0, 4)}` : null;
    default:
      return null;
  }
}

/** `%text%` for ilike, with the pattern characters taken literally. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// normaliseForSearch in SQL, for staff names: every Vietnamese letter (a ă â e ê i o ô ơ u ư y under each
// of the five tones, in both cases, and đ Đ) and A–Z translated to its bare lower-case letter, then runs of
// anything else collapsed to one space. Spelt out rather than lower()/unaccent so that it does not depend on
// the database's collation or extensions; a test checks it against normaliseForSearch.
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
const LETTERS = [
  ..."aăâeêioôơuưy".split("").flatMap((v) => TONES.map((t) => (v + t).normalize("NFC"))).flatMap((c) => [c, c.toUpperCase()]),
  "đ", "Đ", ..."ABCDEFGHIJKLMNOPQRSTUVWXYZ".split(""),
].filter((c, i, all) => all.indexOf(c) === i && c !== normaliseForSearch(c));
export const TRANSLATE_FROM = LETTERS.join("");
export const TRANSLATE_TO = LETTERS.map(normaliseForSearch).join("");

/** The SQL expression of a column normalised as normaliseForSearch does (for Vietnamese text). */
export const normalisedSql = (sql: Sql, column: string) =>
  sql`trim(regexp_replace(translate(${sql(column)}, ${TRANSLATE_FROM}, ${TRANSLATE_TO}), '[^a-z0-9]+', ' ', 'g'))`;

/**
 * The staff a person filter names: part of the e-mail (as typed), or part of the name compared without
 * diacritics ("nguyen thi thu ha" finds "Nguyễn Thị Thu Hà"). Staff are a few thousand rows: the
 * normalised name is computed per query, no index.
 */
function personFilter(sql: Sql, person: string) {
  const name = normaliseForSearch(person);
  return sql`a.actor_type = 'staff' and a.actor_id in (
    select p.id from staff p
    where p.email ilike ${contains(person)}
      ${name ? sql`or ${normalisedSql(sql, "p.full_name")} like ${contains(name)}` : sql``})`;
}

function scopeOf(sql: Sql, viewer: AuditViewer) {
  return viewer.admin ? sql`true` : sql`a.agency_id in (${scopedAgencies(sql, viewer.staffId, ["head"])})`;
}

export async function listAuditEntries(
  sql: Sql,
  viewer: AuditViewer,
  f: AuditFilters,
): Promise<{ entries: AuditEntryView[]; nextBefore: number | null }> {
  const person = f.person?.trim();
  const rows = await sql<{
    id: string; at: Date; actor_type: string; actor_name: string | null; actor_email: string | null; agency_name: string | null;
    agency_code: string | null; action: string; target_type: string | null; target_id: string | null; ip: string | null;
    details: Record<string, unknown>;
  }[]>`
    select a.id, a.at, a.actor_type, s.full_name as actor_name, s.email as actor_email, g.name as agency_name, g.code as agency_code,
      a.action, a.target_type, a.target_id, host(a.ip) as ip, a.details
    from audit_log a
    left join staff s on a.actor_type = 'staff' and s.id = a.actor_id
    left join agencies g on g.id = a.agency_id
    where ${scopeOf(sql, viewer)}
      ${person ? sql`and ${personFilter(sql, person)}` : sql``}
      ${f.agencyId ? sql`and a.agency_id = ${f.agencyId}` : sql``}
      ${f.action ? sql`and a.action = ${f.action}` : sql``}
      ${f.from ? sql`and a.at >= (${f.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'` : sql``}
      ${f.to ? sql`and a.at < (${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'` : sql``}
      ${f.before ? sql`and a.id < ${f.before}` : sql``}
    order by a.id desc
    limit ${AUDIT_PAGE_SIZE + 1}`;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    entries: page.map((r) => ({
      id: Number(r.id), at: r.at.toISOString(), actorType: r.actor_type, actorName: r.actor_name, actorEmail: r.actor_email,
      agencyName: r.agency_name, agencyCode: r.agency_code, action: r.action, targetType: r.target_type, targetId: r.target_id,
      targetHref: targetHref(r.target_type, r.target_id), ip: r.ip, details: r.details ?? {},
    })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? Number(page[page.length - 1]!.id) : null,
  };
}

/** The actions that occur in the viewer's entries (the action filter's options). */
export async function auditActions(sql: Sql, viewer: AuditViewer): Promise<string[]> {
  // A loose index scan over audit_log_action_idx: one index probe per distinct action, not the whole log.
  const rows = await sql<{ action: string | null }[]>`
    with recursive t (action) as (
      (select a.action from audit_log a where ${scopeOf(sql, viewer)} order by a.action limit 1)
      union all
      select (select a.action from audit_log a where a.action > t.action and ${scopeOf(sql, viewer)} order by a.action limit 1)
      from t where t.action is not null
    )
    select action from t where action is not null`;
  return rows.map((r) => r.action!);
}

/** The offices the viewer may filter by. */
export async function auditOffices(sql: Sql, viewer: AuditViewer): Promise<{ id: string; label: string }[]> {
  const rows = viewer.admin
    ? await sql<{ id: string; code: string; name: string }[]>`select id, code, name from agencies order by name`
    : await sql<{ id: string; code: string; name: string }[]>`
        select id, code, name from agencies where id in (${scopedAgencies(sql, viewer.staffId, ["head"])}) order by name`;
  return rows.map((r) => ({ id: r.id, label: `${r.name} (${r.code})` }));
}
