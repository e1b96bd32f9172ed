import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatMoney } from "../../vocabulary/format";
import { AMOUNT_MAX_CLAIM, AMOUNT_MAX_PAYABLE, NOTICE_AMOUNT_MIN, parseAmount, parseApiAmount, type AmountError } from "./amount";

const NOTICE = { min: NOTICE_AMOUNT_MIN, max: AMOUNT_MAX_PAYABLE };
const ok = (value: number) => ({ ok: true, value });
const no = (reason: AmountError) => ({ ok: false, reason });

describe("parseAmount: what people type", () => {
  // The hostile examples first, then our own variants.
  const table: [string, ReturnType<typeof ok> | ReturnType<typeof no>][] = [
    // issue 10, item 1
    ["1250000.00", no("fraction")],
    ["1000.5", no("fraction")],
    ["1.250.000", ok(1_250_000)],
    ["1,250,000", ok(1_250_000)],
    ["1 250 000", ok(1_250_000)],
    ["500.000", ok(500_000)],
    ["1.250.000,00", no("fraction")],
    ["1.25.000", no("grouping")],
    ["12,50", no("fraction")],
    ["0", no("tooSmall")],
    ["", no("required")],
    // accepted variants
    ["1250000", ok(1_250_000)],
    ["  1.250.000  ", ok(1_250_000)],
    ["1\u00A0250\u00A0000", ok(1_250_000)], // no-break space
    ["1\u202F250\u202F000", ok(1_250_000)], // narrow no-break space (Intl fr-FR)
    ["1\u2009250\u2009000", ok(1_250_000)], // thin space
    ["1.250.000 ₫", ok(1_250_000)],
    ["1.250.000₫", ok(1_250_000)],
    ["1.250.000 đ", ok(1_250_000)],
    ["1.250.000 đồng", ok(1_250_000)],
    ["VND 1,250,000", ok(1_250_000)],
    ["1,250,000 VND", ok(1_250_000)],
    ["1.000", ok(1_000)],
    ["9.999.999.999", ok(9_999_999_999)],
    ["999", ok(999)],
    // refused variants
    ["   ", no("required")],
    ["000", no("tooSmall")],
    ["0.000", no("tooSmall")],
    ["01.000", no("format")],
    ["0100000", no("format")],
    ["-1000", no("format")],
    ["+1000", no("format")],
    ["−1000", no("format")], // U+2212 minus sign
    ["(1000)", no("format")],
    ["1e6", no("format")],
    ["1E6", no("format")],
    ["1.5e6", no("format")],
    ["0x3E8", no("format")],
    ["0b1010", no("format")],
    ["Infinity", no("format")],
    ["NaN", no("format")],
    ["abc", no("format")],
    ["1_000_000", no("format")],
    ["1'250'000", no("format")],
    ["１２５００００", no("format")], // full-width digits
    ["١٢٣٤", no("format")], // Arabic-Indic digits
    ["₫", no("format")],
    ["VND", no("format")],
    ["1.250.000 VND ₫", no("format")],
    ["12 triệu", no("format")],
    ["1,250,000.00", no("fraction")],
    ["1 250 000,50", no("fraction")],
    ["1250000,5", no("fraction")],
    ["1.5", no("fraction")],
    ["0.5", no("fraction")],
    [".5", no("fraction")],
    [",50", no("fraction")],
    ["1000.50", no("fraction")],
    ["1.250.000.5", no("fraction")],
    ["1000.500", no("grouping")],
    ["1.250,000", no("grouping")], // mixed: dot then comma
    ["1,250.000", no("grouping")],
    ["1 250.000", no("grouping")],
    ["1.250 000", no("grouping")],
    ["12.50.000", no("grouping")],
    ["1.2500.000", no("grouping")],
    ["1250.000", no("grouping")],
    ["1..250", no("grouping")],
    ["1  250", no("grouping")],
    ["1.250.", no("grouping")],
    ["1,", no("grouping")],
    ["1 25 000", no("grouping")],
    ["10.000.000.000", no("tooLarge")], // VNPay's vnp_Amount holds at most 12 digits × 100
    ["99999999999999999999", no("tooLarge")],
  ];

  it.each(table)("%j → %j", (input, expected) => {
    expect(parseAmount(input)).toEqual(expected);
  });

  it("keeps the notice minimum and a caller's maximum", () => {
    expect(parseAmount("999", NOTICE)).toEqual(no("tooSmall"));
    expect(parseAmount("1.000", NOTICE)).toEqual(ok(1000));
    expect(parseAmount("9.999.999.999", NOTICE)).toEqual(ok(AMOUNT_MAX_PAYABLE));
    expect(parseAmount("10.000.000.000", NOTICE)).toEqual(no("tooLarge"));
    expect(parseAmount("1.000.000.000.000.000", { max: AMOUNT_MAX_CLAIM })).toEqual(ok(AMOUNT_MAX_CLAIM));
    expect(parseAmount("1.000.000.000.000.001", { max: AMOUNT_MAX_CLAIM })).toEqual(no("tooLarge"));
    expect(parseAmount(null)).toEqual(no("required"));
    expect(AMOUNT_MAX_CLAIM).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
});

describe("parseAmount: properties", () => {
  const amounts = fc.integer({ min: 1, max: AMOUNT_MAX_PAYABLE });

  it("every amount the portal formats, in vi and in en, parses back to itself", () => {
    fc.assert(
      fc.property(amounts, (n) => {
        expect(parseAmount(formatMoney(n, "vi"))).toEqual(ok(n));
        expect(parseAmount(formatMoney(n, "en"))).toEqual(ok(n));
      }),
      { numRuns: 2000 },
    );
    // and big claims too, up to the claim maximum
    fc.assert(
      fc.property(fc.integer({ min: 1, max: AMOUNT_MAX_CLAIM }), (n) => {
        expect(parseAmount(formatMoney(n, "vi"), { max: AMOUNT_MAX_CLAIM })).toEqual(ok(n));
        expect(parseAmount(formatMoney(n, "en"), { max: AMOUNT_MAX_CLAIM })).toEqual(ok(n));
      }),
    );
  });

  it("every amount as Intl writes it (vi-VN, en-US, fr-FR, de-DE, plain) parses back to itself", () => {
    const locales = ["vi-VN", "en-US", "fr-FR", "de-DE"];
    fc.assert(
      fc.property(amounts, fc.constantFrom(...locales), (n, l) => {
        expect(parseAmount(new Intl.NumberFormat(l, { maximumFractionDigits: 0 }).format(n))).toEqual(ok(n));
        expect(parseAmount(String(n))).toEqual(ok(n));
      }),
      { numRuns: 1000 },
    );
  });

  it("every string with a fractional part is refused", () => {
    // integer part as the portal or Intl writes it, then a decimal mark and a fraction. A fraction of
    // exactly three digits after a plain integer part of one to three digits ("1.500") is a thousands
    // group, not a fraction (money has none), so those are left out.
    const intPart = fc.tuple(amounts, fc.constantFrom("vi", "en", "plain", "space")).map(([n, how]) =>
      how === "plain" ? String(n) : how === "space" ? new Intl.NumberFormat("fr-FR").format(n) : formatMoney(n, how).replace(/ ₫|VND /g, ""),
    );
    fc.assert(
      fc.property(intPart, fc.constantFrom(".", ","), fc.stringMatching(/^\d{1,6}$/), (int, mark, frac) => {
        fc.pre(!(frac.length === 3 && /^\d{1,3}$/.test(int)));
        // a grouped integer with the same mark and a three-digit "fraction" is just a longer number
        fc.pre(!(frac.length === 3 && int.includes(mark)));
        const r = parseAmount(`${int}${mark}${frac}`);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("parseApiAmount: what the court API takes", () => {
  it.each([
    [1_250_000, ok(1_250_000)],
    ["1250000", ok(1_250_000)],
    ["1250000.00", no("fraction")],
    [1000.5, no("fraction")],
    ["1000.5", no("fraction")],
    ["1.250.000", no("format")],
    ["1,250,000", no("format")],
    ["1 250 000", no("format")],
    [" 1250000", no("format")],
    ["-1000", no("format")],
    [-1000, no("tooSmall")],
    [0, no("tooSmall")],
    ["0", no("tooSmall")],
    ["01000", no("format")],
    ["1e6", no("format")],
    [Number.NaN, no("format")],
    [Number.POSITIVE_INFINITY, no("format")],
    [true, no("format")],
    [{}, no("format")],
    [[1000], no("format")],
    [null, no("required")],
    [undefined, no("required")],
    ["", no("required")],
    [1e20, no("tooLarge")],
    ["10000000000", no("tooLarge")],
  ])("%j → %j", (input, expected) => {
    expect(parseApiAmount(input)).toEqual(expected);
  });
});
