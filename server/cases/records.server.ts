import type { Sql } from "../db";
import { audit } from "../audit";
import type { CaseActor } from "./definition";

/**
 * A record on a case that is not a workflow event of its case type (issue 14, ADR 074): e.g. "a document was
 * served on you electronically". It is available on every case type and changes no state: one case_events
 * row (from = to = the current state), the case's version bumped (a form open in between is stale), one
 * audit entry and, when public, one timeline entry (its words at `cases.common.events.<event>.title`).
 * Runs inside the caller's transaction; the case row is locked first, as the engine does.
 */
export const CASE_RECORDS = ["document-served", "document-served-paper"] as const;
export type CaseRecordName = (typeof CASE_RECORDS)[number];

export type CaseRecordInput = {
  caseId: string;
  record: CaseRecordName;
  actor: CaseActor;
  fields: Record<string, unknown>;
  /** Fields the parties see on the timeline (never internal notes). */
  publicFields: readonly string[];
  public: boolean;
  at?: Date;
  ip?: string | null;
  requestId?: string | null;
};

const actorId = (a: CaseActor): string | null => (a.type === "staff" ? a.staffId : a.type === "citizen" ? a.citizenId : null);

export async function appendCaseRecord(tx: Sql, input: CaseRecordInput): Promise<{ eventId: number; seq: number } | null> {
  const at = input.at ?? new Date();
  const [row] = await tx<{ id: string; state: string; agency_id: string; case_type: string; version: number }[]>`
    select id, state, agency_id, case_type, version from cases where id = ${input.caseId} for update`;
  if (!row) return null;
  const [{ seq }] = (await tx<{ seq: number }[]>`select coalesce(max(seq), 0)::int + 1 as seq from case_events where case_id = ${row.id}`) as unknown as [
    { seq: number },
  ];
  await tx`update cases set version = version + 1, updated_at = ${at} where id = ${row.id}`;
  const [event] = await tx<{ id: number }[]>`
    insert into case_events (case_id, seq, event, from_state, to_state, actor_type, actor_id, fields, public, at)
    values (${row.id}, ${seq}, ${input.record}, ${row.state}, ${row.state}, ${input.actor.type}, ${actorId(input.actor)},
      ${tx.json(input.fields as never)}, ${input.public}, ${at})
    returning id`;
  const eventId = Number(event!.id);
  if (input.public) {
    const details = Object.fromEntries(input.publicFields.filter((f) => input.fields[f] !== undefined).map((f) => [f, input.fields[f]]));
    await tx`insert into case_timeline (case_id, event_id, event, at, details) values (${row.id}, ${eventId}, ${input.record}, ${at}, ${tx.json(details as never)})`;
  }
  await audit(tx, {
    actorType: input.actor.type === "citizen" && !input.actor.citizenId ? "anonymous" : input.actor.type,
    actorId: actorId(input.actor),
    agencyId: row.agency_id,
    action: `case.${input.record}`,
    targetType: "case",
    targetId: row.id,
    ip: input.ip ?? null,
    requestId: input.requestId ?? null,
    details: { caseType: row.case_type, seq, ...input.fields },
  });
  return { eventId, seq };
}
