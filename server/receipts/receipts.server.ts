import type { Pool, Sql } from "../db";
import { scopedAgencies } from "../agencies";
import { isUuid } from "../../vocabulary/identity";
import type { Config } from "../config";
import { audit } from "../audit";
import { flushJobOutbox } from "../jobs";
import { amountInVietnameseWords } from "./words";
import { publicJwks, signReceipt, verifyReceiptJws, type VerifiedJws } from "./signing.server";

/**
 * Electronic receipts (biên lai thu tiền điện tử), docs/decisions/030-e-receipts.md:
 * - issued inside the transaction that credits the notice (`issueReceipt`), exactly once per attempt;
 * - numbered per issuing office and year from a counter row locked by `update … returning`: no gaps,
 *   no duplicates, whatever the concurrency;
 * - the content is frozen as JSON at issue; its JWS is added right after commit (job or first reader);
 * - cancelled (and optionally replaced) only by the office's accountant, with a reason, audited.
 */

import type { ReceiptContent } from "./types";
import { paths } from "../../vocabulary/paths";
export type { ReceiptContent };

export type ReceiptRow = {
  id: string;
  agency_id: string;
  year: number;
  number: number;
  form_number: string;
  symbol: string;
  attempt_id: string;
  notice_id: string;
  amount: number;
  payload: ReceiptContent;
  jws: string | null;
  kid: string | null;
  code: string;
  issued_at: Date;
  status: "valid" | "cancelled";
  cancelled_at: Date | null;
  cancel_reason: string | null;
  replaces_id: string | null;
  replaced_by_id: string | null;
};

export const formatReceiptNumber = (n: number) => String(n).padStart(7, "0");

/**
 * Issues the receipt of a succeeded attempt inside the caller's transaction (SQL function receipts_issue,
 * server/receipts/rules.sql). The credit of a notice calls it through the trigger fee_notices_issue_receipt
 * (same file), so it runs in the crediting transaction; a second call for the same attempt returns the
 * first receipt and takes no number.
 */
export async function issueReceipt(tx: Sql, { attemptId }: { attemptId: string }): Promise<{ id: string; code: string; number: number }> {
  const [r] = await tx<{ id: string; code: string; number: number }[]>`select id, code, number from receipts_issue(${attemptId})`;
  return r!;
}

/** A replacement (receipts_issue with p_replaces_id): the next number, corrected payer details, a reference to the cancelled receipt. */
async function issueReplacement(tx: Sql, r: ReceiptRow, payer: { name: string; address: string }) {
  const [n] = await tx<{ id: string; code: string; number: number }[]>`
    select id, code, number from receipts_issue(${r.attempt_id}, ${r.id}, ${payer.name}, ${payer.address})`;
  return n!;
}

const RECEIPT_COLUMNS = (sql: Sql) => sql`
  r.id, r.agency_id, r.year, r.number, r.form_number, r.symbol, r.attempt_id, r.notice_id, r.amount, r.payload, r.jws, r.kid,
  r.code, r.issued_at, r.status, r.cancelled_at, r.cancel_reason, r.replaces_id, r.replaced_by_id`;

/** The shape of a receipt's code (24 random characters when issued); anything else is not looked up. */
export const RECEIPT_CODE = /^[A-Za-z0-9]{20,40}$/;

export async function getReceiptByCode(sql: Sql, { code }: { code: string }): Promise<ReceiptRow | null> {
  if (!RECEIPT_CODE.test(code)) return null;
  const [row] = await sql<ReceiptRow[]>`select ${RECEIPT_COLUMNS(sql)} from receipts r where r.code = ${code}`;
  return row ?? null;
}

export async function getReceipt(sql: Sql, { id }: { id: string }): Promise<ReceiptRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await sql<ReceiptRow[]>`select ${RECEIPT_COLUMNS(sql)} from receipts r where r.id = ${id}`;
  return row ?? null;
}

/** The claims that are signed: issuer, receipt id, issue time and the frozen content. */
export function receiptClaims(config: Pick<Config, "BASE_URL">, r: Pick<ReceiptRow, "id" | "issued_at" | "payload">) {
  return { iss: config.BASE_URL, jti: r.id, iat: Math.floor(new Date(r.issued_at).getTime() / 1000), receipt: r.payload };
}

/** Signs a receipt that is not signed yet (idempotent: the first signature stays). */
export async function ensureSigned(deps: { sql: Sql; config: Config }, receipt: ReceiptRow): Promise<ReceiptRow> {
  if (receipt.jws) return receipt;
  const payload: ReceiptContent = { ...receipt.payload, amountInWords: receipt.payload.amountInWords ?? amountInVietnameseWords(receipt.payload.amount) };
  const { jws, kid } = await signReceipt(deps.config, receiptClaims(deps.config, { ...receipt, payload }));
  await deps.sql`update receipts set jws = ${jws}, kid = ${kid}, payload = ${deps.sql.json(payload as never)} where id = ${receipt.id} and jws is null`;
  return (await getReceipt(deps.sql, { id: receipt.id }))!;
}

