import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createStaff } from "../accounts";
import { CASE_TYPES, defineCaseType, fireEvent, openCase, registerCaseType, type CaseActor } from "../cases";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import { seedDemo } from "../seed.server";
import { invalidateCalendar, startClock, LEGAL_RULES, loadCalendar, dueOfCount, removeCalendarDay, setCalendarDay, type RuleUnit } from "./index";

// ADR 064: an administrator's calendar edit recounts the running clocks whose span holds the edited day.
let db: TestDatabase;
let agencyId = "";
let clerk: CaseActor;
let admin = { staffId: "", ip: null, requestId: null };

const TYPE = registerCaseType(
  defineCaseType({
    id: "test-recount",
    content: "cases.test",
    initial: "open",
    startClocks: ["decide"],
    states: ["open", "done"],
    final: ["done"],
    viewers: ["clerk"],
    clocks: { decide: { rule: "enforcement.decide-request" } },
    events: {
      pause: { from: ["open"], to: "open", roles: ["clerk"], fields: [], schema: z.object({}), public: false, clocks: { stop: ["decide"] } },
      proceed: { from: ["open"], to: "open", roles: ["clerk"], fields: [], schema: z.object({}), public: false, clocks: { resume: ["decide"] } },
    },
  }),
);

/** 10:00 in Hà Nội on a day. */
const at = (day: string) => new Date(`${day}T03:00:00Z`);
let n = 0;
const open = (day: string) =>
  db.sql.begin((tx) =>
    openCase(tx, {
      caseType: TYPE, submissionId: crypto.randomUUID(), reference: `YC-RECOUNT-${++n}`, agencyId,
      applicantName: "Nguyễn Văn Án", otherPartyName: "Trần Thị Bình", searchParts: [], receivedAt: at(day),
    }),
  );
const clockOf = async (caseId: string) => {
  const [r] = await db.sql<{ state: string; due_on: string | null; remaining_days: number | null; next_due_on: string | null }[]>`
    select k.state, to_char(k.due_on, 'YYYY-MM-DD') as due_on, k.remaining_days, to_char(c.next_due_on, 'YYYY-MM-DD') as next_due_on
    from case_clocks k join cases c on c.id = k.case_id where k.case_id = ${caseId} and k.clock = 'decide'`;
  return r!;
};
const fire = async (caseId: string, event: string, day: string) => {
  const r = await fireEvent(db.sql, { caseId, event, actor: clerk, input: {}, at: at(day) });
  expect(r).toMatchObject({ ok: true });
};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  await db.sql`delete from calendar_days where day between '2026-10-01' and '2026-10-31'`;
  invalidateCalendar();
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  agencyId = a!.id;
  const staffId = await createStaff(db.sql, { email: "clerk-recount@test.local", fullName: "Cán bộ thử", password: "not-used-in-this-test", roles: [{ role: "clerk", agencyId }] });
  clerk = { type: "staff", staffId };
  admin = { staffId, ip: null, requestId: null };
});
afterAll(async () => {
  invalidateCalendar();
  await db?.drop();
});

describe("a calendar edit moves the running clocks it affects", () => {
  it("moves a 5-working-day clock over a new holiday one working day later and back when removed; others stay", async () => {
    // Received Mon 05/10/2026: 06, 07, 08, 09, 12 → due Mon 12/10.
    const spanning = (await open("2026-10-05")).caseId;
    // Received Mon 12/10: due 19/10, does not span Thu 08/10.
    const later = (await open("2026-10-12")).caseId;
    // Received Mon 05/10, stopped on Tue 06/10 with 4 working days left (07, 08, 09, 12).
    const stopped = (await open("2026-10-05")).caseId;
    await fire(stopped, "pause", "2026-10-06");
    expect(await clockOf(spanning)).toMatchObject({ state: "running", due_on: "2026-10-12", next_due_on: "2026-10-12" });
    expect(await clockOf(later)).toMatchObject({ due_on: "2026-10-19" });
    expect(await clockOf(stopped)).toMatchObject({ state: "stopped", due_on: null, remaining_days: 4 });

    const set = await setCalendarDay(db.sql, { day: "2026-10-08", kind: "holiday", note: "Ngày nghỉ được công bố" }, admin);
    expect(set.clocksMoved).toBe(1);
    expect(await clockOf(spanning)).toMatchObject({ state: "running", due_on: "2026-10-13", next_due_on: "2026-10-13" });
    expect(await clockOf(later)).toMatchObject({ due_on: "2026-10-19", next_due_on: "2026-10-19" });
    expect(await clockOf(stopped)).toMatchObject({ state: "stopped", due_on: null, remaining_days: 4, next_due_on: null });
    const [audit] = await db.sql<{ details: { clocksMoved: number } }[]>`
      select details from audit_log where action = 'calendar.day-set' and target_id = '2026-10-08' order by id desc limit 1`;
    expect(audit!.details.clocksMoved).toBe(1);

    // The stopped clock resumes on Wed 07/10 with its 4 days on the edited calendar: 09, 12, 13, 14.
    await fire(stopped, "proceed", "2026-10-07");
    expect(await clockOf(stopped)).toMatchObject({ state: "running", due_on: "2026-10-14", next_due_on: "2026-10-14" });

    // Removing the holiday moves both running clocks that span it back; the later one stays.
    expect(await removeCalendarDay(db.sql, "2026-10-08", admin)).toEqual({ clocksMoved: 2 });
    expect(await clockOf(spanning)).toMatchObject({ due_on: "2026-10-12", next_due_on: "2026-10-12" });
    expect(await clockOf(stopped)).toMatchObject({ due_on: "2026-10-13", next_due_on: "2026-10-13" });
    expect(await clockOf(later)).toMatchObject({ due_on: "2026-10-19" });
    const [removed] = await db.sql<{ details: { clocksMoved: number } }[]>`
      select details from audit_log where action = 'calendar.day-removed' and target_id = '2026-10-08' order by id desc limit 1`;
    expect(removed!.details.clocksMoved).toBe(2);
  });

  it("a working Saturday inside a span brings the due date one working day earlier", async () => {
    // Received Wed 14/10: 15, 16, 19, 20, 21 → due 21/10; Sat 17/10 made working → due 20/10.
    const c = (await open("2026-10-14")).caseId;
    expect(await clockOf(c)).toMatchObject({ due_on: "2026-10-21" });
    const r = await setCalendarDay(db.sql, { day: "2026-10-17", kind: "working", note: "Làm bù" }, admin);
    expect(r.clocksMoved).toBeGreaterThanOrEqual(1);
    expect(await clockOf(c)).toMatchObject({ due_on: "2026-10-20", next_due_on: "2026-10-20" });
  });
});

