import { addDays, DUE_SOON_WORKING_DAYS, timeLeftOn, vnDay, type WorkingCalendar } from "../deadlines";

/** The working-day calendar the inbox counts with: server/deadlines' (library holidays + the admin's table). */
export type InboxCalendar = WorkingCalendar;

/** Today's date in Vietnam, YYYY-MM-DD. */
export function vietnamDay(at: Date = new Date()): string {
  return vnDay(at);
}

type Deadline = { dueOn: string; workingDaysLeft: number; overdue: boolean; dueSoon: boolean };

// timeLeftOn walks the days between today and the due date (a case overdue for a year: 365 steps); a page
// of 50 rows, and every page after it, asks for the same few dates. Remembered per calendar (server/deadlines
// replaces the calendar object when it reloads it, so an administrator's edit is seen) and per day.
const remembered = new WeakMap<WorkingCalendar, Map<string, Deadline>>();

/** A deadline as the inbox shows it: working days left (negative: overdue by), overdue, due soon (server/deadlines' timeLeftOn). */
export function deadlineOf(cal: WorkingCalendar, dueOn: string | null, today: string): Deadline | null {
  if (!dueOn) return null;
  let memo = remembered.get(cal);
  if (!memo) remembered.set(cal, (memo = new Map()));
  const key = `${today}|${dueOn}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const left = timeLeftOn(cal, dueOn, today);
  const d = { dueOn, workingDaysLeft: left.workingDays, overdue: left.overdue, dueSoon: left.dueSoon };
  if (memo.size > 20_000) memo.clear();
  memo.set(key, d);
  return d;
}

/**
 * The last due date that counts as due soon, for the SQL filter: every day before the
 * (DUE_SOON_WORKING_DAYS + 1)th working day after today, so that the filter and timeLeftOn agree.
 */
export function dueSoonUntil(cal: WorkingCalendar, today: string): string {
  return addDays(cal.addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1), -1);
}
