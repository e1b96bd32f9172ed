// Recounting running clocks after a calendar edit (docs/decisions/064-clocks-follow-the-calendar.md).
// case_clocks is the case engine's table, but what a running clock counts (counted_from, count_days,
// count_unit) is this domain's contract with it (startClock/resumeCount), and cases imports deadlines, not
// the other way round: so the recount lives here and touches only due_on and cases.next_due_on.
import type { Sql } from "../db";
import { currentCalendar, dueOfCount } from "./clocks.server";
import type { RuleUnit } from "./legal-rules";

/** Rows written per update statement. */
const BATCH = 5_000;

/**
 * Inside a calendar edit's transaction, after the calendar_days write: serialises with every writer of
 * cases (and so of case_clocks: the engine locks or inserts the case row first), so that no clock started
 * with the calendar before this edit commits after the recount without being recounted.
 */
export async function lockClocksForRecount(tx: Sql): Promise<void> {
  await tx`lock table cases in exclusive mode`;
}

/**
 * Recounts the due date of every running clock whose span holds `day` on the calendar as it now stands in
 * this transaction, and the next_due_on of their cases. Only those clocks can move: a due date depends on
 * the days from counted_from to due_on and no others. Returns how many clocks moved.
 */
export async function recountClocks(tx: Sql, day: string): Promise<{ moved: number; cases: number }> {
  const calendar = await currentCalendar(tx);
  const candidates = await tx<{ case_id: string; clock: string; counted_from: string; count_days: number; count_unit: RuleUnit; due_on: string }[]>`
    select case_id, clock, to_char(counted_from, 'YYYY-MM-DD') as counted_from, count_days, count_unit, to_char(due_on, 'YYYY-MM-DD') as due_on
    from case_clocks
    where state = 'running'
      and daterange(least(counted_from, due_on), greatest(counted_from, due_on), '[]') @> ${day}::date`;
  const moved: { caseId: string; clock: string; dueOn: string }[] = [];
  for (const c of candidates) {
    const dueOn = dueOfCount(calendar, { countedFrom: c.counted_from, countDays: c.count_days, countUnit: c.count_unit });
    if (dueOn !== c.due_on) moved.push({ caseId: c.case_id, clock: c.clock, dueOn });
  }
  const caseIds = [...new Set(moved.map((m) => m.caseId))];
  for (let i = 0; i < moved.length; i += BATCH) {
    const batch = moved.slice(i, i + BATCH);
    await tx`
      update case_clocks k set due_on = v.due_on
      from unnest(${batch.map((m) => m.caseId)}::uuid[], ${batch.map((m) => m.clock)}::text[], ${batch.map((m) => m.dueOn)}::date[])
        as v(case_id, clock, due_on)
      where k.case_id = v.case_id and k.clock = v.clock and k.state = 'running'`;
  }
  for (let i = 0; i < caseIds.length; i += BATCH) {
    await tx`
      update cases c set next_due_on = (select min(due_on) from case_clocks k where k.case_id = c.id and k.state = 'running')
      where c.id = any(${caseIds.slice(i, i + BATCH)}::uuid[])`;
  }
  return { moved: moved.length, cases: caseIds.length };
}
