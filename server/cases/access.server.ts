import crypto from "node:crypto";
import type { Sql } from "../db";
import { digestToken } from "../http";

/**
 * The lookup pair of every procedure (ADR 065): the submission's reference and an access code the party
 * gets once (confirmation page, e-mail). The case keeps only the code's digest (cases.access_code_hash).
 */
export const ACCESS_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // 32 letters: no 0/O, 1/I
export const ACCESS_CODE_LENGTH = 16;

/**
 * 16 characters from a 32-letter alphabet: 80 bits, each character uniform (256 is a multiple of 32, so
 * `byte & 31` has no bias), shown as XXXX-XXXX-XXXX-XXXX. Lookups with it are rate-limited too.
 */
export function newAccessCode(): string {
  const bytes = crypto.randomBytes(ACCESS_CODE_LENGTH);
  const chars = Array.from(bytes, (b) => ACCESS_CODE_ALPHABET[b & 31]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

export function normaliseAccessCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

export function accessCodeHash(code: string): Buffer {
  return digestToken(`access:${normaliseAccessCode(code)}`);
}

/** A reference as people type it: trimmed, upper case, any dash or space variant collapsed to "-". */
export function normaliseReference(reference: string): string {
  return reference
    .normalize("NFKC")
    .trim()
    .toUpperCase()
    .replace(/[\s\u2010-\u2015_]+/g, "-");
}

/** What a reference can look like once normalised (YC-2026-0000123): anything else cannot exist. */
const REFERENCE_SHAPE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/**
 * The reference to look for, or "" (which no case has) when it cannot be one: too long, or with other
 * characters (control characters such as NUL would make PostgreSQL refuse the query). The query runs either
 * way, so a malformed reference costs what a wrong one does.
 */
export function lookupReference(reference: string): string {
  const ref = normaliseReference(reference);
  return ref.length <= 40 && REFERENCE_SHAPE.test(ref) ? ref : "";
}

/** Compared against when the reference does not exist, so a wrong reference costs the same as a wrong code. */
const DUMMY_HASH = digestToken("access:dummy-never-matches");

/**
 * The case a lookup pair opens, or null — the same null for a wrong reference and for a wrong code, after
 * the same work: one indexed query by reference (by "" when it cannot be one), one SHA-256, one
 * constant-time comparison (against a dummy digest when there is no such case). No rate limit here: each
 * channel (the page, the bulk lookup, the API) applies its own before calling this.
 */
export async function verifyLookupPair(sql: Sql, { reference, accessCode }: { reference: string; accessCode: string }): Promise<string | null> {
  const ref = lookupReference(reference);
  const typed = accessCodeHash(accessCode.slice(0, 64));
  const [row] = await sql<{ id: string; access_code_hash: Buffer | null }[]>`
    select id, access_code_hash from cases where reference = ${ref}`;
  const stored = row?.access_code_hash && row.access_code_hash.length === typed.length ? row.access_code_hash : DUMMY_HASH;
  const same = crypto.timingSafeEqual(typed, stored);
  return same && row?.access_code_hash ? row.id : null;
}

/** Many pairs at once (the bulk lookup, the API batch): one query; each pair compared in constant time. */
export async function verifyLookupPairs(
  sql: Sql,
  pairs: readonly { reference: string; accessCode: string }[],
): Promise<(string | null)[]> {
  const refs = pairs.map((p) => lookupReference(p.reference));
  const wanted = [...new Set(refs.filter((r) => r.length >= 1))];
  const rows = wanted.length
    ? await sql<{ id: string; reference: string; access_code_hash: Buffer | null }[]>`
        select id, reference, access_code_hash from cases where reference in ${sql(wanted)}`
    : [];
  const byRef = new Map(rows.map((r) => [r.reference, r]));
  return pairs.map((p, i) => {
    const typed = accessCodeHash(p.accessCode.slice(0, 64));
    const row = byRef.get(refs[i]!);
    const stored = row?.access_code_hash && row.access_code_hash.length === typed.length ? row.access_code_hash : DUMMY_HASH;
    return crypto.timingSafeEqual(typed, stored) && row?.access_code_hash ? row.id : null;
  });
}