export const verifyUrl = (config: Pick<Config, "BASE_URL">, code: string) => `${config.BASE_URL}${paths.verifyReceipt(code)}`;

export type ReceiptCheck = {
  receipt: ReceiptRow;
  signature: { ok: true; kid: string } | { ok: false; reason: string };
  /** The claims as signed (decoded from the JWS), when the signature holds. */
  signed: ReturnType<typeof receiptClaims> | null;
  state: "valid" | "cancelled";
  replacedBy: { symbol: string; number: string; code: string } | null;
};

/**
 * The public check behind the QR code: the signature against the published keys, the signed content
 * against the record, and the receipt's current state (valid, cancelled, replaced by N).
 */
export async function checkReceipt(deps: { sql: Sql; config: Config }, { code }: { code: string }): Promise<ReceiptCheck | null> {
  let receipt = await getReceiptByCode(deps.sql, { code });
  if (!receipt) return null;
  receipt = await ensureSigned(deps, receipt);
  const verified = await verifiedOnce(deps.config, receipt.jws!);
  let signature: ReceiptCheck["signature"] = verified.ok ? { ok: true, kid: verified.kid } : { ok: false, reason: verified.reason };
  if (verified.ok) {
    const expected = receiptClaims(deps.config, receipt);
    const same = verified.claims.jti === expected.jti && JSON.stringify(sortKeys(verified.claims.receipt)) === JSON.stringify(sortKeys(expected.receipt));
    if (!same) signature = { ok: false, reason: "content-differs" };
  }
  let replacedBy: ReceiptCheck["replacedBy"] = null;
  if (receipt.replaced_by_id) {
    const next = await getReceipt(deps.sql, { id: receipt.replaced_by_id });
    if (next) replacedBy = { symbol: next.symbol, number: formatReceiptNumber(next.number), code: next.code };
  }
  return {
    receipt,
    signature,
    signed: verified.ok ? (verified.claims as ReturnType<typeof receiptClaims>) : null,
    state: receipt.status,
    replacedBy,
  };
}

/**
 * A JWS checked once per process against the configured key set (ADR 057): the JWS of a receipt never
 * changes once written and the key set is this process's configuration, so the answer cannot change
 * either. The record is still compared with the signed content on every check (checkReceipt). Bounded:
 * the oldest entries go first.
 */
const VERIFIED_MAX = 5000;
const verifiedByKeys = new WeakMap<Config["RECEIPT_SIGNING_KEYS"], { jwks: ReturnType<typeof publicJwks>; results: Map<string, Promise<VerifiedJws<ReceiptContent>>> }>();
function verifiedOnce(config: Config, jws: string): Promise<VerifiedJws<ReceiptContent>> {
  let entry = verifiedByKeys.get(config.RECEIPT_SIGNING_KEYS);
  if (!entry) {
    entry = { jwks: publicJwks(config.RECEIPT_SIGNING_KEYS), results: new Map() };
    verifiedByKeys.set(config.RECEIPT_SIGNING_KEYS, entry);
  }
  const known = entry.results.get(jws);
  if (known) return known;
  const result = verifyReceiptJws<ReceiptContent>(entry.jwks, jws);
  if (entry.results.size >= VERIFIED_MAX) entry.results.delete(entry.results.keys().next().value!);
  entry.results.set(jws, result);
  return result;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
  return v;
}

/** The receipt to show on the payment result page: the valid one, else the latest. */
export async function receiptForPayment(sql: Sql, { txnRef }: { txnRef: string }) {
  const [row] = await sql<{ code: string; symbol: string; number: number; status: "valid" | "cancelled" }[]>`
    select r.code, r.symbol, r.number, r.status from receipts r join payment_attempts p on p.id = r.attempt_id
    where p.txn_ref = ${txnRef} order by (r.status = 'valid') desc, r.issued_at desc limit 1`;
  return row ? { code: row.code, symbol: row.symbol, number: formatReceiptNumber(row.number), status: row.status } : null;
}

// ---- Staff: list, cancel, replace ----------------------------------------------------------------------

export type StaffReceipt = {
  id: string;
  code: string;
  symbol: string;
  number: number;
  status: "valid" | "cancelled";
  amount: number;
  payer_name: string;
  notice_number: string;
  issued_at: Date;
  agency_name: string;
  replaced_by_number: number | null;
};

