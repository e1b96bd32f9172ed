// The administrator's part of the working-day calendar: the calendar_days rows of a year beside the
// library's holidays, and setting or removing a row (audited; the cached calendar is dropped at once).
import type { Pool, Sql } from "../db";
import { audit } from "../audit";
import { isWeekend, libraryHolidays, type CalendarDayKind, type LibraryHoliday } from "./calendar";
import { invalidateCalendar } from "./clocks.server";
import { lockClocksForRecount, recountClocks } from "./recount.server";
import type { CalendarDayInput } from "./schemas";

export type Actor = { staffId: string; ip: string | null; requestId: string | null };

export type CalendarRow = {
  day: string;
  kind: CalendarDayKind;
  note: string;
  updatedAt: string;
  updatedBy: string | null;
  /** The library's holiday on that day, if any (what the row overrides or repeats). */
  library: string | null;
  weekend: boolean;
};

export type CalendarYear = { year: number; rows: CalendarRow[]; library: (LibraryHoliday & { overridden: boolean })[] };

export async function calendarYear(sql: Sql, year: number): Promise<CalendarYear> {
  const rows = await sql<{ day: string; kind: CalendarDayKind; note: string; updated_at: Date; updated_by: string | null }[]>`
    select to_char(d.day, 'YYYY-MM-DD') as day, d.kind, d.note, d.updated_at, s.full_name as updated_by
    from calendar_days d left join staff s on s.id = d.updated_by
    where d.day between make_date(${year}::int, 1, 1) and make_date(${year}::int, 12, 31)
    order by d.day`;
  const library = libraryHolidays(year).filter((h) => h.day.startsWith(`${year}-`));
  const byDay = new Map(library.map((h) => [h.day, h.name]));
  const set = new Set(rows.map((r) => r.day));
  return {
    year,
    rows: rows.map((r) => ({
      day: r.day, kind: r.kind, note: r.note, updatedAt: r.updated_at.toISOString(), updatedBy: r.updated_by,
      library: byDay.get(r.day) ?? null, weekend: isWeekend(r.day),
    })),
    library: library.map((h) => ({ ...h, overridden: set.has(h.day) })),
  };
}

/**
 * Sets (adds or replaces) the row of a day and, in the same transaction, recounts the running clocks it
 * moves (`clocksMoved`, also in the audit entry).
 */
export async function setCalendarDay(sql: Pool, input: CalendarDayInput, actor: Actor): Promise<{ replaced: boolean; clocksMoved: number }> {
  const result = await sql.begin(async (tx) => {
    await lockClocksForRecount(tx);
    const [before] = await tx<{ kind: string; note: string }[]>`select kind, note from calendar_days where day = ${input.day} for update`;
    await tx`
      insert into calendar_days (day, kind, note, updated_by, updated_at)
      values (${input.day}, ${input.kind}, ${input.note}, ${actor.staffId}, now())
      on conflict (day) do update set kind = excluded.kind, note = excluded.note, updated_by = excluded.updated_by, updated_at = now()`;
    const { moved } = await recountClocks(tx, input.day);
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, action: "calendar.day-set", targetType: "calendar_day", targetId: input.day,
      ip: actor.ip, requestId: actor.requestId,
      details: { kind: input.kind, note: input.note, before: before ? { kind: before.kind, note: before.note } : null, clocksMoved: moved },
    });
    return { replaced: Boolean(before), clocksMoved: moved };
  });
  invalidateCalendar();
  return result;
}

/**
 * Removes the row of a day (the day goes back to the library's rule) and recounts the running clocks it
 * moves: false when there was none.
 */
export async function removeCalendarDay(sql: Pool, day: string, actor: Actor): Promise<false | { clocksMoved: number }> {
  const removed = await sql.begin(async (tx) => {
    await lockClocksForRecount(tx);
    const [row] = await tx<{ kind: string; note: string }[]>`delete from calendar_days where day = ${day} returning kind, note`;
    if (!row) return false as const;
    const { moved } = await recountClocks(tx, day);
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, action: "calendar.day-removed", targetType: "calendar_day", targetId: day,
      ip: actor.ip, requestId: actor.requestId, details: { kind: row.kind, note: row.note, clocksMoved: moved },
    });
    return { clocksMoved: moved };
  });
  invalidateCalendar();
  return removed;
}
