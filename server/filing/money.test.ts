import { describe, expect, it } from "vitest";
import { stepById } from "./journey";

/** The filing journey's amount to be enforced goes through the one amount reader (server/validation/amount.ts). */
describe("filing: the amount to be enforced", () => {
  const schema = stepById("obligations").schema;
  const parse = (amount: string) => schema.safeParse({ obligations: ["money"], amount });

  it("takes the amount as people write it, up to 10^15 đồng, exactly", () => {
    for (const typed of ["150.000.000", "150,000,000", "150 000 000", "150\u00A0000\u00A0000", "150000000"]) {
      expect(parse(typed)).toMatchObject({ success: true, data: { amount: 150_000_000 } });
    }
    // the old reader let 10^18 through, far beyond what a JavaScript number holds exactly
    expect(parse("1.000.000.000.000.000")).toMatchObject({ success: true, data: { amount: 1_000_000_000_000_000 } });
  });

  it.each([
    ["150.000.000,00", "moneyFraction"],
    ["1000.5", "moneyFraction"],
    ["1.25.000", "moneyGrouping"],
    ["1.000,000", "moneyGrouping"],
    ["-150000", "moneyFormat"],
    ["1e9", "moneyFormat"],
    ["999", "moneyMin"],
    ["1.000.000.000.000.000.000", "moneyMax"],
  ])("refuses %j with filing.errors.%s on the amount field", (typed, key) => {
    const r = parse(typed);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path[0], i.message])).toEqual([["amount", `filing.errors.${key}`]]);
  });
});
