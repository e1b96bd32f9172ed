import type { Sql } from "../db";
import { maskName } from "../../vocabulary/identity";
import { caseTypeById } from "./registry";
import { caseClocks } from "./clocks.server";

/**
 * A case as its parties see it (ADR 065) — the one view the status lookup, My cases, an organisation's
 * list, the bulk lookup, the API and the webhooks all show, whatever the procedure: its state in plain
 * words (`<content>.party.states.<state>`) and what to do next (`<content>.party.next.<state>`), the office
 * and officer in charge, the public timeline (only the fields the case type marks public), and each running
 * statutory deadline with the time left. Names are masked, ID numbers never included: a caller who proved
 * more (the party signed in) may add to it, never this view.
 */
export type PartyClock = {
  clock: string;
  state: "running" | "stopped";
  dueOn: string | null;
  remainingDays: number | null;
  left: { workingDays: number; overdue: boolean; dueSoon: boolean } | null;
  rule: { id: string; amount: number; unit: string; effectiveFrom: string; basis: { vi: string; en: string }; title: { vi: string; en: string } };
};

export type PartyTimelineEntry = { event: string; at: string; details: Record<string, unknown> };

export type PartyCaseView = {
  caseId: string;
  reference: string;
  caseType: string;
  /** The i18n section of the case type's words (`<content>.states.<state>`, `<content>.party.…`). */
  content: string;
  state: string;
  final: boolean;
  /** The party who filed it must act now (the case type's partyActionStates). */
  needsAction: boolean;
  caseNumber: string | null;
  office: { code: string; name: string; address: string | null; phone: string | null };
  officerName: string | null;
  applicantName: string;
  otherPartyName: string | null;
  receivedAt: string;
  updatedAt: string;
  closedAt: string | null;
  timeline: PartyTimelineEntry[];
  clocks: PartyClock[];
};

type Row = {
  id: string;
  case_type: string;
  reference: string;
  state: string;
  case_number: string | null;
  agency_code: string;
  agency_name: string;
  agency_address: string | null;
  agency_phone: string | null;
  officer_name: string | null;
  applicant_name: string;
  other_party_name: string | null;
  received_at: Date;
  updated_at: Date;
  closed_at: Date | null;
};

const caseRows = (sql: Sql, ids: readonly string[]) => sql<Row[]>`
  select c.id, c.case_type, c.reference, c.state, c.case_number, a.code as agency_code, a.name as agency_name,
    a.address as agency_address, a.phone as agency_phone, s.full_name as officer_name, c.applicant_name, c.other_party_name,
    c.received_at, c.updated_at, c.closed_at
  from cases c join agencies a on a.id = c.agency_id left join staff s on s.id = c.officer_id
  where c.id in ${sql(ids as string[])}`;

function summaryOf(r: Row) {
  const type = caseTypeById(r.case_type);
  return {
    caseId: r.id,
    reference: r.reference,
    caseType: r.case_type,
    content: type.content,
    state: r.state,
    final: (type.final as readonly string[]).includes(r.state),
    needsAction: ((type.partyActionStates ?? []) as readonly string[]).includes(r.state),
    caseNumber: r.case_number,
    office: { code: r.agency_code, name: r.agency_name, address: r.agency_address, phone: r.agency_phone },
    officerName: r.officer_name,
    applicantName: maskName(r.applicant_name),
    otherPartyName: r.other_party_name ? maskName(r.other_party_name) : null,
    receivedAt: r.received_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
  };
}

export type PartyCaseSummary = ReturnType<typeof summaryOf> & { lastEvent: PartyTimelineEntry | null };

/** The whole view of one case (null: no such case). The caller has already proved the right to see it. */
export async function partyCaseView(sql: Sql, { caseId, at = new Date() }: { caseId: string; at?: Date }): Promise<PartyCaseView | null> {
  const [[row], timeline, clocks] = await Promise.all([
    caseRows(sql, [caseId]),
    sql<{ event: string; at: Date; details: Record<string, unknown> }[]>`
      select event, at, details from case_timeline where case_id = ${caseId} order by at, id`,
    caseClocks(sql, { caseId, at }),
  ]);
  if (!row) return null;
  return {
    ...summaryOf(row),
    timeline: timeline.map((t) => ({ event: t.event, at: t.at.toISOString(), details: t.details ?? {} })),
    clocks: clocks
      .filter((c): c is typeof c & { state: "running" | "stopped" } => c.state !== "ended")
      .map((c) => ({
        clock: c.clock,
        state: c.state,
        dueOn: c.dueOn,
        remainingDays: c.remainingDays,
        left: c.left,
        rule: { id: c.rule.id, amount: c.rule.amount, unit: c.rule.unit, effectiveFrom: c.rule.effectiveFrom, basis: c.rule.basis, title: c.rule.title },
      })),
  };
}

/**
 * Many cases at once, for lists (My cases, an organisation's cases, the bulk lookup, the API batch): the
 * summary and the latest public event of each, in two queries whatever the number. In the order of `caseIds`.
 */
export async function partyCaseSummaries(sql: Sql, caseIds: readonly string[]): Promise<PartyCaseSummary[]> {
  const ids = [...new Set(caseIds)];
  if (!ids.length) return [];
  const [rows, last] = await Promise.all([
    caseRows(sql, ids),
    sql<{ case_id: string; event: string; at: Date; details: Record<string, unknown> }[]>`
      select distinct on (case_id) case_id, event, at, details from case_timeline
      where case_id in ${sql(ids)} order by case_id, at desc, id desc`,
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const lastBy = new Map(last.map((l) => [l.case_id, { event: l.event, at: l.at.toISOString(), details: l.details ?? {} }]));
  return caseIds.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...summaryOf(r), lastEvent: lastBy.get(id) ?? null }] : [];
  });
}
