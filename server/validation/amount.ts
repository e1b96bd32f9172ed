/**
 * The one reader of money amounts (issue 10, item 1). Money is a whole number of đồng (DESIGN.md
 * section 4). Pure and browser-safe: the form schemas use it in the browser and on the server; every
 * entry point that takes money goes through it (staff notice form, CSV import, court API, refund form,
 * the filing journey's amount to be enforced).
 *
 * What people type — `parseAmount`:
 *  - digits, optionally grouped by threes with ONE kind of separator used throughout: "1250000",
 *    "1.250.000", "1,250,000", "1 250 000" (a space, a no-break space U+00A0, a narrow no-break space
 *    U+202F as `Intl.NumberFormat` writes it, or a thin space U+2009 — all count as "a space");
 *  - optionally one currency mark before or after it, as the portal itself writes money
 *    ("1.250.000 ₫", "VND 1,250,000", also "đ", "đồng", "VNĐ").
 *  Everything else is refused with a reason: decimals ("1000.5", "1.250.000,00"), misplaced or mixed
 *  separators ("1.25.000", "12,50", "1.250,000"), signs, exponents, hex, letters, leading zeros, zero,
 *  and amounts outside [min, max].
 *  "1.250" and "1,250" are one thousand two hundred and fifty: a separator followed by exactly three
 *  digits is always a thousands separator, since money has no fractional part.
 *
 * What a machine sends — `parseApiAmount` (the court API): a JSON integer, or a string of digits only.
 *
 * Maximums (documented here and stated in the error messages):
 *  - AMOUNT_MAX_PAYABLE = 9,999,999,999 đồng for anything paid or refunded through VNPay: its
 *    `vnp_Amount` is the amount × 100 in at most 12 digits (docs: vnpay-protocol.md), and the
 *    fee_notices.amount check (baseline migration) holds the same bound.
 *  - AMOUNT_MAX_CLAIM = 1,000,000,000,000,000 đồng (10^15) for an amount a citizen asks to have
 *    enforced (judgments can run to hundreds of trillions of đồng); below Number.MAX_SAFE_INTEGER, so a
 *    JavaScript number holds it exactly.
 */

export const AMOUNT_MAX_PAYABLE = 9_999_999_999;
export const AMOUNT_MAX_CLAIM = 1_000_000_000_000_000;
/** The smallest fee notice (unchanged from the first release). */
export const NOTICE_AMOUNT_MIN = 1_000;

export type AmountError =
  | "required" // nothing typed
  | "format" // letters, signs, exponents, hex, other symbols, leading zeros
  | "fraction" // a decimal part
  | "grouping" // separators not every three digits, or two kinds mixed
  | "tooSmall" // zero or below the minimum
  | "tooLarge"; // above the maximum

export type AmountResult = { ok: true; value: number } | { ok: false; reason: AmountError };
export type AmountLimits = { min?: number; max?: number };

const SPACES = /[\u0020\u00A0\u202F\u2009]/g;
const CURRENCY_BEFORE = /^(?:VND|VNĐ|₫)\s*/iu;
const CURRENCY_AFTER = /\s*(?:₫|đ|đồng|VND|VNĐ)$/iu;

function inRange(value: number, { min = 1, max = AMOUNT_MAX_PAYABLE }: AmountLimits): AmountResult {
  if (!Number.isSafeInteger(value) || value > max) return { ok: false, reason: "tooLarge" };
  if (value < Math.max(1, min)) return { ok: false, reason: "tooSmall" };
  return { ok: true, value };
}

/** Digits as long as they are, compared with the maximum without going through a float. */
function fromDigits(digits: string, limits: AmountLimits): AmountResult {
  if (/^0+$/.test(digits)) return { ok: false, reason: "tooSmall" };
  if (digits.startsWith("0")) return { ok: false, reason: "format" };
  if (digits.length > 16) return { ok: false, reason: "tooLarge" };
  return inRange(Number(digits), limits);
}

/** An amount as a person writes it (forms, CSV). See the module comment for what is accepted. */
export function parseAmount(input: string | null | undefined, limits: AmountLimits = {}): AmountResult {
  // String.prototype.trim removes U+00A0, U+202F and the other space separators too.
  let s = (input ?? "").normalize("NFC").trim();
  if (s === "") return { ok: false, reason: "required" };
  s = s.replace(CURRENCY_BEFORE, "").replace(CURRENCY_AFTER, "");
  if (s === "") return { ok: false, reason: "format" };
  s = s.replace(SPACES, " ");

  if (/^\d+$/.test(s)) return fromDigits(s, limits);

  // Only digits and the three kinds of separator may remain; a sign, an exponent, hex, letters are not money.
  if (!/^[\d., ]+$/.test(s) || !/^\d/.test(s) || !/\d$/.test(s)) {
    // "12." / ".5" / "1.250.000," are a decimal point with nothing on one side
    if (/^[\d., ]+$/.test(s) && /\d/.test(s)) return { ok: false, reason: /[.,]\d{1,2}$|^[.,]/.test(s) ? "fraction" : "grouping" };
    return { ok: false, reason: "format" };
  }

  const seps = new Set(s.replace(/\d/g, ""));
  const groups = s.split(/[., ]/);
  const last = groups[groups.length - 1]!;
  if (seps.size > 1) {
    // "1.250.000,00" / "1,250,000.5": grouped by one mark, a decimal part after the other.
    const lastSep = s[s.length - last.length - 1]!;
    const body = s.slice(0, s.length - last.length - 1);
    if (last.length !== 3 && lastSep !== " " && !body.includes(lastSep) && /^\d{1,3}([., ]\d{3})*$/.test(body) && new Set(body.replace(/\d/g, "")).size <= 1) {
      return { ok: false, reason: "fraction" };
    }
    return { ok: false, reason: "grouping" };
  }
  const sep = [...seps][0]!;
  if (/^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => g.length === 3)) {
    return fromDigits(groups.join(""), limits);
  }
  // One "." or "," followed by fewer (or more) than three digits is a decimal part: "1000.5", "12,50", "1.250.000,00" handled above.
  if (sep !== " " && groups.length === 2 && last.length !== 3) return { ok: false, reason: "fraction" };
  if (sep !== " " && groups.length > 2 && last.length < 3 && groups.slice(1, -1).every((g) => g.length === 3) && /^\d{1,3}$/.test(groups[0]!)) {
    return { ok: false, reason: "fraction" };
  }
  return { ok: false, reason: "grouping" };
}

/** The court API's amount: a JSON integer, or a string of digits only (no separators, no sign). */
export function parseApiAmount(input: unknown, limits: AmountLimits = {}): AmountResult {
  if (input === undefined || input === null || input === "") return { ok: false, reason: "required" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, reason: "format" };
    if (!Number.isInteger(input)) return { ok: false, reason: "fraction" };
    return inRange(input, limits);
  }
  if (typeof input !== "string") return { ok: false, reason: "format" };
  if (!/^\d+$/.test(input)) return { ok: false, reason: /^\d+[.,]\d+$/.test(input) ? "fraction" : "format" };
  return fromDigits(input, limits);
}
