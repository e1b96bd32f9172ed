import type { Sql } from "../db";
import { currentCalendar, dueAfter, ruleFor, vnDay } from "../deadlines";
import { fileRuleId, type ComplaintKind } from "./kinds";

export type ComplaintTimeLimit = { ruleId: string; dueOn: string; late: boolean };

/**
 * The last day to complain (art. 140): the rule in force on the day the citizen received or learned of the
 * decision (the first decision, for a second complaint), counted by server/deadlines from the day after
 * (working days skip weekends and holidays; a calendar-day limit ending on a day off moves to the next
 * working day). `late` when `today` is after it: the complaint can still be filed, with a reason.
 */
export async function complaintTimeLimit(
  sql: Sql,
  { kind, round, learnedOn, today = vnDay(new Date()) }: { kind: ComplaintKind; round: "first" | "second"; learnedOn: string; today?: string },
): Promise<ComplaintTimeLimit> {
  const ruleId = fileRuleId(kind, round);
  const rule = ruleFor(ruleId, learnedOn);
  const dueOn = dueAfter(await currentCalendar(sql), learnedOn, rule.amount, rule.unit);
  return { ruleId, dueOn, late: today > dueOn };
}
