import crypto from "node:crypto";
import type { Config } from "../config";
import type { Sql } from "../db";
import { JWKS_PATH, publicJwks, signPortalJws, verifyPortalJws } from "../receipts";
import { paths } from "../../vocabulary/paths";

/**
 * The certificate of enforcement result (ADR 077): a compact JWS (typ `thads-confirmation+jwt`) signed with
 * the receipts' current key (ADR 031), over what the office confirmed. Issued once per confirmation case
 * (the first call wins; a retry returns the stored one). Verifiable with the published key set alone.
 */
export const CONFIRMATION_JWT_TYPE = "thads-confirmation+jwt";

export type CertificateContent = {
  code: string;
  reference: string;
  relatedReference: string | null;
  applicantName: string;
  office: string;
  amountCollected: string;
  amountPaidOut: string;
  obligations: string;
  confirmedAt: string;
};
export type CertificateClaims = { iss: string; jti: string; iat: number; certificate: CertificateContent };

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const newCode = () => Array.from(crypto.randomBytes(16), (b) => ALPHABET[b & 31]).join("");

type ConfirmedRow = { case_id: string; reference: string; applicant_name: string; office: string; related_reference: string | null; seq: number; fields: Record<string, unknown>; at: Date };

/** Issues (or returns) the certificate of a confirmed case; null while the case has no confirm event. */
export async function issueCertificate(sql: Sql, config: Config, { caseId }: { caseId: string }): Promise<{ code: string; jws: string } | null> {
  const [existing] = await sql<{ code: string; jws: string }[]>`select code, jws from confirmation_certificates where case_id = ${caseId}`;
  if (existing) return existing;
  const [e] = await sql<ConfirmedRow[]>`
    select c.id as case_id, c.reference, c.applicant_name, a.name as office, rc.reference as related_reference, e.seq, e.fields, e.at
    from cases c
    join agencies a on a.id = c.agency_id
    join case_events e on e.case_id = c.id and e.event = 'confirm'
    left join submissions s on s.id = c.submission_id
    left join cases rc on rc.id = s.related_case_id
    where c.id = ${caseId} and c.case_type = 'confirmation'
    order by e.seq desc limit 1`;
  if (!e) return null;
  const code = newCode();
  const f = e.fields;
  const certificate: CertificateContent = {
    code,
    reference: e.reference,
    relatedReference: e.related_reference,
    applicantName: e.applicant_name,
    office: e.office,
    amountCollected: String(f.amountCollected ?? "0"),
    amountPaidOut: String(f.amountPaidOut ?? "0"),
    obligations: String(f.obligations ?? ""),
    confirmedAt: e.at.toISOString(),
  };
  const { jws, kid } = await signPortalJws(config, CONFIRMATION_JWT_TYPE, { iss: config.BASE_URL, jti: code, iat: Math.floor(e.at.getTime() / 1000), certificate });
  await sql`insert into confirmation_certificates (code, case_id, event_seq, jws, kid) values (${code}, ${caseId}, ${e.seq}, ${jws}, ${kid}) on conflict (case_id) do nothing`;
  const [row] = await sql<{ code: string; jws: string }[]>`select code, jws from confirmation_certificates where case_id = ${caseId}`;
  return row ?? null;
}

export type CertificateCheck = { verdict: "valid"; kid: string; certificate: CertificateContent } | { verdict: "invalid"; reason: string };

/** Verifies a certificate JWS against the published keys: the signature, the type, and that it names `code`. */
export async function verifyCertificate(config: Config, jws: string, code?: string): Promise<CertificateCheck> {
  const v = await verifyPortalJws<CertificateClaims>(publicJwks(config.RECEIPT_SIGNING_KEYS), jws, CONFIRMATION_JWT_TYPE);
  if (!v.ok) return { verdict: "invalid", reason: v.reason };
  if (code !== undefined && v.claims.certificate?.code !== code) return { verdict: "invalid", reason: "code-mismatch" };
  return { verdict: "valid", kid: v.kid, certificate: v.claims.certificate };
}

/** A typed or printed certificate code (any case, spaces or dashes) as stored, or null when it cannot be one. */
export function normaliseCertificateCode(raw: string): string | null {
  const code = raw.normalize("NFKC").toUpperCase().replace(/[\s\-\u2010-\u2015.]/g, "");
  return /^[A-Z0-9]{16}$/.test(code) ? code : null;
}
/** The code as printed on the certificate: four groups of four. */
export const printedCertificateCode = (code: string) => code.replace(/(.{4})(?=.)/g, "$1-");
/** The certificate's public verification page (its QR code). */
export const certificateVerifyUrl = (config: Config, code: string) => `${config.BASE_URL}${paths.verifyCertificate.code(code)}`;
/** The published key set's address. */
export const jwksUrl = (config: Config) => `${config.BASE_URL}${JWKS_PATH}`;

/** The public verification page's check (/xac-minh-xac-nhan/:code): null for an unknown code. */
export async function checkCertificate(sql: Sql, config: Config, { code: raw }: { code: string }): Promise<(CertificateCheck & { code: string; jws: string }) | null> {
  const code = normaliseCertificateCode(raw);
  if (!code) return null;
  const [row] = await sql<{ jws: string }[]>`select jws from confirmation_certificates where code = ${code}`;
  if (!row) return null;
  return { ...(await verifyCertificate(config, row.jws, code)), code, jws: row.jws };
}
