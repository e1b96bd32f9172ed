import crypto from "node:crypto";
import type postgres from "postgres";

/**
 * Cases with a known lookup pair, for the organisations' tests and the bulk-lookup journey (ADR 069):
 * `n` enforcement-request case rows at one office (`agencyCode`), references `<prefix>-nnnnnn`, each with
 * a random access code whose digest is stored as the filing stores it (SHA-256 of "access:" + the code
 * without dashes, server/cases accessCodeHash) — computed by PostgreSQL's sha256(), so this file needs
 * no portal code (Playwright loads it too). One insert whatever `n`.
 */
export type PairCase = { caseId: string; reference: string; accessCode: string };

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export function randomAccessCode(): string {
  return Array.from(crypto.randomBytes(16), (b) => ALPHABET[b & 31])
    .join("")
    .match(/.{4}/g)!
    .join("-");
}

export async function makePairCases(
  sql: postgres.Sql,
  n: number,
  { prefix = `OC-${crypto.randomBytes(3).toString("hex").toUpperCase()}`, agencyCode = "HNI-KV01", state = "received" } = {},
): Promise<PairCase[]> {
  const refs = Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(6, "0")}`);
  const codes = refs.map(() => randomAccessCode());
  const rows = await sql<{ id: string; reference: string }[]>`
    insert into cases (case_type, submission_id, reference, agency_id, state, applicant_name, other_party_name, search_text,
                       received_at, updated_at, access_code_hash)
    select 'enforcement-request', gen_random_uuid(), r.reference, a.id, ${state}, 'Nguyễn Văn Bình', 'Công ty TNHH Minh Phát',
      lower(replace(r.reference, '-', ' ')), now(), now(), sha256(convert_to('access:' || replace(r.code, '-', ''), 'UTF8'))
    from unnest(${refs}::text[], ${codes}::text[]) as r(reference, code)
    cross join (select id from agencies where code = ${agencyCode}) a
    returning id, reference`;
  if (rows.length !== n) throw new Error(`makePairCases: office ${agencyCode} not found`);
  const idOf = new Map(rows.map((r) => [r.reference, r.id]));
  return refs.map((reference, i) => ({ caseId: idOf.get(reference)!, reference, accessCode: codes[i]! }));
}
