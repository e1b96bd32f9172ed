import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cccdBirthYear, maskId, maskName, taxCodeCheckDigit, validateCccd, validateTaxCode, validateVnLandline, validateVnMobile, validateVnPhone } from "./identity";

const now = new Date("2026-11-22T00:00:00Z");

describe("validateCccd", () => {
  it("accepts 12 digits with a province prefix and a possible birth year", () => {
    expect(validateCccd("001085012345", now)).toEqual({ valid: true, value: "001085012345" });
    expect(validateCccd("079 2 03 123456", now)).toEqual({ valid: true, value: "079203123456" });
    expect(cccdBirthYear("079203123456")).toBe(2003);
    expect(cccdBirthYear("001185012345")).toBe(1985);
  });
  it("refuses the wrong length, letters, unknown provinces and impossible birth years", () => {
    expect(validateCccd("", now)).toEqual({ valid: false, reason: "empty" });
    expect(validateCccd("00108501234", now)).toEqual({ valid: false, reason: "format" });
    expect(validateCccd("00108501234a", now)).toEqual({ valid: false, reason: "format" });
    expect(validateCccd("003085012345", now)).toEqual({ valid: false, reason: "province" }); // 003 was never allocated
    expect(validateCccd("099085012345", now)).toEqual({ valid: false, reason: "province" });
    expect(validateCccd("001485012345", now)).toEqual({ valid: false, reason: "birthYear" }); // 22nd century
    expect(validateCccd("001299012345", now)).toEqual({ valid: false, reason: "birthYear" }); // born 2099
  });
  it("never throws on any string", () => {
    fc.assert(fc.property(fc.string(), (s) => typeof validateCccd(s, now).valid === "boolean"));
  });
});

describe("validateTaxCode", () => {
  it("accepts a real 10-digit code and its 13-digit branches", () => {
    expect(validateTaxCode("0100109106")).toEqual({ valid: true, value: "0100109106" });
    expect(validateTaxCode("0100109106-001")).toEqual({ valid: true, value: "0100109106-001" });
    expect(validateTaxCode("0100109106012")).toEqual({ valid: true, value: "0100109106-012" });
  });
  it("refuses a wrong check digit, a 000 branch and other shapes", () => {
    expect(validateTaxCode("0100109107")).toEqual({ valid: false, reason: "checkDigit" });
    expect(validateTaxCode("0100109106-000")).toEqual({ valid: false, reason: "branch" });
    expect(validateTaxCode("010010910")).toEqual({ valid: false, reason: "format" });
    expect(validateTaxCode("01001091061")).toEqual({ valid: false, reason: "format" });
    expect(validateTaxCode(" ")).toEqual({ valid: false, reason: "empty" });
  });
  it("accepts exactly one last digit for any nine first digits (or none when the sum gives 10)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (first9) => {
        const check = taxCodeCheckDigit(first9);
        const valid = Array.from({ length: 10 }, (_, d) => validateTaxCode(`${first9}${d}`).valid);
        expect(valid.filter(Boolean).length).toBe(check === null ? 0 : 1);
        if (check !== null) expect(valid[check]).toBe(true);
      }),
    );
  });
});

describe("validateVnMobile", () => {
  it("accepts current network prefixes in the usual spellings", () => {
    for (const s of ["0912345678", "091 234 5678", "0912.345.678", "+84912345678", "84 912 345 678", "0321234567", "0862345678", "0701234567", "0591234567"]) {
      expect(validateVnMobile(s).valid, s).toBe(true);
    }
    expect(validateVnMobile("+84 912 345 678")).toEqual({ valid: true, value: "0912345678" });
  });
  it("refuses landlines, retired 11-digit numbers and unknown prefixes", () => {
    expect(validateVnMobile("02438231111")).toEqual({ valid: false, reason: "format" });
    expect(validateVnMobile("01231234567")).toEqual({ valid: false, reason: "format" });
    expect(validateVnMobile("0241234567")).toEqual({ valid: false, reason: "prefix" });
    expect(validateVnMobile("0311234567")).toEqual({ valid: false, reason: "prefix" });
    expect(validateVnMobile("abc")).toEqual({ valid: false, reason: "format" });
  });
});

describe("validateVnLandline / validateVnPhone (an organisation's phone)", () => {
  it("accepts landlines of every area in the usual spellings, normalised to 11 digits", () => {
    for (const [typed, value] of [
      ["024 3823 1111", "02438231111"],
      ["(024) 3823-1111", "02438231111"],
      ["028.3829.5555", "02838295555"],
      ["0203 3825 123", "02033825123"],
      ["+84 24 3823 1111", "02438231111"],
      ["84 28 3829 5555", "02838295555"],
    ]) {
      expect(validateVnLandline(typed), typed).toEqual({ valid: true, value });
      expect(validateVnPhone(typed), typed).toEqual({ valid: true, value });
    }
  });
  it("accepts mobiles too, and refuses other shapes with the landline's or the mobile's reason", () => {
    expect(validateVnPhone("0912 345 678")).toEqual({ valid: true, value: "0912345678" });
    expect(validateVnPhone("0243823111")).toEqual({ valid: false, reason: "format" }); // a digit short
    expect(validateVnPhone("024382311112")).toEqual({ valid: false, reason: "format" });
    expect(validateVnPhone("0111234567")).toEqual({ valid: false, reason: "prefix" });
    expect(validateVnPhone("")).toEqual({ valid: false, reason: "empty" });
    expect(validateVnLandline("0912345678")).toEqual({ valid: false, reason: "format" });
    // A person's own phone stays a mobile.
    expect(validateVnMobile("02438231111").valid).toBe(false);
  });
});

describe("maskId", () => {
  it("keeps the last digits only", () => {
    expect(maskId("001085012345")).toBe("•••••••••345");
  });
});

describe("maskName", () => {
  it("keeps the family name and the first letter of every other word", () => {
    expect(maskName("Nguyễn Văn An")).toBe("Nguyễn V** A*");
    expect(maskName("  Trần   Thị Bích  Ngọc ")).toBe("Trần T** B*** N***");
    expect(maskName("Lê")).toBe("Lê");
  });
  it("never shows more than the first letter of a given name", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-zÀ-ỹ]{1,8}$/), { minLength: 2, maxLength: 5 }), (words) => {
        const masked = maskName(words.join(" ")).split(" ");
        for (let i = 1; i < words.length; i++) expect(Array.from(masked[i]!).slice(1).every((c) => c === "*")).toBe(true);
      }),
    );
  });
});
