import type { Sql } from "../db";
import { ruleFor, ruleVersion, resumeCount, startClock, stopClock, timeLeft, type LegalRule, type TimeLeft } from "../deadlines";
import type { CaseType } from "./definition";

/**
 * A case's statutory clocks (case_clocks), moved by the engine's events. Every date comes from
 * server/deadlines (the rule version in force, the working-day calendar): no day arithmetic here.
 */

/**
 * Starts (or restarts) clocks at `at` under the rule version in force that day. A clock whose rule has no
 * version in force yet (e.g. the 2026 decree's 1-working-day correction request, for a request received
 * before 01/07/2026) does not run for this case.
 */
export async function startClocks(
  tx: Sql,
  { caseId, type, clocks, at, fields }: { caseId: string; type: CaseType; clocks: readonly string[]; at: Date; fields?: Record<string, unknown> },
) {
  for (const clock of clocks) {
    const ruleId = clockRuleId(type, clock, fields);
    if (!inForce(ruleId, at)) continue;
    const { dueOn, rule, count } = await startClock(tx, { ruleId, at: await countedFrom(tx, type, caseId, clock, at) });
    await tx`
      insert into case_clocks (case_id, clock, rule_id, rule_effective_from, state, started_at, due_on, counted_from, count_days, count_unit)
      values (${caseId}, ${clock}, ${ruleId}, ${rule.effectiveFrom}, 'running', ${at}, ${dueOn}, ${count.countedFrom}, ${count.countDays}, ${count.countUnit})
      on conflict (case_id, clock) do update set
        rule_id = excluded.rule_id, rule_effective_from = excluded.rule_effective_from, state = 'running',
        started_at = excluded.started_at, due_on = excluded.due_on, stopped_at = null, remaining_days = null, ended_at = null,
        counted_from = excluded.counted_from, count_days = excluded.count_days, count_unit = excluded.count_unit`;
  }
}

/** When a clock's count starts: the event's moment, or the other clock's start or due day (`countsFrom`). */
async function countedFrom(tx: Sql, type: CaseType, caseId: string, clock: string, at: Date): Promise<Date> {
  const from = type.clocks[clock]!.countsFrom;
  if (!from) return at;
  const [row] = await tx<{ started_at: Date; due_on: string | null }[]>`
    select started_at, to_char(due_on, 'YYYY-MM-DD') as due_on from case_clocks where case_id = ${caseId} and clock = ${from.clock}`;
  if (!row) return at;
  if (from.from === "start") return row.started_at;
  // The due day, at noon in Hà Nội: the count then starts the day after it.
  return row.due_on ? new Date(`${row.due_on}T05:00:00Z`) : at;
}

/**
 * The rule a clock runs under: `ruleByField` picks it by a field of the event that starts it (a complaint's
 * resolution period by the kind of decision complained of), `rule` when the field is absent or unknown.
 */
export function clockRuleId(type: CaseType, clock: string, fields?: Record<string, unknown>): string {
  const def = type.clocks[clock]!;
  const value = def.ruleByField ? fields?.[def.ruleByField.field] : undefined;
  if (typeof value === "string" && Object.hasOwn(def.ruleByField!.rules, value)) return def.ruleByField!.rules[value]!;
  return def.rule;
}

function inForce(ruleId: string, at: Date): boolean {
  try {
    ruleFor(ruleId, at);
    return true;
  } catch (e) {
    if (e instanceof Error && e.message.startsWith("no version")) return false;
    throw e;
  }
}

type ClockRow = { clock: string; rule_id: string; rule_effective_from: string; due_on: string | null; remaining_days: number | null };

const clockRows = (tx: Sql, caseId: string, clocks: readonly string[], state: "running" | "stopped") => tx<ClockRow[]>`
  select clock, rule_id, to_char(rule_effective_from, 'YYYY-MM-DD') as rule_effective_from, to_char(due_on, 'YYYY-MM-DD') as due_on, remaining_days
  from case_clocks where case_id = ${caseId} and clock in ${tx(clocks as string[])} and state = ${state}`;

