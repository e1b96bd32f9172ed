import type { Pool } from "../db";
import type { StaffRole } from "../accounts";
import { scopedAgencies } from "../agencies";
import { audit } from "../audit";
import { NO_ENDPOINT, queueDelivery } from "./handoff.server";
import type { HandoffStatus } from "./browser";

/** Who reads the hand-off page and replays dead letters: heads and administrators, at their offices. */
export const HANDOFF_ROLES: readonly StaffRole[] = ["head", "admin"];

export type HandoffRow = {
  id: string;
  case_id: string;
  submission_id: string;
  reference: string;
  seq: number;
  type: string;
  status: HandoffStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  response_case_number: string | null;
  created_at: Date;
  agency_code: string;
  agency_name: string;
  /** Waiting behind an earlier message of its case that is not delivered. */
  blocked: boolean;
};

/** The filter of the page: what is not delivered (default), the dead letters, or the delivered ones. */
export const HANDOFF_VIEWS = ["open", "dead", "delivered"] as const;
export type HandoffView = (typeof HANDOFF_VIEWS)[number];

/** Messages of the offices in the staff member's scope (newest first), with counts per status. */
export async function listHandoff(sql: Pool, { staffId, view, limit = 100 }: { staffId: string; view: HandoffView; limit?: number }) {
  const scope = scopedAgencies(sql, staffId, HANDOFF_ROLES);
  const statuses: HandoffStatus[] = view === "open" ? ["pending", "dead"] : [view];
  const [counts, rows] = await Promise.all([
    sql<{ status: HandoffStatus; n: number; no_endpoint: number }[]>`
      select status, count(*)::int as n, count(*) filter (where last_error = ${NO_ENDPOINT})::int as no_endpoint
      from handoff_messages where agency_id in (${scope}) group by status`,
    sql<HandoffRow[]>`
      select m.id, m.case_id, c.submission_id, c.reference, m.seq, m.type, m.status, m.attempts, m.last_error, m.next_attempt_at,
        m.delivered_at, m.response_case_number, m.created_at, a.code as agency_code, a.name as agency_name,
        exists (select 1 from handoff_messages p where p.case_id = m.case_id and p.seq < m.seq and p.status <> 'delivered') as blocked
      from handoff_messages m join cases c on c.id = m.case_id join agencies a on a.id = m.agency_id
      where m.agency_id in (${scope}) and m.status in ${sql(statuses)}
      order by m.created_at desc, m.id desc limit ${limit}`,
  ]);
  const by = (s: HandoffStatus) => counts.find((c) => c.status === s)?.n ?? 0;
  return {
    counts: { pending: by("pending"), dead: by("dead"), delivered: by("delivered"), noEndpoint: counts.reduce((a, c) => a + c.no_endpoint, 0) },
    rows,
  };
}

export type ReplayResult = { ok: true; caseId: string } | { ok: false; reason: "not-found" | "not-dead" };

/**
 * "Gửi lại": a dead letter goes back to pending with its tries reset and its case's delivery is queued
 * again; it is still delivered before every later message of its case. Scoped in SQL, audited, one
 * transaction. A message already replayed (or delivered) is refused as not-dead.
 */
export async function replayDeadLetter(
  sql: Pool,
  { messageId, staffId, ip = null, requestId = null }: { messageId: string; staffId: string; ip?: string | null; requestId?: string | null },
): Promise<ReplayResult> {
  return sql.begin(async (tx): Promise<ReplayResult> => {
    const [m] = await tx<{ id: string; case_id: string; agency_id: string; status: HandoffStatus; attempts: number; last_error: string | null }[]>`
      select id, case_id, agency_id, status, attempts, last_error from handoff_messages
      where id = ${messageId} and agency_id in (${scopedAgencies(tx, staffId, HANDOFF_ROLES)}) for update`;
    if (!m) return { ok: false, reason: "not-found" };
    if (m.status !== "dead") return { ok: false, reason: "not-dead" };
    await tx`update handoff_messages set status = 'pending', attempts = 0, next_attempt_at = null where id = ${m.id}`;
    await audit(tx, {
      actorType: "staff",
      actorId: staffId,
      agencyId: m.agency_id,
      action: "handoff.replay",
      targetType: "case",
      targetId: m.case_id,
      ip,
      requestId,
      details: { messageId: m.id, attempts: m.attempts, lastError: m.last_error },
    });
    await queueDelivery(tx, m.case_id);
    return { ok: true, caseId: m.case_id };
  });
}
