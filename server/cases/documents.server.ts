import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Sql } from "../db";
import { actsAt } from "../agencies";
import type { Services } from "../services";
import { findDocument, storeDocument, type DocumentKey } from "../documents";
import { serverT } from "../../vocabulary/i18n/resources.server";
import type { CaseEventDef } from "./definition";
import { caseTypeById } from "./registry";
import { presentEventFields, optionWords } from "./present.server";
import { documentNumber, renderCaseDocument } from "./document-pdf.server";

/**
 * Decision documents of case events (ADR 062). The engine queues `case_document` {caseId, eventId,
 * document} in the event's transaction (job_outbox); the job renders the PDF once and keeps it as an
 * immutable stored document: kind 'case-document', owner = the case, version = the event's seq, locale
 * 'vi'. Running the job again changes nothing (the first stored copy wins), so a retried job is harmless.
 */
export const CASE_DOCUMENT_KIND = "case-document" as const;
export const caseDocumentKey = (caseId: string, seq: number): DocumentKey => ({ kind: CASE_DOCUMENT_KIND, ownerId: caseId, version: seq, locale: "vi" });

const Payload = z.object({
  caseId: z.uuid(),
  eventId: z.coerce.number().int().positive(),
  document: z.string().min(1).max(64),
  /** A signed document's verification page and code, printed with a QR code (set by the procedure that signs it). */
  verify: z.object({ url: z.url().max(300), code: z.string().min(1).max(40) }).optional(),
});

type EventRow = {
  case_id: string;
  case_type: string;
  reference: string;
  case_number: string | null;
  applicant_name: string;
  other_party_name: string | null;
  received_at: Date;
  agency_id: string;
  seq: number;
  event: string;
  fields: Record<string, unknown>;
  at: Date;
  actor_type: string;
  actor_id: string | null;
  signer_name: string | null;
};

type Office = { name: string; code: string; address: string | null; parent_name: string | null };

async function officeById(sql: Sql, id: string): Promise<Office | null> {
  const [a] = await sql<Office[]>`
    select a.name, a.code, a.address, p.name as parent_name
    from agencies a left join agencies p on p.id = a.parent_id
    where a.id = ${id}`;
  return a ?? null;
}

/** Renders and stores the document of one event (no-op when already stored); returns its seq, or null if the event is unknown. */
export async function issueCaseDocument(sql: Sql, { caseId, eventId, document, verify }: z.infer<typeof Payload>): Promise<{ seq: number; sha256: string } | null> {
  const [e] = await sql<EventRow[]>`
    select c.id as case_id, c.case_type, c.reference, c.case_number, c.applicant_name, c.other_party_name, c.received_at, c.agency_id,
      e.seq, e.event, e.fields, e.at, e.actor_type, e.actor_id, s.full_name as signer_name
    from case_events e
    join cases c on c.id = e.case_id
    left join staff s on e.actor_type = 'staff' and s.id = e.actor_id
    where e.id = ${eventId} and e.case_id = ${caseId}`;
  if (!e) return null;
  const key = caseDocumentKey(caseId, e.seq);
  const existing = await findDocument(sql, key, { ifNoneMatch: "*" });
  if (existing) return { seq: e.seq, sha256: existing.sha256 };

  const type = caseTypeById(e.case_type);
  const t = serverT("vi");
  const fields = e.fields ?? {};
  // A forwarding letter is the sending office's: the engine keeps it beside the new office (fromAgencyId).
  const officeId = typeof fields.fromAgencyId === "string" ? fields.fromAgencyId : e.agency_id;
  const office = await officeById(sql, officeId);
  if (!office) return null;
  const words = presentEventFields(t, "vi", type, e.event, fields);
  const documentTypes = Array.isArray(fields.documentTypes) ? fields.documentTypes.map(String) : [];
  const bytes = await renderCaseDocument({
    document,
    eventTitle: String(t(`${type.content}.events.${e.event}.title` as never, { defaultValue: e.event } as never)),
    number: documentNumber(document, { seq: e.seq, agencyCode: office.code, decisionNumber: typeof fields.decisionNumber === "string" ? fields.decisionNumber : null }),
    issuedAt: e.at,
    agency: { name: office.name, parentName: office.parent_name, address: office.address },
    case: {
      reference: e.reference,
      caseNumber: typeof fields.caseNumber === "string" ? fields.caseNumber : e.case_number,
      applicantName: e.applicant_name,
      otherPartyName: e.other_party_name,
      receivedAt: e.received_at,
    },
    words,
    ground: typeof fields.ground === "string" ? fields.ground : null,
    requestedDocuments: documentTypes.map((d) => optionWords(t, type, e.event, "documentTypes", d)),
    officerName: typeof fields.officerName === "string" ? fields.officerName : null,
    targetAgencyName: typeof fields.agencyName === "string" ? fields.agencyName : null,
    replaces: e.event.startsWith("reassign"),
    signerName: e.signer_name,
    signerIsHead: e.actor_type === "staff" && e.actor_id ? await actsAt(sql, { staffId: e.actor_id, agencyId: officeId, roles: ["head"] }) : undefined,
    verify: verify ?? null,
  });
  const stored = await storeDocument(sql, key, { contentType: "application/pdf", bytes });
  return { seq: e.seq, sha256: stored.sha256 };
}

/** Task `case_document` {caseId, eventId, document}: renders the event's decision document synchronously. */
export function caseDocumentTask(services: Services): Task {
  return async (raw) => {
    const payload = Payload.parse(raw);
    const issued = await issueCaseDocument(services.sql, payload);
    if (!issued) services.log.warn({ ...payload }, "case_document: event not found, nothing issued");
  };
}

export type CaseDocumentItem = {
  seq: number;
  event: string;
  document: string;
  at: Date;
  /** False while the job has not rendered it yet. */
  issued: boolean;
  issuedAt: Date | null;
};

/**
 * The documents of a case, oldest first: one per event whose definition names a document, issued or still
 * being prepared. The caller has already decided that the staff member may see the case.
 */
export async function listCaseDocuments(sql: Sql, { caseId, caseType }: { caseId: string; caseType: string }): Promise<CaseDocumentItem[]> {
  const type = caseTypeById(caseType);
  const events = type.events as Record<string, CaseEventDef | undefined>;
  const withDocument = Object.keys(events).filter((name) => events[name]?.document);
  if (!withDocument.length) return [];
  const rows = await sql<{ seq: number; event: string; at: Date; created_at: Date | null }[]>`
    select e.seq, e.event, e.at, d.created_at
    from case_events e
    left join stored_documents d on d.kind = ${CASE_DOCUMENT_KIND} and d.owner_id = e.case_id and d.version = e.seq and d.locale = 'vi'
    where e.case_id = ${caseId} and e.event in ${sql(withDocument)}
    order by e.seq`;
  return rows.map((r) => ({
    seq: r.seq,
    event: r.event,
    document: events[r.event]!.document!,
    at: r.at,
    issued: r.created_at !== null,
    issuedAt: r.created_at,
  }));
}