/** Receipts of the offices where this staff member is an accountant (filtered in SQL). */
export async function listReceiptsForAccountant(sql: Sql, { staffId, limit = 100 }: { staffId: string; limit?: number }) {
  return sql<StaffReceipt[]>`
    select r.id, r.code, r.symbol, r.number, r.status, r.amount, r.payload->'payer'->>'name' as payer_name,
      r.payload->'reason'->>'noticeNumber' as notice_number, r.issued_at, a.name as agency_name, nr.number as replaced_by_number
    from receipts r join agencies a on a.id = r.agency_id left join receipts nr on nr.id = r.replaced_by_id
    where r.agency_id in (${scopedAgencies(sql, staffId, ["accountant"])})
    order by r.issued_at desc limit ${limit}`;
}

/** One receipt, only if this staff member is an accountant of its issuing office. */
export async function getReceiptForAccountant(sql: Sql, { id, staffId }: { id: string; staffId: string }): Promise<ReceiptRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await sql<ReceiptRow[]>`
    select ${RECEIPT_COLUMNS(sql)} from receipts r
    where r.id = ${id} and r.agency_id in (${scopedAgencies(sql, staffId, ["accountant"])})`;
  return row ?? null;
}

export type CancelInput = { receiptId: string; reason: string; replace: boolean; payerName?: string; payerAddress?: string };
export type CancelResult =
  | { ok: true; cancelled: { id: string; code: string }; replacement: { id: string; code: string; number: number } | null }
  | { ok: false; error: "not-found" | "already-cancelled" | "payment-not-succeeded" };

/**
 * Cancels a valid receipt (accountant of its issuing office only, checked in SQL), and optionally
 * issues its replacement with the next number, carrying corrected payer details. Audited.
 */
export async function cancelReceipt(
  sql: Pool,
  input: CancelInput,
  actor: { staffId: string; ip: string | null; requestId: string | null },
): Promise<CancelResult> {
  if (!isUuid(input.receiptId)) return { ok: false, error: "not-found" };
  const result = await sql.begin(async (tx) => {
    const [r] = await tx<(ReceiptRow & { attempt_state: string })[]>`
      select ${RECEIPT_COLUMNS(tx)}, p.state as attempt_state from receipts r join payment_attempts p on p.id = r.attempt_id
      where r.id = ${input.receiptId}
        and r.agency_id in (${scopedAgencies(tx, actor.staffId, ["accountant"])})
      for update of r`;
    if (!r) return { ok: false as const, error: "not-found" as const };
    if (r.status !== "valid") return { ok: false as const, error: "already-cancelled" as const };
    if (input.replace && r.attempt_state !== "succeeded") return { ok: false as const, error: "payment-not-succeeded" as const };
    await tx`
      update receipts set status = 'cancelled', cancelled_at = now(), cancelled_by = ${actor.staffId}, cancel_reason = ${input.reason}
      where id = ${r.id}`;
    let replacement: { id: string; code: string; number: number } | null = null;
    if (input.replace) {
      // Lock the attempt like the crediting transaction does, then issue the next number.
      await tx`select 1 from payment_attempts where id = ${r.attempt_id} for update`;
      replacement = await issueReplacement(tx, r, {
        name: input.payerName || r.payload.payer.name,
        address: input.payerAddress || r.payload.payer.address,
      });
      await tx`update receipts set replaced_by_id = ${replacement.id} where id = ${r.id}`;
    }
    await audit(tx, {
      actorType: "staff",
      actorId: actor.staffId,
      agencyId: r.agency_id,
      action: input.replace ? "receipt.replace" : "receipt.cancel",
      targetType: "receipt",
      targetId: r.id,
      ip: actor.ip,
      requestId: actor.requestId,
      details: {
        symbol: r.symbol,
        number: formatReceiptNumber(r.number),
        reason: input.reason,
        replacement: replacement ? formatReceiptNumber(replacement.number) : null,
      },
    });
    return { ok: true as const, cancelled: { id: r.id, code: r.code }, replacement };
  });
  if (result.ok && result.replacement) await flushJobOutbox(sql); // the replacement's delivery job
  return result;
}

/** Everything a receipt page or PDF shows, from its code (signing it first if needed). */
export async function receiptDocument(deps: { sql: Sql; config: Config }, { code }: { code: string }) {
  let row = await getReceiptByCode(deps.sql, { code });
  if (!row) return null;
  row = await ensureSigned(deps, row);
  const next = row.replaced_by_id ? await getReceipt(deps.sql, { id: row.replaced_by_id }) : null;
  const [attempt] = await deps.sql<{ txn_ref: string; email: string; locale: "vi" | "en" }[]>`
    select txn_ref, email, locale from payment_attempts where id = ${row.attempt_id}`;
  return {
    row,
    content: row.payload,
    verifyUrl: verifyUrl(deps.config, row.code),
    replacedBy: next ? { number: formatReceiptNumber(next.number), symbol: next.symbol, code: next.code } : null,
    attempt: attempt!,
  };
}
