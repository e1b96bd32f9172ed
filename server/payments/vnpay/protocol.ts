import crypto from "node:crypto";

/**
 * VNPay 2.1.0 wire format, shared by our client (merchant side) and our sandbox (gateway side).
 * See /work/shared/vnpay-protocol.md (docs/decisions/010-vnpay-client.md).
 */
export const VNP_VERSION = "2.1.0";

export type VnpParams = Record<string, string>;

/** GMT+7, as the protocol says: Vietnam keeps no daylight saving time, so the offset is a constant. */
const VN_OFFSET_MS = 7 * 3_600_000;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `yyyyMMddHHmmss` wall-clock time in GMT+7, whatever the server's own time zone: the instant moved by
 * the constant offset, read with the UTC getters (never the local ones). Tested against
 * Intl.DateTimeFormat with timeZone Asia/Ho_Chi_Minh under several server zones; about 10× cheaper.
 */
export function formatVnpDate(date: Date): string {
  const d = new Date(date.getTime() + VN_OFFSET_MS);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
}

/** Parses `yyyyMMddHHmmss` (GMT+7; Vietnam has no daylight saving time) back to an instant, or null. */
export function parseVnpDate(value: string | undefined | null): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value ?? "");
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h! - 7, mi!, s!));
  return formatVnpDate(date) === value ? date : null;
}

/**
 * The canonical string: every vnp_* parameter except the hash fields, non-empty, sorted by key (byte
 * order), each key and value form-encoded as URLSearchParams does (space → "+", "%XX" uppercase). It is
 * both what is signed and the query string that is sent.
 */
export function canonicalQuery(params: VnpParams): string {
  const keys = Object.keys(params)
    .filter((k) => k.startsWith("vnp_") && k !== "vnp_SecureHash" && k !== "vnp_SecureHashType")
    .filter((k) => params[k] !== undefined && params[k] !== null && params[k] !== "")
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const search = new URLSearchParams();
  for (const k of keys) search.append(k, params[k]!);
  return search.toString();
}

/** HMAC-SHA512, lowercase hex. */
export function hmacSha512(secret: string, message: string): string {
  return crypto.createHmac("sha512", secret).update(message, "utf8").digest("hex");
}

/** Constant-time comparison of two hex digests (case-insensitive, as VNPay sends uppercase at times). */
export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase(), "utf8");
  const y = Buffer.from(b.toLowerCase(), "utf8");
  if (x.length !== y.length) {
    crypto.timingSafeEqual(x, x); // same work either way
    return false;
  }
  return crypto.timingSafeEqual(x, y);
}

export function signParams(secret: string, params: VnpParams): { query: string; hash: string } {
  const query = canonicalQuery(params);
  return { query, hash: hmacSha512(secret, query) };
}

/** Checks vnp_SecureHash over the raw received values. */
export function verifyParams(secret: string, params: VnpParams): boolean {
  const given = params.vnp_SecureHash;
  if (!given || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  return safeEqualHex(hmacSha512(secret, canonicalQuery(params)), given);
}

/** Pipe-joined fields for the JSON APIs (querydr, refund and their responses); missing → "". */
export function pipeHash(secret: string, values: (string | number | undefined | null)[]): string {
  return hmacSha512(secret, values.map((v) => (v === undefined || v === null ? "" : String(v))).join("|"));
}

export const QUERYDR_REQUEST_FIELDS = [
  "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate",
  "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
] as const;
export const REFUND_REQUEST_FIELDS = [
  "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef",
  "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr",
  "vnp_OrderInfo",
] as const;
const RESPONSE_FIELDS = [
  "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef",
  "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType",
  "vnp_TransactionStatus", "vnp_OrderInfo",
] as const;

export function responseHashFields(command: string): readonly string[] {
  return command === "querydr" ? [...RESPONSE_FIELDS, "vnp_PromotionCode", "vnp_PromotionAmount"] : RESPONSE_FIELDS;
}

export function hashOf(secret: string, fields: readonly string[], body: Record<string, unknown>): string {
  return pipeHash(secret, fields.map((f) => body[f] as string | undefined));
}

/**
 * Order info as VNPay wants it: Vietnamese without diacritics, no special characters, ≤255 chars.
 * "Nộp tạm ứng án phí (TB-2026)!" → "Nop tam ung an phi TB-2026".
 */
export function sanitizeOrderInfo(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9 .,:\-_/#]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 255)
    .trim();
}

/** VNPay wants 7–45 characters: "::1" and IPv6-mapped IPv4 addresses are normalised. */
export function normaliseIpAddr(ip: string | null | undefined): string {
  if (!ip || ip === "::1") return "127.0.0.1";
  if (ip.startsWith("::ffff:")) return ip.slice(7);
  return ip.length >= 7 ? ip.slice(0, 45) : "127.0.0.1";
}

/** Amount in đồng → the ×100 string VNPay uses; and back (only after the hash was verified). */
export function toVnpAmount(dong: number): string {
  if (!Number.isSafeInteger(dong) || dong <= 0) throw new RangeError(`invalid amount ${dong}`);
  const v = String(dong * 100);
  if (v.length > 12) throw new RangeError(`amount ${dong} too large for VNPay`);
  return v;
}

export function fromVnpAmount(value: string | undefined): number | null {
  if (!value || !/^\d{1,13}$/.test(value) || !value.endsWith("00")) return null;
  return Number(value) / 100;
}
