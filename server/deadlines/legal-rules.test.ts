import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { LEGAL_RULES, RULE_IDS, ruleFor, ruleVersion, vnDay } from "./legal-rules";

describe("LEGAL_RULES", () => {
  it("has well-formed rows with a basis and a title in both languages", () => {
    for (const r of LEGAL_RULES) {
      expect(r.id).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
      expect(r.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.effectiveTo) expect(r.effectiveTo >= r.effectiveFrom).toBe(true);
      expect(Number.isInteger(r.amount) && r.amount > 0).toBe(true);
      for (const t of [r.basis, r.title]) {
        expect(t.vi.length).toBeGreaterThan(3);
        expect(t.en.length).toBeGreaterThan(3);
      }
    }
  });

  it("versions of one id never overlap and leave no gap from the first effectiveFrom on", () => {
    for (const id of RULE_IDS) {
      const versions = LEGAL_RULES.filter((r) => r.id === id).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      versions.forEach((v, i) => {
        const next = versions[i + 1];
        if (next) {
          // The next version starts the day after this one ends: no overlap, no gap.
          expect(v.effectiveTo, `${id} from ${v.effectiveFrom} must end before the next version`).toBeDefined();
          expect(addDays(v.effectiveTo!, 1), id).toBe(next.effectiveFrom);
        } else {
          expect(v.effectiveTo, `${id}: the newest version stays in force`).toBeUndefined();
        }
      });
    }
  });

  it("holds the periods the case engine and the brief name", () => {
    const on = "2026-12-01";
    expect(ruleFor("enforcement.decide-request", on)).toMatchObject({ amount: 5, unit: "working_days" });
    expect(ruleFor("enforcement.notify-documents", on)).toMatchObject({ amount: 3, unit: "working_days" });
    expect(ruleFor("enforcement.ask-corrections", on)).toMatchObject({ amount: 1, unit: "working_days" });
    expect(ruleFor("enforcement.refuse-request", on)).toMatchObject({ amount: 5, unit: "working_days" });
    expect(ruleFor("enforcement.request-time-limit", on)).toMatchObject({ amount: 5, unit: "years" });
    expect(ruleFor("enforcement.voluntary-period", on)).toMatchObject({ amount: 10, unit: "days" });
    expect(ruleFor("denunciation.resolve", on)).toMatchObject({ amount: 60, unit: "days" });
    expect(ruleFor("complaint.file.account-freeze", on)).toMatchObject({ amount: 3, unit: "working_days" });
    expect(ruleFor("complaint.resolve-second.coercive", on)).toMatchObject({ amount: 45, unit: "days" });
  });
});

describe("ruleFor", () => {
  it("chooses the version in force on the date (before / from 01/07/2026)", () => {
    expect(ruleFor("officer-change.decide", "2026-06-30").amount).toBe(5);
    expect(ruleFor("officer-change.decide", "2026-07-01").amount).toBe(3);
    expect(ruleFor("result-confirmation.issue", "2026-06-30").amount).toBe(5);
    expect(ruleFor("result-confirmation.issue", "2026-07-01").amount).toBe(3);
    expect(ruleFor("debtor-list.remove", "2026-06-30").amount).toBe(2);
    expect(ruleFor("debtor-list.remove", "2026-07-01").amount).toBe(3);
    expect(ruleFor("enforcement.public-posting", "2026-06-30").amount).toBe(10);
    expect(ruleFor("enforcement.public-posting", "2026-07-01").amount).toBe(7);
  });

  it("takes the day of an instant in Asia/Ho_Chi_Minh", () => {
    // 30/06/2026 17:30 UTC is 01/07/2026 00:30 in Hà Nội: the new decree applies.
    expect(ruleFor("officer-change.decide", new Date("2026-06-30T17:30:00Z")).amount).toBe(3);
    expect(ruleFor("officer-change.decide", new Date("2026-06-30T16:59:00Z")).amount).toBe(5);
    expect(vnDay(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
  });

  it("throws for an unknown id and before a rule's first version", () => {
    expect(() => ruleFor("enforcement.no-such-rule", "2026-12-01")).toThrow(/unknown legal rule/);
    expect(() => ruleFor("enforcement.ask-corrections", "2026-06-30")).toThrow(/no version/);
  });

  it("finds the exact version a clock was started under", () => {
    expect(ruleVersion("debtor-list.remove", "2015-07-01").amount).toBe(2);
    expect(() => ruleVersion("debtor-list.remove", "2020-01-01")).toThrow();
  });
});
