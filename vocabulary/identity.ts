/**
 * Shape checks for Vietnamese identity numbers (DESIGN.md section 4). Pure: used by the form schemas in
 * the browser and on the server. Each returns the normalised value or the reason it was refused; the
 * reasons map to i18n keys in the forms that use them.
 */

export type IdCheck = { valid: true; value: string } | { valid: false; reason: "empty" | "format" | "province" | "birthYear" | "checkDigit" | "branch" | "prefix" };

/**
 * Province codes that begin a 12-digit citizen ID (CCCD), as allocated in 2016 to the 63 provinces
 * (Thông tư 07/2016/TT-BCA). Cards keep their number after the 2025 merger of provinces, so the old
 * codes stay valid.
 */
export const CCCD_PROVINCE_CODES: ReadonlySet<string> = new Set([
  "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
  "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
  "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
  "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
]);

function compact(input: string): string {
  return input.replace(/[\s.\-]/g, "");
}

/**
 * Citizen ID (căn cước / CCCD): 12 digits = province code (3) + century-and-sex digit (1) + last two
 * digits of the birth year (2) + 6 random digits. The century digit is 0/1 for births in 1900–1999 and
 * 2/3 for 2000–2099; later centuries cannot exist yet, nor a birth year after this year.
 */
export function validateCccd(input: string | null | undefined, now: Date = new Date()): IdCheck {
  const value = compact(input ?? "");
  if (!value) return { valid: false, reason: "empty" };
  if (!/^\d{12}$/.test(value)) return { valid: false, reason: "format" };
  if (!CCCD_PROVINCE_CODES.has(value.slice(0, 3))) return { valid: false, reason: "province" };
  const year = cccdBirthYear(value);
  if (year === null || year > now.getUTCFullYear()) return { valid: false, reason: "birthYear" };
  return { valid: true, value };
}

/** The birth year a well-formed CCCD encodes, or null when its century digit is impossible. */
export function cccdBirthYear(cccd: string): number | null {
  const centuryDigit = Number(cccd[3]);
  if (!Number.isInteger(centuryDigit) || centuryDigit > 3) return null;
  const century = centuryDigit <= 1 ? 1900 : 2000;
  return century + Number(cccd.slice(4, 6));
}

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit of a 10-digit tax code from its first nine digits, or null if none exists. */
export function taxCodeCheckDigit(first9: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * TAX_WEIGHTS[i]!;
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/**
 * Enterprise / tax code (mã số doanh nghiệp, mã số thuế): 10 digits whose last is a check digit over
 * the first nine (weights 31, 29, 23, 19, 17, 13, 7, 5, 3; 10 − sum mod 11), or 13 digits for a branch:
 * the parent's 10 digits and a 3-digit branch number from 001, written with or without a hyphen.
 * Normalised as `0100109106` or `0100109106-001`.
 */
export function validateTaxCode(input: string | null | undefined): IdCheck {
  const raw = (input ?? "").replace(/\s/g, "");
  if (!raw) return { valid: false, reason: "empty" };
  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(raw);
  if (!m) return { valid: false, reason: "format" };
  const [, main, branch] = m as unknown as [string, string, string | undefined];
  if (taxCodeCheckDigit(main.slice(0, 9)) !== Number(main[9])) return { valid: false, reason: "checkDigit" };
  if (branch !== undefined && branch === "000") return { valid: false, reason: "branch" };
  return { valid: true, value: branch ? `${main}-${branch}` : main };
}

/**
 * Mobile numbers of Vietnamese networks since the 2018 renumbering: 0 + a 2-digit network prefix + 7
 * digits (032–039, 052, 055, 056, 058, 059, 070, 076–079, 081–089, 090–099), also written +84 / 84
 * without the 0, with spaces, dots or hyphens. Normalised as `0912345678`.
 */
export function validateVnMobile(input: string | null | undefined): IdCheck {
  let value = (input ?? "").replace(/[\s.\-()]/g, "");
  if (!value) return { valid: false, reason: "empty" };
  if (value.startsWith("+84")) value = `0${value.slice(3)}`;
  else if (/^84\d{9}$/.test(value)) value = `0${value.slice(2)}`;
  if (!/^0\d{9}$/.test(value)) return { valid: false, reason: "format" };
  if (!/^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)/.test(value)) return { valid: false, reason: "prefix" };
  return { valid: true, value };
}

