import { addDays, DUE_SOON_WORKING_DAYS, timeLeftOn, vnDay, type WorkingCalendar } from "../deadlines";

/** The working-day calendar the inbox counts with: server/deadlines' (library holidays + the admin's table). */
export type InboxCalendar = WorkingCalendar;

/** Today's date in Vietnam, YYYY-MM-DD. */
export function vietnamDay(at: Date = new Date()): string {
  return vnDay(at);
}

/** A deadline as the inbox shows it: working days left (negative: overdue by), overdue, due soon (server/deadlines' timeLeftOn). */
export function deadlineOf(cal: WorkingCalendar, dueOn: string | null, today: string): { dueOn: string; workingDaysLeft: number; overdue: boolean; dueSoon: boolean } | null {
  if (!dueOn) return null;
  const left = timeLeftOn(cal, dueOn, today);
  return { dueOn, workingDaysLeft: left.workingDays, overdue: left.overdue, dueSoon: left.dueSoon };
}

/**
 * The last due date that counts as due soon, for the SQL filter: every day before the
 * (DUE_SOON_WORKING_DAYS + 1)th working day after today, so that the filter and timeLeftOn agree.
 */
export function dueSoonUntil(cal: WorkingCalendar, today: string): string {
  return addDays(cal.addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1), -1);
}
