import { data, redirect } from "@remix-run/node";
import { requireStaffArea } from "../accounts";
import type { RouteArgs } from "../http";
import { paths, withQuery } from "../../vocabulary/paths";
import { calendarYear, removeCalendarDay, setCalendarDay, type Actor } from "./calendar-admin.server";
import { vnDay } from "./legal-rules";
import { CalendarDaySchema, CalendarRemoveSchema, fieldErrors } from "./schemas";

// The calendar page's server functions (route convention, ADR 055): the admin guard first, then a
// camelCase view, or a redirect after a change. Bad input answers 400 with localised keys and what was typed.

async function requireAdmin({ request, context }: RouteArgs): Promise<Actor> {
  const staff = await requireStaffArea(request, context, "admin");
  return { staffId: staff.id, ip: context.clientIp ?? null, requestId: context.requestId ?? null };
}

/** The year asked for (?year=), else the current year in Vietnam. */
function yearOf(request: Request): number {
  const raw = new URL(request.url).searchParams.get("year");
  const y = raw && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return y >= 2000 && y <= 2100 ? y : Number(vnDay(new Date()).slice(0, 4));
}

export async function loadCalendarAdmin(args: RouteArgs) {
  await requireAdmin(args);
  const year = yearOf(args.request);
  const view = await calendarYear(args.context.services.sql, year);
  const done = new URL(args.request.url).searchParams.get("done");
  const doneKind: "set" | "removed" | null = done === "set" ? "set" : done === "removed" ? "removed" : null;
  // How many running deadlines the change recounted (ADR 064), as the redirect said.
  const moved = Number(new URL(args.request.url).searchParams.get("moved"));
  return { ...view, done: doneKind, moved: doneKind && Number.isInteger(moved) && moved > 0 ? moved : 0 };
}

const valuesOf = (form: FormData, names: string[]) => Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? "")]));

export async function changeCalendarFromForm(args: RouteArgs) {
  const actor = await requireAdmin(args);
  const form = await args.request.formData();
  const intent = String(form.get("intent") ?? "");
  const { sql } = args.context.services;
  if (intent === "remove") {
    const values = valuesOf(form, ["day"]);
    const parsed = CalendarRemoveSchema.safeParse(values);
    if (!parsed.success) return data({ intent, errors: { _form: "deadlines.errors.dayInvalid" }, values }, { status: 400 });
    const removed = await removeCalendarDay(sql, parsed.data.day, actor);
    if (!removed) return data({ intent, errors: { _form: "deadlines.errors.notFound" }, values }, { status: 400 });
    throw redirect(withQuery(paths.staff.adminCalendar, { year: parsed.data.day.slice(0, 4), done: "removed", moved: removed.clocksMoved || undefined }));
  }
  const values = valuesOf(form, ["day", "kind", "note"]);
  const parsed = CalendarDaySchema.safeParse(values);
  if (!parsed.success) return data({ intent: "set", errors: fieldErrors(parsed.error), values }, { status: 400 });
  const { clocksMoved } = await setCalendarDay(sql, parsed.data, actor);
  throw redirect(withQuery(paths.staff.adminCalendar, { year: parsed.data.day.slice(0, 4), done: "set", moved: clocksMoved || undefined }));
}
