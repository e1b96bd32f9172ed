import { z } from "zod";
import { text } from "../validation/browser";
import { isDay } from "./calendar";

/**
 * The calendar page's forms (browser-safe). Messages are i18n keys under `deadlines.errors`. A day is the
 * date input's yyyy-mm-dd, or dd/mm/yyyy as people type it.
 */
export const daySchema = z
  .string({ error: "deadlines.errors.dayRequired" })
  .trim()
  .min(1, { error: "deadlines.errors.dayRequired" })
  .transform((v, ctx) => {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
    const day = iso ? v : vn ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}` : "";
    if (!isDay(day) || day < "2000-01-01" || day > "2100-12-31") {
      ctx.addIssue({ code: "custom", message: "deadlines.errors.dayInvalid" });
      return z.NEVER;
    }
    return day;
  });

export const CalendarDaySchema = z.object({
  day: daySchema,
  kind: z.enum(["holiday", "working"], { error: "deadlines.errors.kindRequired" }),
  note: text({ label: "deadlines.calendar.note", error: "deadlines.errors.noteRequired" })
    .trim()
    .min(1, { error: "deadlines.errors.noteRequired" })
    .max(200, { error: "deadlines.errors.noteLength" }),
});
export type CalendarDayInput = z.output<typeof CalendarDaySchema>;

export const CalendarRemoveSchema = z.object({ day: daySchema });

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "_form")] ??= issue.message;
  return out;
}
