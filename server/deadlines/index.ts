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
  resumeClock,
  startClock,
  stopClock,
  timeLeft,
  timeLeftOn,
  type TimeLeft,
} from "./clocks.server";
