import { describe, expect, it } from "vitest";
import { amountInVietnameseWords, numberToVietnameseWords as w } from "./words";

describe("amounts in Vietnamese words", () => {
  it("reads the receipt example", () => {
    expect(amountInVietnameseWords(1_250_000)).toBe("Một triệu hai trăm năm mươi nghìn đồng");
  });

  it.each([
    [0, "không"],
    [1, "một"],
    [5, "năm"],
    [10, "mười"],
    [11, "mười một"],
    [14, "mười bốn"],
    [15, "mười lăm"],
    [20, "hai mươi"],
    [21, "hai mươi mốt"],
    [24, "hai mươi bốn"],
    [25, "hai mươi lăm"],
    [55, "năm mươi lăm"],
    [91, "chín mươi mốt"],
    [100, "một trăm"],
    [101, "một trăm linh một"],
    [105, "một trăm linh năm"],
    [110, "một trăm mười"],
    [111, "một trăm mười một"],
    [115, "một trăm mười lăm"],
    [121, "một trăm hai mươi mốt"],
    [1_000, "một nghìn"],
    [1_001, "một nghìn không trăm linh một"],
    [1_010, "một nghìn không trăm mười"],
    [1_015, "một nghìn không trăm mười lăm"],
    [1_100, "một nghìn một trăm"],
    [10_000, "mười nghìn"],
    [15_000, "mười lăm nghìn"],
    [21_000, "hai mươi mốt nghìn"],
    [100_000, "một trăm nghìn"],
    [105_000, "một trăm linh năm nghìn"],
    [300_000, "ba trăm nghìn"],
    [1_000_000, "một triệu"],
    [1_000_005, "một triệu không trăm linh năm"],
    [1_005_000, "một triệu không trăm linh năm nghìn"],
    [18_300_000, "mười tám triệu ba trăm nghìn"],
    [1_000_000_000, "một tỷ"],
    [1_005_000_000, "một tỷ không trăm linh năm triệu"],
    [9_999_999_999, "chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"],
    [48_136_219_921, "bốn mươi tám tỷ một trăm ba mươi sáu triệu hai trăm mười chín nghìn chín trăm hai mươi mốt"],
    [1_000_000_000_000, "một nghìn tỷ"],
    [2_500_000_000_000, "hai nghìn năm trăm tỷ"],
    [1_000_000_000_000_000, "một triệu tỷ"],
  ])("%d → %s", (n, words) => {
    expect(w(n)).toBe(words);
  });

  it("uses 'lẻ' when asked (southern usage)", () => {
    expect(w(105, { zeroTens: "lẻ" })).toBe("một trăm lẻ năm");
    expect(w(2_004_000, { zeroTens: "lẻ" })).toBe("hai triệu không trăm lẻ bốn nghìn");
  });

  it("reads bigint amounts beyond 2^53", () => {
    expect(w(10n ** 18n)).toBe("một tỷ tỷ");
  });

  it("refuses negative and fractional amounts", () => {
    expect(() => w(-1)).toThrow(RangeError);
    expect(() => w(1.5)).toThrow(RangeError);
  });
});
