import { describe, expect, it } from "vitest";
import { addMonths, libraryHolidays, workingCalendar } from "./calendar";
import { dueAfter, leftUntil, timeLeftOn } from "./clocks.server";

const plain = workingCalendar([]);

describe("the library's holidays, made right", () => {
  it("expands the five Tết days (2026: 16–20/02)", () => {
    const days = libraryHolidays(2026).map((h) => h.day);
    for (const d of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]) expect(days).toContain(d);
    expect(plain.isWorkingDay("2026-02-13")).toBe(true);
    expect(plain.isWorkingDay("2026-02-23")).toBe(true);
  });

  it("gives the next working day off for a holiday on a Sunday (Hùng Kings' day 26/04/2026 → Monday 27/04)", () => {
    expect(plain.isWorkingDay("2026-04-26")).toBe(false);
    expect(plain.isWorkingDay("2026-04-27")).toBe(false);
    expect(libraryHolidays(2026).find((h) => h.day === "2026-04-27")?.substitute).toBe(true);
    expect(plain.isWorkingDay("2026-04-28")).toBe(true);
  });

  it("gives two days in lieu when Tết spans a weekend (2027: 05–09/02 → also 10 and 11/02)", () => {
    expect(plain.isWorkingDay("2027-02-04")).toBe(true);
    for (const d of ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"]) expect(plain.isWorkingDay(d)).toBe(false);
    expect(plain.isWorkingDay("2027-02-12")).toBe(true);
  });

  it("a New Year's Day on a Saturday gives Monday off (01/01/2028 → 03/01/2028)", () => {
    expect(plain.isWorkingDay("2028-01-03")).toBe(false);
    expect(plain.isWorkingDay("2028-01-04")).toBe(true);
  });

  it("keeps observances (not public holidays) as working days", () => {
    expect(plain.isWorkingDay("2026-03-09")).toBe(true); // Monday after International Women's Day
    expect(plain.isWorkingDay("2026-05-19")).toBe(true); // Hồ Chí Minh's birthday: an observance
  });
});

describe("working-day arithmetic", () => {
  it("a request received the day before the Tết break: 5 working days end after it (13/02/2026 → 27/02/2026)", () => {
    const tet = workingCalendar([
      { day: "2026-02-14", kind: "holiday", note: "Tết Bính Ngọ" },
      { day: "2026-02-21", kind: "holiday", note: "Tết Bính Ngọ" },
      { day: "2026-02-22", kind: "holiday", note: "Tết Bính Ngọ" },
    ]);
    expect(tet.addWorkingDays("2026-02-13", 5)).toBe("2026-02-27");
    expect(tet.addWorkingDays("2026-02-13", 1)).toBe("2026-02-23");
    expect(tet.workingDaysAfter("2026-02-13", "2026-02-27")).toBe(5);
  });

  it("across 30/04–01/05 (and the Monday in lieu of Hùng Kings' day)", () => {
    expect(plain.addWorkingDays("2026-04-29", 3)).toBe("2026-05-06");
    expect(plain.addWorkingDays("2026-04-24", 1)).toBe("2026-04-28");
  });

  it("across 02/09 and its adjacent day (set by the administrator)", () => {
    expect(plain.addWorkingDays("2026-08-31", 1)).toBe("2026-09-01");
    const withAdjacent = workingCalendar([{ day: "2026-09-01", kind: "holiday", note: "Nghỉ liền kề Quốc khánh" }]);
    expect(withAdjacent.addWorkingDays("2026-08-31", 1)).toBe("2026-09-03");
    expect(withAdjacent.reasonOff("2026-09-01")).toBe("Nghỉ liền kề Quốc khánh");
  });

  it("a Saturday made a working day counts", () => {
    const swap = workingCalendar([
      { day: "2026-01-10", kind: "working", note: "Làm bù" },
      { day: "2026-01-02", kind: "holiday", note: "Nghỉ bù" },
    ]);
    expect(swap.isWorkingDay("2026-01-10")).toBe(true);
    expect(swap.addWorkingDays("2026-01-09", 1)).toBe("2026-01-10");
    expect(swap.addWorkingDays("2025-12-31", 1)).toBe("2026-01-05");
    expect(plain.addWorkingDays("2026-01-09", 1)).toBe("2026-01-12");
  });

  it("over the new year: 31/12/2026 + 1 working day → Monday 04/01/2027", () => {
    expect(plain.addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
    expect(plain.workingDaysAfter("2026-12-30", "2027-01-04")).toBe(2);
  });

  it("zero and negative counts", () => {
    expect(plain.addWorkingDays("2026-12-05", 0)).toBe("2026-12-07"); // Saturday → Monday
    expect(plain.addWorkingDays("2026-12-07", 0)).toBe("2026-12-07");
    expect(plain.addWorkingDays("2026-12-07", -1)).toBe("2026-12-04");
    expect(plain.workingDaysAfter("2026-12-08", "2026-12-04")).toBe(-2);
    expect(() => plain.addWorkingDays("2026-13-01", 1)).toThrow();
  });

  it("calendar-day, month and year periods end on a working day", () => {
    // 10 days after Friday 20/11/2026 is Monday 30/11.
    expect(dueAfter(plain, "2026-11-20", 10, "days")).toBe("2026-11-30");
    // 10 days after 22/08/2026 is Wednesday 02/09 (National Day) → Thursday 03/09.
    expect(dueAfter(plain, "2026-08-23", 10, "days")).toBe("2026-09-03");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    // 5 years after 16/02/2021 is 16/02/2026, in the Tết break → Monday 23/02/2026.
    expect(dueAfter(plain, "2021-02-16", 5, "years")).toBe("2026-02-23");
  });

  it("time left: due soon, due today, overdue", () => {
    expect(timeLeftOn(plain, "2026-12-08", "2026-12-01")).toEqual({ workingDays: 5, overdue: false, dueSoon: false });
    expect(timeLeftOn(plain, "2026-12-08", "2026-12-04")).toEqual({ workingDays: 2, overdue: false, dueSoon: true });
    expect(timeLeftOn(plain, "2026-12-08", "2026-12-08")).toEqual({ workingDays: 0, overdue: false, dueSoon: true });
    expect(timeLeftOn(plain, "2026-12-08", "2026-12-10")).toEqual({ workingDays: -2, overdue: true, dueSoon: false });
    expect(leftUntil(plain, "2026-12-01", "2026-12-11", "days")).toBe(10);
  });
});
