// Statutory clocks (the contract the case engine builds on): a clock runs under the version of a legal rule
// in force on the day it starts, from the day after its trigger (the day of the event is not counted), and
// a deadline ending on a non-working day moves to the next working day (Civil Code 2015 arts. 147–148).
// Stopping keeps what is left; resuming counts it again from the day after the resume.
import type { Sql } from "../db";
import { addDays, addMonths, type CalendarOverride, workingCalendar, type WorkingCalendar } from "./calendar";
import { type LegalRule, ruleFor, ruleVersion, type RuleUnit, vnDay } from "./legal-rules";

/** Working days left at or below which a running clock is "due soon" (the inbox's filter and badge). */
export const DUE_SOON_WORKING_DAYS = 2;

/** How long a loaded calendar is reused (every edit through this process invalidates it at once). */
export const CALENDAR_CACHE_MS = 60_000;

// One calendar per process: the clock functions are called inside the engine's transactions (a new handle
// each time), so the cache cannot be keyed on the handle. A process talks to one database; a test that
// writes calendar_days directly calls invalidateCalendar().
let cached: { at: number; calendar: Promise<WorkingCalendar> } | null = null;

/** The working-day calendar: library holidays + calendar_days, cached for CALENDAR_CACHE_MS. */
export function loadCalendar(sql: Sql): Promise<WorkingCalendar> {
  const now = Date.now();
  if (cached && now - cached.at < CALENDAR_CACHE_MS) return cached.calendar;
  const calendar = readOverrides(sql).then(workingCalendar);
  const entry = { at: now, calendar };
  cached = entry;
  calendar.catch(() => {
    if (cached === entry) cached = null;
  });
  return calendar;
}

/**
 * The calendar as `sql` sees it now, uncached: what the functions that write a due date use (start, stop,
 * resume), so that a clock written after an administrator's edit committed — in any process — counts with
 * it (the edit's recount covers the clocks written before; ADR 064). A few rows a year: one small query.
 */
export function currentCalendar(sql: Sql): Promise<WorkingCalendar> {
  return readOverrides(sql).then(workingCalendar);
}

/** Forget the cached calendar (after an edit of calendar_days). */
export function invalidateCalendar(): void {
  cached = null;
}

export async function readOverrides(sql: Sql): Promise<CalendarOverride[]> {
  const rows = await sql<{ day: string; kind: "holiday" | "working"; note: string }[]>`
    select to_char(day, 'YYYY-MM-DD') as day, kind, note from calendar_days order by day`;
  return rows.map((r) => ({ day: r.day, kind: r.kind, note: r.note }));
}

/** The day a period of `amount` `unit` that starts after `day` ends on (moved to a working day). */
export function dueAfter(calendar: WorkingCalendar, day: string, amount: number, unit: RuleUnit): string {
  switch (unit) {
    case "working_days":
      return calendar.addWorkingDays(day, amount);
    case "days":
      return calendar.nextWorkingDayFrom(addDays(day, amount));
    case "months":
      return calendar.nextWorkingDayFrom(addMonths(day, amount));
    case "years":
      return calendar.nextWorkingDayFrom(addMonths(day, amount * 12));
  }
}

