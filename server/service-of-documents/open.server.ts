import type { Sql } from "../db";
import { actsAt } from "../agencies";
import { sha256Hex, findDocument } from "../documents";
import { caseDocumentKey, caseViewerRoles, verifyLookupPair } from "../cases";
import { isUuid } from "../../vocabulary/identity";
import { vnDay } from "../deadlines";

/**
 * Who asks to open a served document: the party signed in (their account owns the case), someone who typed
 * the case's lookup pair, or a staff member. Only the party served and the staff of the case's office may
 * open it; everyone else gets the same not-found (no hint that the document exists).
 */
export type ServiceViewer =
  | { type: "citizen"; citizenId: string }
  | { type: "lookup"; reference: string; accessCode: string }
  | { type: "staff"; staffId: string };

export type ServiceProof = {
  id: string;
  caseId: string;
  reference: string;
  document: string;
  documentSeq: number;
  method: "electronic" | "paper";
  paperMethod: string | null;
  sha256: string;
  servedAt: Date;
  dueOn: string | null;
  openedAt: Date | null;
  openedSha256: string | null;
  bouncedAt: Date | null;
};

type Row = {
  id: string;
  case_id: string;
  reference: string;
  agency_id: string;
  case_type: string;
  citizen_id: string | null;
  document: string;
  document_seq: number;
  method: "electronic" | "paper";
  paper_method: string | null;
  sha256: string;
  served_at: Date;
  due_on: string | null;
  opened_at: Date | null;
  opened_sha256: string | null;
  bounced_at: Date | null;
};

const proofOf = (r: Row): ServiceProof => ({
  id: r.id,
  caseId: r.case_id,
  reference: r.reference,
  document: r.document,
  documentSeq: r.document_seq,
  method: r.method,
  paperMethod: r.paper_method,
  sha256: r.sha256,
  servedAt: r.served_at,
  dueOn: r.due_on,
  openedAt: r.opened_at,
  openedSha256: r.opened_sha256,
  bouncedAt: r.bounced_at,
});

const select = (sql: Sql) => sql`
  select s.id, s.case_id, c.reference, c.agency_id, c.case_type, c.citizen_id, s.document, s.document_seq, s.method, s.paper_method,
    s.sha256, s.served_at, to_char(s.due_on, 'YYYY-MM-DD') as due_on, s.opened_at, s.opened_sha256, s.bounced_at
  from document_services s join cases c on c.id = s.case_id`;

/** Is the viewer the party served, or staff of the case's office? "party" | "staff" | null (not-found). */
async function viewerOf(sql: Sql, row: Row, viewer: ServiceViewer): Promise<"party" | "staff" | null> {
  if (viewer.type === "citizen") return row.citizen_id !== null && row.citizen_id === viewer.citizenId ? "party" : null;
  if (viewer.type === "lookup") return (await verifyLookupPair(sql, viewer)) === row.case_id ? "party" : null;
  return (await actsAt(sql, { staffId: viewer.staffId, agencyId: row.agency_id, roles: caseViewerRoles(row.case_type) })) ? "staff" : null;
}

/** The proof of one service (time, hash, first opening) for the party or the office; null = not-found for anyone else. */
export async function serviceProof(sql: Sql, serviceId: string, viewer: ServiceViewer): Promise<(ServiceProof & { viewer: "party" | "staff" }) | null> {
  if (!isUuid(serviceId)) return null;
  const [row] = await sql<Row[]>`${select(sql)} where s.id = ${serviceId}`;
  if (!row || row.method !== "electronic") return null;
  const who = await viewerOf(sql, row, viewer);
  return who ? { ...proofOf(row), viewer: who } : null;
}

/**
 * Opens a served document: its exact bytes, for the party served or the office (null otherwise). The party's
 * first opening records opened_at and the SHA-256 of the bytes delivered, once: a later opening changes
 * nothing (the `opened_at is null` guard here, and the table's trigger refusing any change after).
 */
export async function openServedDocument(
  sql: Sql,
  serviceId: string,
  viewer: ServiceViewer,
  at: Date = new Date(),
): Promise<{ bytes: Buffer; sha256: string; proof: ServiceProof; viewer: "party" | "staff" } | null> {
  const proof = await serviceProof(sql, serviceId, viewer);
  if (!proof) return null;
  const stored = await findDocument(sql, caseDocumentKey(proof.caseId, proof.documentSeq));
  if (!stored?.bytes) return null;
  const sha256 = sha256Hex(stored.bytes);
  if (proof.viewer === "party" && !proof.openedAt) {
    const [opened] = await sql<{ opened_at: Date; opened_sha256: string }[]>`
      update document_services set opened_at = ${at}, opened_sha256 = ${sha256}
      where id = ${proof.id} and opened_at is null returning opened_at, opened_sha256`;
    if (opened) Object.assign(proof, { openedAt: opened.opened_at, openedSha256: opened.opened_sha256 });
  }
  const { viewer: who, ...rest } = proof;
  return { bytes: stored.bytes, sha256, proof: rest, viewer: who };
}

/** Every service of a case, newest first (the staff case page; the caller has scoped the case). */
export async function servicesOfCase(sql: Sql, caseId: string): Promise<ServiceProof[]> {
  const rows = await sql<Row[]>`${select(sql)} where s.case_id = ${caseId} order by s.served_at desc, s.id`;
  return rows.map(proofOf);
}

/**
 * Services the officer must now make on paper: electronic services not opened by their due date, or whose
 * notice bounced, and not yet served on paper (the "serve on paper" task of the case page).
 */
export async function paperServiceDue(sql: Sql, caseId: string, today: string = vnDay(new Date())): Promise<ServiceProof[]> {
  const rows = await sql<Row[]>`${select(sql)}
    where s.case_id = ${caseId} and s.method = 'electronic' and s.opened_at is null
      and (s.bounced_at is not null or s.due_on < ${today}::date)
      and not exists (select 1 from document_services p where p.case_id = s.case_id and p.document_seq = s.document_seq and p.method = 'paper')
    order by s.served_at`;
  return rows.map(proofOf);
}

/** The mailer could not deliver the notice (a bounce, or the send failed for good): the officer serves on paper. */
export async function markNoticeBounced(sql: Sql, serviceId: string, at: Date = new Date()): Promise<boolean> {
  if (!isUuid(serviceId)) return false;
  const rows = await sql`update document_services set bounced_at = coalesce(bounced_at, ${at}) where id = ${serviceId} and method = 'electronic' returning id`;
  return rows.length > 0;
}
