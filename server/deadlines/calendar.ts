// The working-day calendar (docs/decisions/059-legal-rules-and-working-days.md): Saturdays and Sundays are
// weekly rest days; public holidays come from date-holidays ('VN', type public: 1/1, the five Tết days,
// Hùng Kings' day, 30/4, 1/5, 2/9), a holiday falling on a weekly rest day gives the next working day off
// (Labour Code 2019 art. 112(3) — the library does not do this), and the administrator's calendar_days rows
// (what the government announces each year: the whole Tết break, the day beside 2/9, swapped working days)
// have the last word. Days are Asia/Ho_Chi_Minh calendar days written YYYY-MM-DD.
import Holidays from "date-holidays";

export type CalendarDayKind = "holiday" | "working";

/** A row of calendar_days: the administrator's word on one day. */
export type CalendarOverride = { day: string; kind: CalendarDayKind; note: string };

/** A library holiday (or the day off in lieu of one falling on a weekly rest day). */
export type LibraryHoliday = { day: string; name: string; substitute: boolean };

export type WorkingCalendar = {
  isWorkingDay(day: string): boolean;
  /**
   * The day `n` working days after `day` (the day itself not counted). n = 0: `day` when it is a working day,
   * else the next working day. n < 0 counts back.
   */
  addWorkingDays(day: string, n: number): string;
  /** Working days in (day, untilDay]; negative (the working days in (untilDay, day]) when untilDay is earlier. */
  workingDaysAfter(day: string, untilDay: string): number;
  /** `day` when it is a working day, else the next working day. */
  nextWorkingDayFrom(day: string): string;
  /** Why a day is not a working day (holiday name, admin note, "weekend"), or null on a working day. */
  reasonOff(day: string): string | null;
};

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(s: string): boolean {
  if (!DAY_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function check(day: string): void {
  if (!isDay(day)) throw new Error(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
}

/** `day` plus n calendar days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * `day` plus n months (or 12·n for years): the same day of the month, or the month's last day when it has
 * no such day (Civil Code 2015 art. 147–148).
 */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const out = new Date(Date.UTC(ty, tm, Math.min(d, last)));
  return out.toISOString().slice(0, 10);
}

/** Saturday or Sunday. */
export function isWeekend(day: string): boolean {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
}

const hd = new Holidays("VN");
const libraryByYear = new Map<number, LibraryHoliday[]>();

/**
 * The library's public holidays of a year (multi-day ones such as Tết expanded to every day), plus the
 * day in lieu of each one falling on a Saturday or Sunday: the next weekday that is not itself a holiday
 * or already given in lieu (Labour Code art. 112(3)).
 */
export function libraryHolidays(year: number): LibraryHoliday[] {
  const cached = libraryByYear.get(year);
  if (cached) return cached;
  const days = new Map<string, string>();
  for (const h of hd.getHolidays(year)) {
    if (h.type !== "public") continue;
    // start/end are instants of the holiday's local midnight (Asia/Ho_Chi_Minh); end is exclusive.
    const first = vnDayOf(h.start);
    const end = vnDayOf(h.end);
    for (let d = first; d < end; d = addDays(d, 1)) if (!days.has(d)) days.set(d, h.name);
  }
  const out: LibraryHoliday[] = [...days].map(([day, name]) => ({ day, name, substitute: false }));
  const taken = new Set(days.keys());
  for (const h of [...out].sort((a, b) => a.day.localeCompare(b.day))) {
    if (!isWeekend(h.day)) continue;
    let d = addDays(h.day, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    out.push({ day: d, name: h.name, substitute: true });
  }
  out.sort((a, b) => a.day.localeCompare(b.day));
  libraryByYear.set(year, out);
  return out;
}

const VN = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });
function vnDayOf(at: Date): string {
  return VN.format(at);
}

/** A calendar from the administrator's rows (the library's holidays are added per year on demand). */
export function workingCalendar(overrides: readonly CalendarOverride[]): WorkingCalendar {
  const admin = new Map(overrides.map((o) => [o.day, o]));
  const library = new Map<string, LibraryHoliday>();
  const loadedYears = new Set<number>();
  const libraryOn = (day: string): LibraryHoliday | undefined => {
    // A substitute for a late-December holiday can fall in January: load the year before too.
    const year = Number(day.slice(0, 4));
    for (const y of [year - 1, year]) {
      if (loadedYears.has(y)) continue;
      loadedYears.add(y);
      for (const h of libraryHolidays(y)) if (!library.has(h.day)) library.set(h.day, h);
    }
    return library.get(day);
  };
  const reasonOff = (day: string): string | null => {
    check(day);
    const o = admin.get(day);
    if (o) return o.kind === "working" ? null : o.note || "holiday";
    const h = libraryOn(day);
    if (h) return h.name;
    return isWeekend(day) ? "weekend" : null;
  };
  const isWorkingDay = (day: string): boolean => reasonOff(day) === null;
  const nextWorkingDayFrom = (day: string): string => {
    let d = day;
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  };
  const addWorkingDays = (day: string, n: number): string => {
    check(day);
    if (!Number.isInteger(n)) throw new Error(`working days must be an integer: ${n}`);
    if (n === 0) return nextWorkingDayFrom(day);
    const step = n > 0 ? 1 : -1;
    let d = day;
    for (let left = Math.abs(n); left > 0; ) {
      d = addDays(d, step);
      if (isWorkingDay(d)) left--;
    }
    return d;
  };
  const workingDaysAfter = (day: string, untilDay: string): number => {
    check(day);
    check(untilDay);
    if (untilDay < day) return -workingDaysAfter(untilDay, day);
    let count = 0;
    for (let d = addDays(day, 1); d <= untilDay; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  };
  return { isWorkingDay, addWorkingDays, workingDaysAfter, nextWorkingDayFrom, reasonOff };
}
