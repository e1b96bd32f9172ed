import type { Pool, Sql } from "../db";
import { actsAt } from "../agencies";
import { sha256Hex, findDocument } from "../documents";
import { startClock, vnDay } from "../deadlines";
import { appendCaseRecord, caseDocumentKey, caseTypeById, issueCaseDocument, type CaseActor } from "../cases";
import { liveConsent } from "./consent.server";
import { isUuid } from "../../vocabulary/identity";

/** The legal rule of the period the party has to open an electronically served document (LEGAL_RULES). */
export const SERVICE_OPEN_RULE = "service.electronic-open";
/** Who may serve a document on the party, at the case's office. */
export const SERVING_ROLES = ["officer", "head"] as const;

export type ServeRefusal = "not-found" | "no-consent" | "not-issued" | "already-served";
export type ServeResult = { ok: true; serviceId: string; sha256: string; dueOn: string } | { ok: false; reason: ServeRefusal };

type CaseDoc = { case_id: string; agency_id: string; case_type: string; seq: number; event: string };

/** The case document of event seq `seq` (an event whose definition names a document), or null. */
async function caseDocumentOf(tx: Sql, caseId: string, seq: number): Promise<(CaseDoc & { document: string }) | null> {
  if (!isUuid(caseId) || !Number.isInteger(seq) || seq < 1 || seq > 1_000_000) return null;
  const [row] = await tx<CaseDoc[]>`
    select c.id as case_id, c.agency_id, c.case_type, e.seq, e.event
    from cases c join case_events e on e.case_id = c.id and e.seq = ${seq} where c.id = ${caseId}`;
  if (!row) return null;
  const events = caseTypeById(row.case_type).events as Record<string, { document?: string } | undefined>;
  const document = events[row.event]?.document;
  return document ? { ...row, document } : null;
}

/**
 * Serves a case document electronically on the party who consented (ADR 074), in one transaction: one
 * document_services row with the SHA-256 of the exact stored PDF, the due date of the opening period
 * (LEGAL_RULES service.electronic-open), a public "document served" record on the case (timeline, audit)
 * and the notice e-mail queued through the job outbox (a link, never the document). Staff: an officer or
 * head of the case's office (another office: not-found, as for the case page).
 */
export async function serveDocument(
  sql: Pool,
  input: { caseId: string; seq: number; actor: CaseActor; at?: Date; ip?: string | null; requestId?: string | null },
): Promise<ServeResult> {
  const at = input.at ?? new Date();
  return sql.begin(async (tx) => {
    const doc = await caseDocumentOf(tx, input.caseId, input.seq);
    if (!doc) return { ok: false as const, reason: "not-found" as const };
    if (input.actor.type === "staff" && !(await actsAt(tx, { staffId: input.actor.staffId, agencyId: doc.agency_id, roles: SERVING_ROLES }))) {
      return { ok: false as const, reason: "not-found" as const };
    }
    if (input.actor.type === "citizen") return { ok: false as const, reason: "not-found" as const };
    const stored = await findDocument(tx, caseDocumentKey(doc.case_id, doc.seq));
    if (!stored?.bytes) return { ok: false as const, reason: "not-issued" as const };
    const consent = await liveConsent(tx, doc.case_id);
    if (!consent) return { ok: false as const, reason: "no-consent" as const };
    const [dup] = await tx`select 1 from document_services where case_id = ${doc.case_id} and document_seq = ${doc.seq} and method = 'electronic'`;
    if (dup) return { ok: false as const, reason: "already-served" as const };
    // The hash of the bytes themselves (not only the stored column): what the party will be shown.
    const sha256 = sha256Hex(stored.bytes);
    const { dueOn, rule } = await startClock(tx, { ruleId: SERVICE_OPEN_RULE, at });
    const record = await appendCaseRecord(tx, {
      caseId: doc.case_id,
      record: "document-served",
      actor: input.actor,
      fields: { document: doc.document, documentSeq: doc.seq, sha256, dueOn, method: "electronic" },
      publicFields: ["document", "sha256", "dueOn"],
      public: true,
      at,
      ip: input.ip,
      requestId: input.requestId,
    });
    const [row] = await tx<{ id: string }[]>`
      insert into document_services (case_id, document_seq, document, sha256, consent_id, method, served_by, served_at, due_on,
        rule_id, rule_effective_from, event_id)
      values (${doc.case_id}, ${doc.seq}, ${doc.document}, ${sha256}, ${consent.id}, 'electronic',
        ${input.actor.type === "staff" ? input.actor.staffId : null}, ${at}, ${dueOn}, ${rule.id}, ${rule.effectiveFrom}, ${record!.eventId})
      returning id`;
    const serviceId = row!.id;
    await tx`insert into job_outbox (task, payload, job_key) values ('service_notice', ${tx.json({ serviceId } as never)}, ${`service_notice:${serviceId}`})`;
    return { ok: true as const, serviceId, sha256, dueOn };
  }) as Promise<ServeResult>;
}

