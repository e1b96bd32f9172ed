import crypto from "node:crypto";
import type { Config } from "../config";
import type { Sql } from "../db";
import { publicJwks, signPortalJws, verifyPortalJws } from "../receipts";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { maskName } from "../../vocabulary/identity";

/**
 * The signed receipt of service (ADR 080): the proof of one service of a document (document title, case
 * reference, the party's masked name, served at, first opened at, the SHA-256 of the bytes) as a compact JWS
 * (typ `thads-service+jwt`) signed with the receipts' current key and published key set (ADR 031), like the
 * certificate of ADR 077: its own type, so neither a receipt nor a certificate passes for it. Issued once per
 * complete proof: an electronic service the party has opened, or a service recorded on paper. The first
 * issue wins; the row is never changed (trigger in rules.sql).
 */
export const SERVICE_RECEIPT_JWT_TYPE = "thads-service+jwt";

export type ServiceReceiptContent = {
  code: string;
  serviceId: string;
  reference: string;
  office: string;
  /** The party served, masked as on every public page (ADR 065); never an ID number. */
  party: string;
  document: string;
  documentTitle: string;
  method: "electronic" | "paper";
  paperMethod: string | null;
  servedAt: string;
  openedAt: string | null;
  /** SHA-256 (hex) of the PDF served. */
  sha256: string;
  /** SHA-256 (hex) of the bytes delivered at the party's first opening (electronic service). */
  openedSha256: string | null;
};
export type ServiceReceiptClaims = { iss: string; jti: string; iat: number; service: ServiceReceiptContent };

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const newCode = () => Array.from(crypto.randomBytes(16), (b) => ALPHABET[b & 31]).join("");
/** A typed or printed code (any case, spaces or dashes) as stored, or null when it cannot be one. */
export function normaliseReceiptCode(raw: string): string | null {
  const code = raw.normalize("NFKC").toUpperCase().replace(/[\s\-\u2010-\u2015.]/g, "");
  return /^[A-Z0-9]{16}$/.test(code) ? code : null;
}
/** The code as printed: four groups of four. */
export const printedCode = (code: string) => code.replace(/(.{4})(?=.)/g, "$1-");

type ServiceRow = {
  id: string;
  reference: string;
  applicant_name: string;
  office: string;
  document: string;
  method: "electronic" | "paper";
  paper_method: string | null;
  served_at: Date;
  opened_at: Date | null;
  sha256: string;
  opened_sha256: string | null;
};

/**
 * Issues (or returns) the receipt of service of one service row; null while its proof is not complete (an
 * electronic service not opened yet) or for an unknown id. The caller has decided who may ask.
 */
export async function issueServiceReceipt(sql: Sql, config: Config, { serviceId }: { serviceId: string }): Promise<{ code: string; jws: string } | null> {
  const [existing] = await sql<{ code: string; jws: string }[]>`select code, jws from service_receipts where service_id = ${serviceId}`;
  if (existing) return existing;
  const [s] = await sql<ServiceRow[]>`
    select s.id, c.reference, c.applicant_name, a.name as office, s.document, s.method, s.paper_method, s.served_at, s.opened_at, s.sha256, s.opened_sha256
    from document_services s join cases c on c.id = s.case_id join agencies a on a.id = c.agency_id
    where s.id = ${serviceId}`;
  if (!s || (s.method === "electronic" && !s.opened_at)) return null;
  const code = newCode();
  const t = serverT("vi");
  const service: ServiceReceiptContent = {
    code,
    serviceId: s.id,
    reference: s.reference,
    office: s.office,
    party: maskName(s.applicant_name),
    document: s.document,
    documentTitle: String(t(`workflow.documents.names.${s.document}` as never, { defaultValue: t("workflow.documents.names.other") } as never)),
    method: s.method,
    paperMethod: s.paper_method,
    servedAt: s.served_at.toISOString(),
    openedAt: s.opened_at?.toISOString() ?? null,
    sha256: s.sha256,
    openedSha256: s.opened_sha256,
  };
  const at = s.opened_at ?? s.served_at;
  const { jws, kid } = await signPortalJws(config, SERVICE_RECEIPT_JWT_TYPE, { iss: config.BASE_URL, jti: code, iat: Math.floor(at.getTime() / 1000), service });
  await sql`insert into service_receipts (code, service_id, jws, kid) values (${code}, ${serviceId}, ${jws}, ${kid}) on conflict (service_id) do nothing`;
  const [row] = await sql<{ code: string; jws: string }[]>`select code, jws from service_receipts where service_id = ${serviceId}`;
  return row ?? null;
}

/** The receipts of service of these services, issuing the missing ones whose proof is complete: service id → code. */
export async function serviceReceiptCodes(sql: Sql, config: Config, serviceIds: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const id of serviceIds) {
    const r = await issueServiceReceipt(sql, config, { serviceId: id });
    if (r) out[id] = r.code;
  }
  return out;
}

export type ServiceReceiptCheck = { verdict: "valid"; kid: string; issuer: string; receipt: ServiceReceiptContent } | { verdict: "invalid"; reason: string };

/** Verifies a receipt-of-service JWS against the published keys: the signature, the type, and that it names `code`. */
export async function verifyServiceReceipt(config: Config, jws: string, code?: string): Promise<ServiceReceiptCheck> {
  const v = await verifyPortalJws<ServiceReceiptClaims>(publicJwks(config.RECEIPT_SIGNING_KEYS), jws, SERVICE_RECEIPT_JWT_TYPE);
  if (!v.ok) return { verdict: "invalid", reason: v.reason };
  if (!v.claims.service || (code !== undefined && v.claims.service.code !== code)) return { verdict: "invalid", reason: "code-mismatch" };
  return { verdict: "valid", kid: v.kid, issuer: v.claims.iss, receipt: v.claims.service };
}

/** The public verification page's check (/xac-minh-tong-dat/:code): null for a code that names no receipt. */
export async function checkServiceReceipt(sql: Sql, config: Config, { code }: { code: string }): Promise<(ServiceReceiptCheck & { code: string; jws: string }) | null> {
  const normal = normaliseReceiptCode(code);
  if (!normal) return null;
  const [row] = await sql<{ jws: string }[]>`select jws from service_receipts where code = ${normal}`;
  if (!row) return null;
  return { ...(await verifyServiceReceipt(config, row.jws, normal)), code: normal, jws: row.jws };
}
