import { describe, expect, it } from "vitest";
import { checkCccd, checkPayerId, checkTaxCode, maskIdNumber, taxCheckDigit } from "./identity";

describe("citizen ID (CCCD)", () => {
  it("accepts 12 digits with a province prefix, spaces tolerated", () => {
    expect(checkCccd("001203004567")).toEqual({ ok: true, kind: "cccd", value: "001203004567" });
    expect(checkCccd("079 085 012 345")).toMatchObject({ ok: true, value: "079085012345" });
    expect(checkCccd("096199001234")).toMatchObject({ ok: true });
  });
  it("refuses unknown province codes and bad shapes", () => {
    expect(checkCccd("003203004567")).toEqual({ ok: false, reason: "province" });
    expect(checkCccd("099203004567")).toEqual({ ok: false, reason: "province" });
    expect(checkCccd("00120300456")).toEqual({ ok: false, reason: "format" });
    expect(checkCccd("00120300456a")).toEqual({ ok: false, reason: "format" });
  });
});

describe("enterprise / tax code", () => {
  it("computes the check digit of known codes", () => {
    expect(taxCheckDigit("010010910")).toBe(6); // 0100109106: Viettel
    expect(taxCheckDigit("030058856")).toBe(9); // 0300588569: Vinamilk
  });
  it("accepts 10 digits and 13 digits with a branch", () => {
    expect(checkTaxCode("0100109106")).toEqual({ ok: true, kind: "tax", value: "0100109106" });
    expect(checkTaxCode("0100109106-001")).toEqual({ ok: true, kind: "tax", value: "0100109106001" });
  });
  it("refuses a wrong check digit, branch 000 and other lengths", () => {
    expect(checkTaxCode("0100109107")).toEqual({ ok: false, reason: "checkDigit" });
    expect(checkTaxCode("0100109106-000")).toEqual({ ok: false, reason: "format" });
    expect(checkTaxCode("01001091")).toEqual({ ok: false, reason: "format" });
  });
});

describe("payer ID", () => {
  it("picks the kind by length", () => {
    expect(checkPayerId("001203004567")).toMatchObject({ ok: true, kind: "cccd" });
    expect(checkPayerId("0100109106")).toMatchObject({ ok: true, kind: "tax" });
    expect(checkPayerId("12345")).toEqual({ ok: false, reason: "format" });
  });
  it("masks all but the last four digits", () => {
    expect(maskIdNumber("001203004567")).toBe("••••••••4567");
  });
});
