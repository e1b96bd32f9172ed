import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { describeClock, invalidateCalendar, loadCalendar, resumeClock, startClock, stopClock, timeLeft } from "./clocks.server";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  invalidateCalendar();
  await db?.drop();
});
beforeEach(async () => {
  await db.sql`delete from calendar_days`;
  invalidateCalendar();
});

/** An instant on a Hà Nội calendar day, at 10:00 local time. */
const at = (day: string) => new Date(`${day}T10:00:00+07:00`);

describe("clocks against the stored calendar", () => {
  it("starts the decide clock 5 working days after receipt, skipping the announced Tết break", async () => {
    await db.sql`insert into calendar_days (day, kind, note) values
      ('2026-02-14', 'holiday', 'Tết Bính Ngọ'), ('2026-02-21', 'holiday', 'Tết Bính Ngọ'), ('2026-02-22', 'holiday', 'Tết Bính Ngọ')`;
    const { dueOn, rule } = await startClock(db.sql, { ruleId: "enforcement.decide-request", at: at("2026-02-13") });
    expect(dueOn).toBe("2026-02-27");
    expect(rule).toMatchObject({ id: "enforcement.decide-request", amount: 5, unit: "working_days" });
  });

  it("uses the rule version in force on the start day", async () => {
    const before = await startClock(db.sql, { ruleId: "officer-change.decide", at: at("2026-06-30") });
    const after = await startClock(db.sql, { ruleId: "officer-change.decide", at: at("2026-07-01") });
    expect(before.rule.amount).toBe(5);
    expect(before.dueOn).toBe("2026-07-07");
    expect(after.rule.amount).toBe(3);
    expect(after.dueOn).toBe("2026-07-06");
  });

  it("stops and resumes: the working days left are counted again from the day after the resume", async () => {
    const { dueOn } = await startClock(db.sql, { ruleId: "enforcement.decide-request", at: at("2026-12-01") });
    expect(dueOn).toBe("2026-12-08");
    const remainingDays = await stopClock(db.sql, { dueOn, at: at("2026-12-03") });
    expect(remainingDays).toBe(3); // 04, 07, 08
    const resumed = await resumeClock(db.sql, { remainingDays, unit: "working_days", at: at("2026-12-11") });
    expect(resumed).toBe("2026-12-16");
    // Resumed on a Saturday: counted from the Monday on.
    expect(await resumeClock(db.sql, { remainingDays: 1, unit: "working_days", at: at("2026-12-12") })).toBe("2026-12-14");
  });

  it("an administrator's edit applies at once after invalidation (2/9 and its adjacent day)", async () => {
    const first = await startClock(db.sql, { ruleId: "enforcement.ask-corrections", at: at("2026-08-31") });
    expect(first.dueOn).toBe("2026-09-01");
    await db.sql`insert into calendar_days (day, kind, note) values ('2026-09-01', 'holiday', 'Nghỉ liền kề Quốc khánh')`;
    invalidateCalendar();
    const second = await startClock(db.sql, { ruleId: "enforcement.ask-corrections", at: at("2026-08-31") });
    expect(second.dueOn).toBe("2026-09-03");
    expect((await loadCalendar(db.sql)).isWorkingDay("2026-09-01")).toBe(false);
  });

  it("a Saturday made a working day shortens the wait", async () => {
    await db.sql`insert into calendar_days (day, kind, note) values ('2026-12-05', 'working', 'Làm bù')`;
    invalidateCalendar();
    const { dueOn } = await startClock(db.sql, { ruleId: "enforcement.ask-corrections", at: at("2026-12-04") });
    expect(dueOn).toBe("2026-12-05");
  });

  it("time left of a running clock", async () => {
    expect(await timeLeft(db.sql, { dueOn: "2026-12-08", at: at("2026-12-07") })).toEqual({ workingDays: 1, overdue: false, dueSoon: true });
    expect(await timeLeft(db.sql, { dueOn: "2026-12-08", at: at("2026-12-09") })).toEqual({ workingDays: -1, overdue: true, dueSoon: false });
  });
});

describe("describeClock (what the case page shows)", () => {
  it("reads a case_clocks row as postgres.js returns it", async () => {
    const calendar = await loadCalendar(db.sql);
    const [row] = await db.sql<{ due_on: Date; rule_effective_from: Date }[]>`select '2026-12-08'::date as due_on, '2015-07-01'::date as rule_effective_from`;
    const running = describeClock(
      calendar,
      {
        clock: "decide", rule_id: "enforcement.decide-request", rule_effective_from: row!.rule_effective_from, state: "running",
        started_at: at("2026-12-01"), due_on: row!.due_on, stopped_at: null, remaining_days: null, ended_at: null,
      },
      at("2026-12-04"),
    );
    expect(running).toMatchObject({ dueOn: "2026-12-08", daysLeft: 2, dueSoon: true, overdue: false, rule: { amount: 5 } });
    expect(running.rule.basis.vi).toContain("Điều 36");
    const stopped = describeClock(
      calendar,
      {
        clock: "decide", rule_id: "enforcement.decide-request", rule_effective_from: "2015-07-01", state: "stopped",
        started_at: at("2026-12-01"), due_on: "2026-12-08", stopped_at: at("2026-12-03"), remaining_days: 3, ended_at: null,
      },
      at("2026-12-20"),
    );
    expect(stopped).toMatchObject({ daysLeft: 3, overdue: false, dueSoon: false });
  });
});
