/**
 * Vietnamese identity numbers, checked for shape (pure: shared by server and browser code).
 *
 * - Citizen ID (căn cước công dân, CCCD): 12 digits; the first three are the province code of the
 *   place of birth registration (Circular 59/2021/TT-BCA, the 63 pre-2025 province codes, which stay
 *   printed on existing cards), the fourth encodes century and sex (0–9), then two digits of the birth
 *   year and six random digits.
 * - Enterprise / tax code (mã số doanh nghiệp / mã số thuế): 10 digits whose tenth is a check digit
 *   over the first nine (weights 31 29 23 19 17 13 7 5 3; check = 10 − sum mod 11, never 10), or 13
 *   digits: those 10 followed by a 3-digit branch number (001–999), often written with a dash.
 */

export const CCCD_PROVINCE_CODES = new Set([
  "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022",
  "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042",
  "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066",
  "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087",
  "089", "091", "092", "093", "094", "095", "096",
]);

export type IdKind = "cccd" | "tax";
export type IdCheck = { ok: true; kind: IdKind; value: string } | { ok: false; reason: "format" | "province" | "checkDigit" };

/** Removes spaces, dots and dashes people type inside numbers. */
export function normaliseIdNumber(input: string): string {
  return input.replace(/[\s.\-–]/g, "");
}

export function checkCccd(input: string): IdCheck {
  const v = normaliseIdNumber(input);
  if (!/^\d{12}$/.test(v)) return { ok: false, reason: "format" };
  if (!CCCD_PROVINCE_CODES.has(v.slice(0, 3))) return { ok: false, reason: "province" };
  return { ok: true, kind: "cccd", value: v };
}

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** The tenth digit of a tax code computed from its first nine, or null when no valid one exists. */
export function taxCheckDigit(first9: string): number | null {
  const sum = TAX_WEIGHTS.reduce((s, w, i) => s + w * Number(first9[i]), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

export function checkTaxCode(input: string): IdCheck {
  const v = normaliseIdNumber(input);
  if (!/^\d{10}(\d{3})?$/.test(v)) return { ok: false, reason: "format" };
  const check = taxCheckDigit(v.slice(0, 9));
  if (check === null || check !== Number(v[9])) return { ok: false, reason: "checkDigit" };
  if (v.length === 13 && v.slice(10) === "000") return { ok: false, reason: "format" };
  return { ok: true, kind: "tax", value: v };
}

/** A payer's ID: 12 digits → citizen ID; 10 or 13 digits → enterprise/tax code. */
export function checkPayerId(input: string): IdCheck {
  const v = normaliseIdNumber(input);
  if (v.length === 12) return checkCccd(v);
  if (v.length === 10 || v.length === 13) return checkTaxCode(v);
  return { ok: false, reason: "format" };
}

/** "001203004567" → "********4567": what pages show where the full number is not needed. */
export function maskIdNumber(value: string): string {
  return value.length <= 4 ? value : "•".repeat(value.length - 4) + value.slice(-4);
}
