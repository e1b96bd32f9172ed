import type { Translation } from "../types";
import type deadlines from "./deadlines.vi";

const en: Translation<typeof deadlines> = {
  calendar: {
    title: "Working-day calendar",
    lead: "Public holidays under the Labour Code are built in (including the day off in lieu when a holiday falls on a weekly rest day). Record here what the government announces each year: the whole Tết break, the day beside National Day, swapped days (a Saturday made a working day). Every change is logged and applies at once to deadlines computed from then on.",
    year: "Year",
    show: "Show",
    previousYear: "Previous year",
    nextYear: "Next year",
    rowsHeading: "Days recorded by administrators for {{year}}",
    noRows: "No days recorded for this year.",
    libraryHeading: "Statutory holidays in {{year}} (built in, read-only)",
    libraryLead: "This list comes from the holiday library and cannot be edited here. To change a day, record it with the form below: a recorded day takes precedence.",
    day: "Day",
    weekday: "Weekday",
    kind: "Kind",
    note: "Note",
    library: "By law",
    updated: "Updated",
    substitute: "day in lieu",
    overridden: "overridden",
    kinds: { holiday: "Day off", working: "Working day" },
    addHeading: "Record a day",
    addHint: "Recording a day again replaces its row.",
    dayHint: "For example 01/09/2026.",
    noteHint: "The basis, for example: the 2026 National Day holiday announcement.",
    save: "Record the day",
    remove: "Remove",
    removeLabel: "Remove {{day}}",
    done: { set: "The day is recorded.", removed: "The day is removed; it follows the law again." },
  },
  clock: {
    dueOn: "Due: {{date}}",
    left: "{{count}} working days left",
    dueToday: "Due today",
    overdue: "{{count}} working days overdue",
    stopped: "Stopped, {{count}} days left",
  },
  units: { working_days: "working days", days: "days", months: "months", years: "years" },
  errors: {
    dayRequired: "Enter a day.",
    dayInvalid: "This is not a valid day. Enter it as day/month/year, for example 01/09/2026.",
    kindRequired: "Choose the kind of day.",
    noteRequired: "Enter a note (the basis for this day).",
    noteLength: "The note can be at most 200 characters.",
    notFound: "This day is not recorded: there is nothing to remove.",
    yearInvalid: "This is not a valid year.",
  },
};

export default en;