/** Days left from `day` (not counted) to `dueOn`: working days, or calendar days for the other units. */
export function leftUntil(calendar: WorkingCalendar, day: string, dueOn: string, unit: RuleUnit = "working_days"): number {
  if (unit === "working_days") return calendar.workingDaysAfter(day, dueOn);
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

/**
 * What a running clock counts: `countDays` `countUnit` after `countedFrom` (not counted). Stored with the
 * clock (case_clocks.counted_from, count_days, count_unit) so that its due date can be recounted when the
 * administrator edits the calendar (recountClocks).
 */
export type ClockCount = { countedFrom: string; countDays: number; countUnit: RuleUnit };

/** The due date of a count on a calendar. */
export function dueOfCount(calendar: WorkingCalendar, count: ClockCount): string {
  return dueAfter(calendar, count.countedFrom, count.countDays, count.countUnit);
}

/** Starts a clock under the rule version in force on the day of `at`: its due date, the version and its count. */
export async function startClock(
  sql: Sql,
  { ruleId, at }: { ruleId: string; at: Date },
): Promise<{ dueOn: string; rule: LegalRule; count: ClockCount }> {
  const rule = ruleFor(ruleId, at);
  const calendar = await currentCalendar(sql);
  const count: ClockCount = { countedFrom: vnDay(at), countDays: rule.amount, countUnit: rule.unit };
  return { dueOn: dueOfCount(calendar, count), rule, count };
}

/**
 * Stops a clock at `at`: what is left of it (working days after the day of `at` up to `dueOn`; calendar
 * days when `unit` is not working_days). Negative when already overdue.
 */
export async function stopClock(
  sql: Sql,
  { dueOn, at, unit = "working_days" }: { dueOn: string; at: Date; unit?: RuleUnit },
): Promise<number> {
  const calendar = await currentCalendar(sql);
  return leftUntil(calendar, vnDay(at), dueOn, unit);
}

/** Resumes a stopped clock at `at`: the new due date, `remainingDays` after the day of `at`. */
export async function resumeClock(
  sql: Sql,
  { remainingDays, unit, at }: { remainingDays: number; unit: RuleUnit; at: Date },
): Promise<string> {
  return (await resumeCount(sql, { remainingDays, unit, at })).dueOn;
}

/**
 * resumeClock with the count to store: `remainingDays` working days (or calendar days, for the other units:
 * what stopClock kept) after the day of `at`.
 */
export async function resumeCount(
  sql: Sql,
  { remainingDays, unit, at }: { remainingDays: number; unit: RuleUnit; at: Date },
): Promise<{ dueOn: string; count: ClockCount }> {
  const calendar = await currentCalendar(sql);
  const count: ClockCount = { countedFrom: vnDay(at), countDays: remainingDays, countUnit: unit === "working_days" ? "working_days" : "days" };
  return { dueOn: dueOfCount(calendar, count), count };
}

export type TimeLeft = {
  /** Working days after today up to the due date; 0 = due today; negative = working days overdue. */
  workingDays: number;
  overdue: boolean;
  dueSoon: boolean;
};

/** How much time a running clock has left at `at`. */
export async function timeLeft(sql: Sql, { dueOn, at }: { dueOn: string; at: Date }): Promise<TimeLeft> {
  const calendar = await loadCalendar(sql);
  return timeLeftOn(calendar, dueOn, vnDay(at));
}

export function timeLeftOn(calendar: WorkingCalendar, dueOn: string, today: string): TimeLeft {
  const workingDays = calendar.workingDaysAfter(today, dueOn);
  const overdue = today > dueOn;
  return { workingDays, overdue, dueSoon: !overdue && workingDays <= DUE_SOON_WORKING_DAYS };
}

/** A case_clocks row as the engine reads it (snake_case columns, dates as YYYY-MM-DD strings or Dates). */
export type ClockRow = {
  clock: string;
  rule_id: string;
  rule_effective_from: string | Date;
  state: "running" | "stopped" | "ended";
  started_at: Date;
  due_on: string | Date | null;
  stopped_at: Date | null;
  remaining_days: number | null;
  ended_at: Date | null;
};

export type ClockView = {
  clock: string;
  state: ClockRow["state"];
  rule: LegalRule;
  startedAt: string;
  dueOn: string | null;
  /** Running: working days left (negative = overdue); stopped: the days kept; ended: null. */
  daysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
  endedAt: string | null;
};

/**
 * What a case page shows of a clock: its rule version (title, basis, amount), due date and time left at `at`.
 * A `date` column read by postgres.js arrives as a Date at UTC midnight: it is taken as that day.
 */
export function describeClock(calendar: WorkingCalendar, row: ClockRow, at: Date): ClockView {
  const effectiveFrom = typeof row.rule_effective_from === "string" ? row.rule_effective_from.slice(0, 10) : row.rule_effective_from.toISOString().slice(0, 10);
  const rule = ruleVersion(row.rule_id, effectiveFrom);
  const dueOn = row.due_on === null ? null : typeof row.due_on === "string" ? row.due_on.slice(0, 10) : row.due_on.toISOString().slice(0, 10);
  const base = { clock: row.clock, state: row.state, rule, startedAt: row.started_at.toISOString(), dueOn, endedAt: row.ended_at?.toISOString() ?? null };
  if (row.state === "running" && dueOn) {
    const left = timeLeftOn(calendar, dueOn, vnDay(at));
    return { ...base, daysLeft: left.workingDays, overdue: left.overdue, dueSoon: left.dueSoon };
  }
  if (row.state === "stopped") return { ...base, daysLeft: row.remaining_days, overdue: false, dueSoon: false };
  return { ...base, daysLeft: null, overdue: false, dueSoon: false };
}