/** Stops running clocks: the time left (working days after the day of `at`) is kept, the due date and count cleared. */
export async function stopClocks(tx: Sql, { caseId, clocks, at }: { caseId: string; clocks: readonly string[]; at: Date }) {
  if (!clocks.length) return;
  for (const c of await clockRows(tx, caseId, clocks, "running")) {
    const unit = ruleVersion(c.rule_id, c.rule_effective_from).unit;
    const remaining = await stopClock(tx, { dueOn: c.due_on!, at, unit });
    await tx`update case_clocks set state = 'stopped', stopped_at = ${at}, remaining_days = ${remaining}, due_on = null,
        counted_from = null, count_days = null, count_unit = null
      where case_id = ${caseId} and clock = ${c.clock}`;
  }
}

/** Resumes stopped clocks: the days that were left count again from the day after `at`. */
export async function resumeClocks(tx: Sql, { caseId, clocks, at }: { caseId: string; clocks: readonly string[]; at: Date }) {
  if (!clocks.length) return;
  for (const c of await clockRows(tx, caseId, clocks, "stopped")) {
    const unit = ruleVersion(c.rule_id, c.rule_effective_from).unit;
    const { dueOn, count } = await resumeCount(tx, { remainingDays: c.remaining_days!, unit, at });
    await tx`update case_clocks set state = 'running', due_on = ${dueOn}, stopped_at = null, remaining_days = null,
        counted_from = ${count.countedFrom}, count_days = ${count.countDays}, count_unit = ${count.countUnit}
      where case_id = ${caseId} and clock = ${c.clock}`;
  }
}

/** Ends clocks still running or stopped (the due date stays, to show whether it was met). */
export async function endClocks(tx: Sql, { caseId, clocks, at }: { caseId: string; clocks: readonly string[]; at: Date }) {
  if (!clocks.length) return;
  await tx`update case_clocks set state = 'ended', ended_at = ${at}
    where case_id = ${caseId} and clock in ${tx(clocks as string[])} and state <> 'ended'`;
}

/** cases.next_due_on = the earliest due date of the running clocks (null when none runs). */
export async function refreshNextDue(tx: Sql, caseId: string) {
  await tx`update cases set next_due_on = (select min(due_on) from case_clocks where case_id = ${caseId} and state = 'running') where id = ${caseId}`;
}

export type CaseClockView = {
  clock: string;
  state: "running" | "stopped" | "ended";
  ruleId: string;
  rule: LegalRule;
  startedAt: Date;
  dueOn: string | null;
  stoppedAt: Date | null;
  remainingDays: number | null;
  endedAt: Date | null;
  /** For a running clock: working days left (negative: overdue), overdue, due soon. */
  left: TimeLeft | null;
};

/** A case's clocks with the rule version each runs under and, for running ones, the time left at `at`. */
export async function caseClocks(sql: Sql, { caseId, at = new Date() }: { caseId: string; at?: Date }): Promise<CaseClockView[]> {
  const rows = await sql<
    (ClockRow & { state: "running" | "stopped" | "ended"; started_at: Date; stopped_at: Date | null; ended_at: Date | null })[]
  >`
    select clock, rule_id, to_char(rule_effective_from, 'YYYY-MM-DD') as rule_effective_from, state, started_at,
      to_char(due_on, 'YYYY-MM-DD') as due_on, stopped_at, remaining_days, ended_at
    from case_clocks where case_id = ${caseId} order by started_at, clock`;
  const out: CaseClockView[] = [];
  for (const r of rows) {
    out.push({
      clock: r.clock,
      state: r.state,
      ruleId: r.rule_id,
      rule: ruleVersion(r.rule_id, r.rule_effective_from),
      startedAt: r.started_at,
      dueOn: r.due_on,
      stoppedAt: r.stopped_at,
      remainingDays: r.remaining_days,
      endedAt: r.ended_at,
      left: r.state === "running" && r.due_on ? await timeLeft(sql, { dueOn: r.due_on, at }) : null,
    });
  }
  return out;
}
