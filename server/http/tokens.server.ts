import crypto from "node:crypto";

/** The one-way digest under which a bearer token (a draft's cookie, a resume link, an access code) is stored. */
export function digestToken(token: string): Buffer {
  return crypto.createHash("sha256").update(token).digest();
}

/**
 * The digest under which a party's citizen ID number (CCCD) is kept to join their cases to their account
 * (cases.applicant_id_digest, ADR 067): SHA-256 of the 12 digits (spaces, dots, dashes dropped); null for
 * anything that is not 12 digits. Same as migration 00020's backfill: sha256(convert_to(digits, 'UTF8')).
 */
export function idNumberDigest(idNumber: string | null | undefined): Buffer | null {
  if (typeof idNumber !== "string") return null;
  const digits = idNumber.replace(/[\s.\-–]/g, "");
  return /^[0-9]{12}$/.test(digits) ? crypto.createHash("sha256").update(digits, "utf8").digest() : null;
}
