import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney } from "./format";

describe("formatMoney", () => {
  it("writes đồng the Vietnamese and the English way", () => {
    expect(formatMoney(48_136_219_921, "vi")).toBe("48.136.219.921 ₫");
    expect(formatMoney(48_136_219_921, "en")).toBe("VND 48,136,219,921");
    expect(formatMoney(0, "vi")).toBe("0 ₫");
    expect(formatMoney(1_250_000n, "vi")).toBe("1.250.000 ₫");
    expect(formatMoney(-500, "en")).toBe("-VND 500");
  });
});

describe("dates", () => {
  it("are shown in Asia/Ho_Chi_Minh as dd/mm/yyyy, whatever the server's zone", () => {
    // 17:30 UTC on 31 Dec is already 1 Jan in Vietnam (UTC+7).
    const d = new Date("2024-12-31T17:30:00Z");
    expect(formatDate(d, "vi")).toBe("01/01/2025");
    expect(formatDateTime(d, "vi")).toBe("01/01/2025 00:30");
    expect(formatDate("2024-09-12T03:00:00Z", "en")).toBe("12/09/2024");
  });
});
