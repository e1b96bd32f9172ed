import type { Sql } from "../db";
import { isUuid } from "../../vocabulary/identity";
import { scopedAgencies } from "../agencies";
import type { StaffRole } from "../accounts";
import { CASE_TYPES, caseTypeById } from "./registry";
import { availableEvents } from "./engine.server";
import { caseClocks, type CaseClockView } from "./clocks.server";

export type CaseRow = {
  id: string;
  caseType: string;
  submissionId: string;
  reference: string;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  state: string;
  caseNumber: string | null;
  externalCaseNumber: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  officerId: string | null;
  officerName: string | null;
  applicantName: string;
  otherPartyName: string | null;
  receivedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  nextDueOn: string | null;
  version: number;
};

export type CaseEventRow = {
  id: number;
  seq: number;
  event: string;
  fromState: string | null;
  toState: string;
  actorType: "staff" | "citizen" | "system";
  actorId: string | null;
  actorName: string | null;
  fields: Record<string, unknown>;
  public: boolean;
  at: Date;
};

export type CaseTimelineRow = { id: number; eventId: number; event: string; at: Date; details: Record<string, unknown> };

export type LoadedCase = {
  case: CaseRow;
  events: CaseEventRow[];
  timeline: CaseTimelineRow[];
  clocks: CaseClockView[];
  /** Events of the current state this staff member may fire. */
  availableEvents: string[];
};

/** The staff roles that may see cases of some type (every type's viewers, for lists across types). */
export function caseViewerRoles(caseType?: string): StaffRole[] {
  if (caseType) return [...caseTypeById(caseType).viewers];
  return [...new Set(CASE_TYPES.flatMap((t) => t.viewers))];
}

/**
 * One case for one staff member, or null when it does not exist or lies outside their scope (the check is
 * in the SQL: the case's office among those where they hold a viewer role of its type).
 */
export async function loadCase(sql: Sql, { caseId, staffId, at = new Date() }: { caseId: string; staffId: string; at?: Date }): Promise<LoadedCase | null> {
  if (!isUuid(caseId)) return null;
  const [t] = await sql<{ case_type: string }[]>`select case_type from cases where id = ${caseId}`;
  if (!t) return null;
  const type = caseTypeById(t.case_type);
  const [r] = await sql<
    {
      id: string;
      case_type: string;
      submission_id: string;
      reference: string;
      agency_id: string;
      agency_code: string;
      agency_name: string;
      state: string;
      case_number: string | null;
      external_case_number: string | null;
      assignee_id: string | null;
      assignee_name: string | null;
      officer_id: string | null;
      officer_name: string | null;
      applicant_name: string;
      other_party_name: string | null;
      received_at: Date;
      updated_at: Date;
      closed_at: Date | null;
      next_due_on: string | null;
      version: number;
    }[]
  >`
    select c.id, c.case_type, c.submission_id, c.reference, c.agency_id, a.code as agency_code, a.name as agency_name, c.state,
      c.case_number, c.external_case_number, c.assignee_id, sa.full_name as assignee_name, c.officer_id, so.full_name as officer_name,
      c.applicant_name, c.other_party_name, c.received_at, c.updated_at, c.closed_at, to_char(c.next_due_on, 'YYYY-MM-DD') as next_due_on, c.version
    from cases c
    join agencies a on a.id = c.agency_id
    left join staff sa on sa.id = c.assignee_id
    left join staff so on so.id = c.officer_id
    where c.id = ${caseId} and c.agency_id in (${scopedAgencies(sql, staffId, type.viewers)})`;
  if (!r) return null;
  const events = await sql<
    { id: number; seq: number; event: string; from_state: string | null; to_state: string; actor_type: "staff" | "citizen" | "system"; actor_id: string | null; actor_name: string | null; fields: Record<string, unknown>; public: boolean; at: Date }[]
  >`
    select e.id, e.seq, e.event, e.from_state, e.to_state, e.actor_type, e.actor_id,
      case when e.actor_type = 'staff' then s.full_name end as actor_name, e.fields, e.public, e.at
    from case_events e left join staff s on s.id = e.actor_id and e.actor_type = 'staff'
    where e.case_id = ${caseId} order by e.seq`;
  const timeline = await sql<{ id: number; event_id: number; event: string; at: Date; details: Record<string, unknown> }[]>`
    select id, event_id, event, at, details from case_timeline where case_id = ${caseId} order by at, id`;
  return {
    case: {
      id: r.id,
      caseType: r.case_type,
      submissionId: r.submission_id,
      reference: r.reference,
      agencyId: r.agency_id,
      agencyCode: r.agency_code,
      agencyName: r.agency_name,
      state: r.state,
      caseNumber: r.case_number,
      externalCaseNumber: r.external_case_number,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      officerId: r.officer_id,
      officerName: r.officer_name,
      applicantName: r.applicant_name,
      otherPartyName: r.other_party_name,
      receivedAt: r.received_at,
      updatedAt: r.updated_at,
      closedAt: r.closed_at,
      nextDueOn: r.next_due_on,
      version: r.version,
    },
    events: events.map((e) => ({
      id: Number(e.id),
      seq: e.seq,
      event: e.event,
      fromState: e.from_state,
      toState: e.to_state,
      actorType: e.actor_type,
      actorId: e.actor_id,
      actorName: e.actor_name,
      fields: e.fields,
      public: e.public,
      at: e.at,
    })),
    timeline: timeline.map((x) => ({ id: Number(x.id), eventId: Number(x.event_id), event: x.event, at: x.at, details: x.details })),
    clocks: await caseClocks(sql, { caseId, at }),
    availableEvents: await availableEvents(sql, type, { state: r.state, agency_id: r.agency_id, officer_id: r.officer_id }, staffId),
  };
}