describe("a clock written after an edit in another process", () => {
  it("counts with the edit at once, whatever this process has cached", async () => {
    const start = () => startClock(db.sql, { ruleId: "enforcement.decide-request", at: at("2026-10-26") });
    await loadCalendar(db.sql); // cached now
    expect((await start()).dueOn).toBe("2026-11-02");
    // Another process's edit: written directly, this process's cache not invalidated.
    await db.sql`insert into calendar_days (day, kind, note) values ('2026-10-28', 'holiday', 'Sửa ở máy khác')`;
    expect((await start()).dueOn).toBe("2026-11-03");
    await db.sql`delete from calendar_days where day = '2026-10-28'`;
  });
});

describe("migration 00013_clock_counts backfill", () => {
  const MIGRATION = fs.readFileSync(path.join(__dirname, "..", "db", "migrations", "00013_clock_counts", "index.sql"), "utf8");
  const BACKFILL = /with rules[\s\S]*?counted_from is null;/.exec(MIGRATION)![0];

  it("its rule snapshot holds every version of the rules the case types' clocks run under, as in LEGAL_RULES", () => {
    const snapshot = [...BACKFILL.matchAll(/\('([a-z.-]+)', date '([\d-]+)', (\d+), '([a-z_]+)'\)/g)].map((m) => ({
      id: m[1], effectiveFrom: m[2], amount: Number(m[3]), unit: m[4],
    }));
    expect(CASE_TYPES).toContain(ENFORCEMENT_REQUEST_CASE);
    const used = new Set(CASE_TYPES.filter((t) => !t.id.startsWith("test-")).flatMap((t) => Object.values(t.clocks).map((c) => c.rule)));
    const expected = LEGAL_RULES.filter((r) => used.has(r.id)).map((r) => ({ id: r.id, effectiveFrom: r.effectiveFrom, amount: r.amount, unit: r.unit }));
    const byId = (a: { id?: string }, b: { id?: string }) => (a.id ?? "").localeCompare(b.id ?? "");
    expect(expected.length).toBeGreaterThan(0);
    expect(snapshot.sort(byId)).toEqual(expected.sort(byId));
  });

  it("counts a never-stopped clock from its start day and anchors a possibly resumed one on its due date", async () => {
    const plain = (await open("2026-10-05")).caseId;
    const resumed = (await open("2026-10-05")).caseId;
    await db.sql`insert into case_events (case_id, seq, event, from_state, to_state, actor_type, public, at)
      values (${resumed}, 2, 'askForMore', 'open', 'open', 'system', false, ${at("2026-10-06")})`;
    await db.sql.begin(async (tx) => {
      await tx`alter table case_clocks drop constraint case_clocks_running_count_check`;
      await tx`update case_clocks set counted_from = null, count_days = null, count_unit = null where case_id in (${plain}, ${resumed})`;
      await tx.unsafe(BACKFILL);
      await tx`alter table case_clocks add constraint case_clocks_running_count_check
        check (state <> 'running' or (counted_from is not null and count_days is not null and count_unit is not null))`;
    });
    const rows = await db.sql<{ case_id: string; counted_from: string; count_days: number; count_unit: RuleUnit; due_on: string }[]>`
      select case_id, to_char(counted_from, 'YYYY-MM-DD') as counted_from, count_days, count_unit, to_char(due_on, 'YYYY-MM-DD') as due_on
      from case_clocks where case_id in (${plain}, ${resumed})`;
    const byCase = new Map(rows.map((r) => [r.case_id, r]));
    expect(byCase.get(plain)).toMatchObject({ counted_from: "2026-10-05", count_days: 5, count_unit: "working_days", due_on: "2026-10-12" });
    expect(byCase.get(resumed)).toMatchObject({ counted_from: "2026-10-12", count_days: 0, count_unit: "working_days", due_on: "2026-10-12" });
    const calendar = await loadCalendar(db.sql);
    for (const r of rows) expect(dueOfCount(calendar, { countedFrom: r.counted_from, countDays: r.count_days, countUnit: r.count_unit })).toBe(r.due_on);
  });
});