/**
 * Landlines since the 2017 renumbering: 0 + a 3-digit area code beginning with 2 (024 Hà Nội, 028 TP. Hồ
 * Chí Minh, 0203–0299 elsewhere) + the subscriber number, 11 digits in all; also written +84 / 84
 * without the 0, with spaces, dots, hyphens or brackets around the area code. Normalised as `02438231111`.
 */
export function validateVnLandline(input: string | null | undefined): IdCheck {
  let value = (input ?? "").replace(/[\s.\-()]/g, "");
  if (!value) return { valid: false, reason: "empty" };
  if (value.startsWith("+84")) value = `0${value.slice(3)}`;
  else if (/^842\d{9}$/.test(value)) value = `0${value.slice(2)}`;
  if (!/^02\d{9}$/.test(value)) return { valid: false, reason: "format" };
  return { valid: true, value };
}

/**
 * An organisation's phone (or one a citizen reports for someone else): a mobile or a landline. A number of
 * 11 digits beginning with 02 is read as a landline, anything else as a mobile.
 */
export function validateVnPhone(input: string | null | undefined): IdCheck {
  const landline = validateVnLandline(input);
  if (landline.valid || landline.reason === "empty") return landline;
  // 02… is a landline's start (mobiles never begin so): a wrong length there is a landline's format error.
  if (/^(\+?84|0)2/.test((input ?? "").replace(/[\s.\-()]/g, "")) || /^2/.test((input ?? "").replace(/[\s.\-()]/g, ""))) return landline;
  const mobile = validateVnMobile(input);
  return mobile;
}

/** Shows only the last digits of an identity number where the whole number is not needed. */
export function maskId(value: string, visible = 3): string {
  if (value.length <= visible) return value;
  return `${"•".repeat(Math.max(0, value.length - visible))}${value.slice(-visible)}`;
}

// ---- Payer IDs on fee notices: either kind in one field, kept as bare digits ----------------------

export type IdKind = "cccd" | "tax";
export type PayerIdCheck = { ok: true; kind: IdKind; value: string } | { ok: false; reason: "format" | "province" | "checkDigit" };

/** Removes spaces, dots and dashes people type inside numbers. */
export function normaliseIdNumber(input: string): string {
  return input.replace(/[\s.\-–]/g, "");
}

function payerResult(kind: IdKind, check: IdCheck): PayerIdCheck {
  if (check.valid) return { ok: true, kind, value: normaliseIdNumber(check.value) };
  return { ok: false, reason: check.reason === "province" || check.reason === "checkDigit" ? check.reason : "format" };
}

export const checkCccd = (input: string): PayerIdCheck => payerResult("cccd", validateCccd(normaliseIdNumber(input)));
export const checkTaxCode = (input: string): PayerIdCheck => payerResult("tax", validateTaxCode(normaliseIdNumber(input)));
export const taxCheckDigit = taxCodeCheckDigit;

/** A payer's ID: 12 digits → citizen ID; 10 or 13 digits → enterprise/tax code. */
export function checkPayerId(input: string): PayerIdCheck {
  const v = normaliseIdNumber(input);
  if (v.length === 12) return checkCccd(v);
  if (v.length === 10 || v.length === 13) return checkTaxCode(v);
  return { ok: false, reason: "format" };
}

/** "001203004567" → "••••••••4567": what pages show where the full number is not needed. */
export const maskIdNumber = (value: string): string => maskId(value, 4);

/** A uuid as PostgreSQL writes it (8-4-4-4-12 hex digits): the shape of every record id in a URL or a form. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * A person's or company's name as a lookup may show it (ADR 065): the first word (the family name, shared by
 * millions) in full, every other word by its first letter and a mask — "Nguyễn Văn An" → "Nguyễn V** A*".
 * Enough for the party to recognise their case, not enough to learn a stranger's name.
 */
export function maskName(name: string): string {
  const words = name.normalize("NFC").trim().split(/\s+/).filter(Boolean);
  return words
    .map((w, i) => {
      if (i === 0) return w;
      const letters = Array.from(w);
      return letters[0] + "*".repeat(Math.max(1, letters.length - 1));
    })
    .join(" ");
}
