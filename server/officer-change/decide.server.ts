import type { Pool } from "../db";
import { fireEventIn, type FireEventResult } from "../cases";

/**
 * The head's decision on a request to change the enforcement officer (Decree 62 art. 10, ADR 077), in ONE
 * transaction through the engine: `grant` on the officer-change case (only a head of its office may fire
 * it), then `reassignOfficer` on the related enforcement case with the new officer, by the same head, so
 * the related case's timeline, audit and officer change with it. If either refuses, nothing is written.
 * `refuse` is the officer-change case's event alone.
 */
export type OfficerChangeDecision = {
  caseId: string;
  staffId: string;
  decision: "grant" | "refuse";
  input: Record<string, unknown>;
  expectedVersion?: number | string | null;
  ip?: string | null;
  requestId?: string | null;
  at?: Date;
};

class Refused extends Error {
  constructor(readonly result: FireEventResult) {
    super("refused");
  }
}

export async function decideOfficerChange(sql: Pool, d: OfficerChangeDecision): Promise<FireEventResult & { relatedCaseId?: string | null }> {
  const actor = { type: "staff" as const, staffId: d.staffId };
  const common = { actor, ip: d.ip ?? null, requestId: d.requestId ?? null, at: d.at };
  try {
    return (await sql.begin(async (tx) => {
      const [c] = await tx<{ related_case_id: string | null; case_type: string }[]>`
        select s.related_case_id, c.case_type from cases c left join submissions s on s.id = c.submission_id where c.id = ${d.caseId}`;
      if (!c || c.case_type !== "officer-change") throw new Refused({ ok: false, reason: "not-found" });
      if (d.decision === "refuse") {
        const r = await fireEventIn(tx, { ...common, caseId: d.caseId, event: "refuse", input: d.input, expectedVersion: d.expectedVersion });
        if (!r.ok) throw new Refused(r);
        return { ...r, relatedCaseId: c.related_case_id };
      }
      const granted = await fireEventIn(tx, { ...common, caseId: d.caseId, event: "grant", input: d.input, expectedVersion: d.expectedVersion });
      if (!granted.ok) throw new Refused(granted);
      if (!c.related_case_id) throw new Refused({ ok: false, reason: "illegal", state: "received" });
      const [{ reference }] = (await tx<{ reference: string }[]>`select reference from cases where id = ${d.caseId}`) as unknown as [{ reference: string }];
      const moved = await fireEventIn(tx, {
        ...common,
        caseId: c.related_case_id,
        event: "reassignOfficer",
        input: { officerId: granted.fields.newOfficerId, note: `${reference}: ${String(granted.fields.reason ?? "")}`.slice(0, 2000) },
      });
      if (!moved.ok) {
        // The new officer must be an officer of the related case's office (and not the current one).
        throw new Refused({ ...moved, reason: moved.reason === "invalid" ? "invalid" : moved.reason, errors: moved.errors?.officerId ? { newOfficerId: moved.errors.officerId } : moved.errors });
      }
      await tx`update case_events set fields = fields || ${tx.json({ newOfficerName: moved.fields.officerName } as never)} where id = ${granted.eventId}`;
      await tx`update case_timeline set details = details || ${tx.json({ newOfficerName: moved.fields.officerName } as never)} where event_id = ${granted.eventId}`;
      return { ...granted, fields: { ...granted.fields, newOfficerName: moved.fields.officerName }, relatedCaseId: c.related_case_id };
    })) as FireEventResult & { relatedCaseId?: string | null };
  } catch (e) {
    if (e instanceof Refused) return e.result;
    throw e;
  }
}
