import { addMonths, dueAfter, ruleFor, vnDay, type LegalRule, type WorkingCalendar } from "../deadlines";
import type { RemovalGround } from "./schemas";

// The periods of the debtor list, each a legal rule chosen by the date it counts from (ruleFor) and counted on
// the working-day calendar (docs/decisions/072-debtor-list.md). Pure: the calendar is passed in.

export type Period = { dueOn: string; rule: LegalRule };

/** Publish within 5 working days of the decision that the debtor has no conditions (art. 44a; Decree 62 art. 11). */
export function publishBy(calendar: WorkingCalendar, decidedOn: string): Period {
  const rule = ruleFor("debtor-list.publish", decidedOn);
  return { dueOn: dueAfter(calendar, decidedOn, rule.amount, rule.unit), rule };
}

/** The last day an entry is on the public list: the decision's day plus the publication period (not moved to a working day: it is not an office's deadline). */
export function publishedUntil(decidedOn: string): Period {
  const rule = ruleFor("debtor-list.publication", decidedOn);
  if (rule.unit !== "months") throw new Error(`debtor-list.publication in ${rule.unit} is not supported`);
  return { dueOn: addMonths(decidedOn, rule.amount), rule };
}

/** Change the entry within 3 working days of the change of the information. */
export function changeBy(calendar: WorkingCalendar, changedOn: string): Period {
  const rule = ruleFor("debtor-list.change", changedOn);
  return { dueOn: dueAfter(calendar, changedOn, rule.amount, rule.unit), rule };
}

/** Remove within 2 (from 01/07/2026: 3) working days after the ground arose (the rule in force on that day). */
export function removeBy(calendar: WorkingCalendar, _ground: RemovalGround, groundOn: string): Period {
  const rule = ruleFor("debtor-list.remove", groundOn);
  return { dueOn: dueAfter(calendar, groundOn, rule.amount, rule.unit), rule };
}

/** Is the act done on `at` (Asia/Ho_Chi_Minh day) past `dueOn`? */
export const lateOn = (at: Date, dueOn: string | null): boolean => dueOn !== null && vnDay(at) > dueOn;
