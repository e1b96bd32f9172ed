/**
 * Amounts in Vietnamese words, as written on receipts: 1_250_000 → "Một triệu hai trăm năm mươi nghìn đồng".
 *
 * Rules: groups of three digits named nghìn, triệu, tỷ (then nghìn tỷ, triệu tỷ); an all-zero group is
 * skipped; a group after the first is read in full ("không trăm", then "linh"/"lẻ" before a lone unit);
 * 1 after a tens digit ≥ 2 is "mốt"; 5 after any tens digit is "lăm"; 10–19 are "mười …"; 0 is "không".
 * Pure code (no Node imports): used by the server and safe for the browser.
 */
const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const GROUPS = ["", "nghìn", "triệu"];

export type WordsOptions = {
  /** "linh" (northern, the usual official wording) or "lẻ" (southern) for a zero tens digit: 105 → "một trăm linh năm". */
  zeroTens?: "linh" | "lẻ";
};

function readGroup(n: number, full: boolean, zeroTens: string): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (full || h > 0) out.push(DIGITS[h]!, "trăm");
  if (t === 0) {
    if (u > 0 && (full || h > 0)) out.push(zeroTens);
  } else if (t === 1) {
    out.push("mười");
  } else {
    out.push(DIGITS[t]!, "mươi");
  }
  if (u > 0) {
    if (u === 1 && t >= 2) out.push("mốt");
    else if (u === 5 && t >= 1) out.push("lăm");
    else out.push(DIGITS[u]!);
  }
  return out;
}

/** Below a billion: groups of three named nghìn and triệu; `full` reads the first group in full too. */
function readBelowBillion(n: bigint, full: boolean, zeroTens: string): string[] {
  const groups = [Number(n / 1_000_000n), Number((n / 1000n) % 1000n), Number(n % 1000n)];
  const words: string[] = [];
  let first = !full;
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...readGroup(g, !first, zeroTens));
    first = false;
    if (GROUPS[2 - i]) words.push(GROUPS[2 - i]!);
  });
  return words;
}

/** Tỷ repeats: 2_500 × 10⁹ is "hai nghìn năm trăm tỷ", 10¹⁸ "một tỷ tỷ". */
function read(n: bigint, leading: boolean, zeroTens: string): string[] {
  if (n < 1_000_000_000n) return readBelowBillion(n, !leading, zeroTens);
  const high = n / 1_000_000_000n;
  const low = n % 1_000_000_000n;
  return [...read(high, leading, zeroTens), "tỷ", ...(low > 0n ? readBelowBillion(low, true, zeroTens) : [])];
}

/** An integer ≥ 0 in lower-case Vietnamese words ("không" for 0). */
export function numberToVietnameseWords(value: number | bigint, options: WordsOptions = {}): string {
  if (typeof value === "number" && (!Number.isSafeInteger(value) || value < 0)) throw new RangeError("a safe integer ≥ 0 is required");
  const n = typeof value === "bigint" ? value : BigInt(value);
  if (n < 0n) throw new RangeError("a non-negative integer is required");
  if (n === 0n) return DIGITS[0]!;
  return read(n, true, options.zeroTens ?? "linh").join(" ");
}

/** "Một triệu hai trăm năm mươi nghìn đồng": capitalised, with the currency. */
export function amountInVietnameseWords(dong: number | bigint, options: WordsOptions = {}): string {
  const words = numberToVietnameseWords(dong, options);
  return `${words[0]!.toUpperCase()}${words.slice(1)} đồng`;
}