/**
 * Records service on paper (direct, by post, or public posting) of a case document, by an officer or head of
 * the case's office: when electronic service is not possible (no consent), the party did not open it in
 * time, or the notice bounced. Audited and on the timeline.
 */
export async function recordPaperService(
  sql: Pool,
  input: { caseId: string; seq: number; staffId: string; servedOn: string; method: "direct" | "post" | "posting"; ip?: string | null; requestId?: string | null },
): Promise<{ ok: true; serviceId: string } | { ok: false; reason: "not-found" | "not-issued" | "already-served" | "invalid-date" }> {
  type R = { ok: true; serviceId: string } | { ok: false; reason: "not-found" | "not-issued" | "already-served" | "invalid-date" };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.servedOn) || Number.isNaN(Date.parse(input.servedOn)) || input.servedOn > vnDay(new Date())) {
    return { ok: false, reason: "invalid-date" };
  }
  return sql.begin(async (tx): Promise<R> => {
    const doc = await caseDocumentOf(tx, input.caseId, input.seq);
    if (!doc || !(await actsAt(tx, { staffId: input.staffId, agencyId: doc.agency_id, roles: SERVING_ROLES }))) return { ok: false, reason: "not-found" };
    const stored = await findDocument(tx, caseDocumentKey(doc.case_id, doc.seq));
    if (!stored?.bytes) return { ok: false, reason: "not-issued" };
    const [dup] = await tx`select 1 from document_services where case_id = ${doc.case_id} and document_seq = ${doc.seq} and method = 'paper'`;
    if (dup) return { ok: false, reason: "already-served" };
    const sha256 = sha256Hex(stored.bytes);
    const servedAt = new Date(`${input.servedOn}T12:00:00+07:00`);
    const record = await appendCaseRecord(tx, {
      caseId: doc.case_id,
      record: "document-served-paper",
      actor: { type: "staff", staffId: input.staffId },
      fields: { document: doc.document, documentSeq: doc.seq, sha256, servedOn: input.servedOn, paperMethod: input.method },
      publicFields: ["document", "servedOn", "paperMethod"],
      public: true,
      ip: input.ip,
      requestId: input.requestId,
    });
    const [row] = await tx<{ id: string }[]>`
      insert into document_services (case_id, document_seq, document, sha256, method, paper_method, served_by, served_at, event_id)
      values (${doc.case_id}, ${doc.seq}, ${doc.document}, ${sha256}, 'paper', ${input.method}, ${input.staffId}, ${servedAt}, ${record!.eventId})
      returning id`;
    return { ok: true, serviceId: row!.id };
  }) as Promise<R>;
}

/**
 * The `serve: true` hook (task `service_auto` {caseId, eventId}, queued by the engine for every case type):
 * issues the event's document if the job has not yet (idempotent), then serves it electronically when the
 * party consented; otherwise the document shows as "serve on paper" on the officer's service page.
 */
export async function serveEventDocument(sql: Pool, { caseId, eventId }: { caseId: string; eventId: number }): Promise<ServeResult | { ok: false; reason: "paper" }> {
  const [e] = await sql<{ seq: number; event: string; case_type: string }[]>`
    select e.seq, e.event, c.case_type from case_events e join cases c on c.id = e.case_id where e.id = ${eventId} and e.case_id = ${caseId}`;
  if (!e) return { ok: false, reason: "not-found" };
  const def = (caseTypeById(e.case_type).events as Record<string, { document?: string; serve?: boolean } | undefined>)[e.event];
  if (!def?.document || !def.serve) return { ok: false, reason: "not-found" };
  await issueCaseDocument(sql, { caseId, eventId, document: def.document });
  if (!(await liveConsent(sql, caseId))) return { ok: false, reason: "paper" };
  return serveDocument(sql, { caseId, seq: e.seq, actor: { type: "system" } });
}
