import type { Sql } from "../db";
import { TIME_ZONE } from "../../vocabulary/format";

/** What the inbox needs of the working-day calendar (server/deadlines' WorkingCalendar has this shape). */
export type InboxCalendar = {
  isWorkingDay(day: string): boolean;
  addWorkingDays(day: string, n: number): string;
  workingDaysAfter(day: string, untilDay: string): number;
};

/** Working days that still count as "due soon": due today or within this many working days. */
export const DUE_SOON_WORKING_DAYS = 2;

/** Today's date in Vietnam, YYYY-MM-DD. */
export function vietnamDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

const shift = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Weekends only: the fallback when no calendar is given (tests of the list that do not care about holidays). */
export const WEEKEND_CALENDAR: InboxCalendar = {
  isWorkingDay: (day) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()),
  addWorkingDays(day, n) {
    let d = day;
    for (let left = n; left > 0; ) {
      d = shift(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  },
  workingDaysAfter(day, until) {
    let n = 0;
    for (let d = shift(day, 1); d <= until; d = shift(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  },
};

/** The calendar the inbox counts with (server/deadlines' when it is merged; see loadInboxCalendar's caller). */
export type CalendarLoader = (sql: Sql) => Promise<InboxCalendar>;

/** A deadline as the inbox shows it: working days left (negative: overdue by), overdue, due soon. */
export function deadlineOf(cal: InboxCalendar, dueOn: string | null, today: string): { dueOn: string; workingDaysLeft: number; overdue: boolean; dueSoon: boolean } | null {
  if (!dueOn) return null;
  if (dueOn < today) return { dueOn, workingDaysLeft: -cal.workingDaysAfter(dueOn, today), overdue: true, dueSoon: false };
  const left = cal.workingDaysAfter(today, dueOn);
  return { dueOn, workingDaysLeft: left, overdue: false, dueSoon: left <= DUE_SOON_WORKING_DAYS };
}

/** The last due date that still counts as due soon (today + DUE_SOON_WORKING_DAYS working days, then up to the next working day). */
export function dueSoonUntil(cal: InboxCalendar, today: string): string {
  const last = cal.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  // A deadline on a non-working day after `last` is moved to the next working day, which is later: not soon.
  return last;
}
