// The days the government has announced on top of the statutory holidays, seeded into calendar_days
// (idempotent: an administrator's row for the same day is kept). Only what can be justified is here
// (docs/decisions/059-legal-rules-and-working-days.md): the Tết Bính Ngọ break of 2026, Saturday 14/02 to
// Sunday 22/02/2026, as the government announced it for civil servants. The days beside 2/9 and any swaps of
// 2026 and 2027, and the Tết break of 2027, are left to the administrator (/staff/admin/calendar).
import type { Sql } from "../db";
import { addDays } from "./calendar";
import type { CalendarOverride } from "./calendar";
import { invalidateCalendar } from "./clocks.server";
import { recountClocks } from "./recount.server";

const TET_2026_NOTE = "Nghỉ Tết Âm lịch Bính Ngọ 2026 (từ 14/02 đến hết 22/02/2026) theo thông báo của Chính phủ";

function range(from: string, to: string, note: string): CalendarOverride[] {
  const out: CalendarOverride[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ day: d, kind: "holiday", note });
  return out;
}

export const ANNOUNCED_DAYS: readonly CalendarOverride[] = [...range("2026-02-14", "2026-02-22", TET_2026_NOTE)];

/** Inserts the announced days not recorded yet; returns how many were added. */
export async function seedAnnouncedDays(sql: Sql): Promise<number> {
  let added = 0;
  for (const d of ANNOUNCED_DAYS) {
    const rows = await sql`insert into calendar_days (day, kind, note) values (${d.day}, ${d.kind}, ${d.note}) on conflict (day) do nothing returning day`;
    // A day added to a database that already has running clocks moves them like an administrator's edit (ADR 064).
    if (rows.length) await recountClocks(sql, d.day);
    added += rows.length;
  }
  if (added) invalidateCalendar();
  return added;
}
