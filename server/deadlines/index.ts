// The public entry of server/deadlines (docs/decisions/059-legal-rules-and-working-days.md): statutory
// periods as data (LEGAL_RULES, ruleFor), the working-day calendar, and the clock functions the case engine
// uses. Other domains import only from here.
export { LEGAL_RULES, RULE_IDS, ruleFor, ruleVersion, vnDay, type LegalRule, type Localised, type RuleUnit } from "./legal-rules";
export {
  addDays,
  addMonths,
  isDay,
  isWeekend,
  libraryHolidays,
  workingCalendar,
  type CalendarDayKind,
  type CalendarOverride,
  type LibraryHoliday,
  type WorkingCalendar,
} from "./calendar";
export {
  CALENDAR_CACHE_MS,
  DUE_SOON_WORKING_DAYS,
  dueAfter,
  invalidateCalendar,
  leftUntil,
  loadCalendar,
  currentCalendar,
  resumeClock,
  resumeCount,
  dueOfCount,
  type ClockCount,
  startClock,
  stopClock,
  timeLeft,
  timeLeftOn,
  type TimeLeft,
  describeClock,
  type ClockRow,
  type ClockView,
} from "./clocks.server";
export { lockClocksForRecount, recountClocks } from "./recount.server";
export { calendarYear, removeCalendarDay, setCalendarDay, type CalendarRow, type CalendarYear } from "./calendar-admin.server";
export { CalendarDaySchema, CalendarRemoveSchema, daySchema, type CalendarDayInput } from "./schemas";
export { changeCalendarFromForm, loadCalendarAdmin } from "./admin-web.server";
export { ANNOUNCED_DAYS, seedAnnouncedDays } from "./announced-days";
