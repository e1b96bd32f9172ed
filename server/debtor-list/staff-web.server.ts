import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import type { RouteArgs } from "../http";
import { requireStaffArea } from "../accounts";
import { paths, withQuery } from "../../vocabulary/paths";
import { addEntry, caseForEntry, editEntry, entryForStaff, listForStaff, officesForStaff, removeEntry, STAFF_DUES, STAFF_STATUSES, type StaffListQuery, type WriteResult } from "./entries.server";
import { EditSchema, EntrySchema, REMOVAL_GROUNDS, RemovalSchema } from "./schemas";

// What the staff debtor-list routes do (ADR 055): each route's loader or action calls one of these.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const meta = (args: RouteArgs) => ({ ip: args.context.clientIp ?? null, requestId: args.context.requestId ?? null });
const notFound = () => new Response(null, { status: 404 });

export type FormErrors = Record<string, string>;

/** The first message of each field of a failed parse (i18n keys). */
function errorsOf(error: z.ZodError): FormErrors {
  const out: FormErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/** What was typed, as text, capped (never lost, never a page of megabytes). */
function valuesOf(form: FormData | null, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, String(form?.get(n) ?? "").slice(0, 2000)]));
}

const REFUSALS: Record<Exclude<WriteResult, { ok: true }>["reason"], { status: number; error: string }> = {
  "not-found": { status: 404, error: "debtorList.errors.notFound" },
  forbidden: { status: 403, error: "debtorList.errors.forbidden" },
  exists: { status: 409, error: "debtorList.errors.exists" },
  conflict: { status: 409, error: "debtorList.errors.conflict" },
};

/** `/staff/debtor-list`: the entries of the offices in scope, filtered, with what is due. */
export async function loadStaffDebtorList(args: RouteArgs) {
  const staff = await requireStaffArea(args.request, args.context, "debtorList");
  const { sql } = args.context.services;
  const params = new URL(args.request.url).searchParams;
  const errors: FormErrors = {};
  const q = (params.get("q") ?? "").slice(0, 100);
  const statusText = params.get("status") ?? "current";
  const dueText = params.get("due") ?? "";
  const officeText = params.get("office") ?? "";
  const status = (STAFF_STATUSES as readonly string[]).includes(statusText) ? (statusText as StaffListQuery["status"]) : "current";
  const due = (STAFF_DUES as readonly string[]).includes(dueText) ? (dueText as StaffListQuery["due"]) : "";
  if (officeText && !UUID.test(officeText)) errors.office = "debtorList.errors.office";
  const query: StaffListQuery = { q, office: officeText && UUID.test(officeText) ? officeText : null, status, due };
  const [entries, offices] = await Promise.all([listForStaff(sql, { staffId: staff.id, query }), officesForStaff(sql, { staffId: staff.id })]);
  return data(
    { entries, offices, query: { q, office: query.office ?? "", status, due }, errors, options: { statuses: STAFF_STATUSES, dues: STAFF_DUES } },
    { status: Object.keys(errors).length ? 400 : 200 },
  );
}

async function caseFor(args: RouteArgs, staffId: string) {
  const caseId = new URL(args.request.url).searchParams.get("case") ?? "";
  if (!UUID.test(caseId)) throw notFound();
  const found = await caseForEntry(args.context.services.sql, { staffId, caseId, locale: args.context.locale });
  if (!found) throw notFound();
  if (found.existingEntryId) throw redirect(paths.staff.debtorListEntry(found.existingEntryId), 303);
  return found;
}

/** `/staff/debtor-list/new?case=<id>`: the entry form, prefilled from the case and its request. */
export async function loadNewEntry(args: RouteArgs) {
  const staff = await requireStaffArea(args.request, args.context, "debtorList");
  const found = await caseFor(args, staff.id);
  return { case: { id: found.caseId, reference: found.reference, agencyName: found.agencyName }, mayWrite: found.mayWrite, values: found.prefill as Record<string, string>, errors: {} as FormErrors };
}

/** POST of the entry form: the entry is published at once, or the form comes back with every value and a message per field. */
export async function addEntryFromForm(args: RouteArgs) {
  const staff = await requireStaffArea(args.request, args.context, "debtorList");
  const found = await caseFor(args, staff.id);
  const form = await args.request.formData().catch(() => null);
  const values = valuesOf(form, EntrySchema.keyof().options);
  const base = { case: { id: found.caseId, reference: found.reference, agencyName: found.agencyName }, mayWrite: found.mayWrite, values };
  const parsed = EntrySchema.safeParse(values);
  if (!parsed.success) return data({ ...base, errors: errorsOf(parsed.error) }, { status: 400 });
  const r = await addEntry(args.context.services.sql, { caseId: found.caseId, input: parsed.data, staffId: staff.id, ...meta(args) });
  if (!r.ok) return data({ ...base, errors: { form: REFUSALS[r.reason].error } as FormErrors }, { status: REFUSALS[r.reason].status });
  throw redirect(withQuery(paths.staff.debtorListEntry(r.id), { done: "added" }), 303);
}

/** `/staff/debtor-list/<id>`: the entry, its dates (publish by, change by, remove by, on the list until), the change and removal forms. */
export async function loadStaffEntry(args: RouteArgs) {
  const staff = await requireStaffArea(args.request, args.context, "debtorList");
  const id = args.params.id ?? "";
  if (!UUID.test(id)) throw notFound();
  const entry = await entryForStaff(args.context.services.sql, { staffId: staff.id, entryId: id });
  if (!entry) throw notFound();
  const done = new URL(args.request.url).searchParams.get("done");
  return { entry, grounds: REMOVAL_GROUNDS, done: done === "added" || done === "edited" || done === "removed" ? done : null };
}

/** POST on an entry: `intent=edit` (the fields, changedOn, version) or `intent=remove` (ground, groundOn, version). */
export async function staffEntryAction(args: RouteArgs) {
  const staff = await requireStaffArea(args.request, args.context, "debtorList");
  const id = args.params.id ?? "";
  if (!UUID.test(id)) throw notFound();
  const form = await args.request.formData().catch(() => null);
  const intent = String(form?.get("intent") ?? "");
  const { sql } = args.context.services;
  if (intent === "edit") {
    const values = valuesOf(form, EditSchema.keyof().options);
    const parsed = EditSchema.safeParse(values);
    if (!parsed.success) return data({ intent, values, errors: errorsOf(parsed.error) }, { status: 400 });
    const r = await editEntry(sql, { entryId: id, input: parsed.data, staffId: staff.id, ...meta(args) });
    if (!r.ok) return data({ intent, values, errors: { form: REFUSALS[r.reason].error } as FormErrors }, { status: REFUSALS[r.reason].status });
    throw redirect(withQuery(paths.staff.debtorListEntry(id), { done: "edited" }), 303);
  }
  if (intent === "remove") {
    const values = valuesOf(form, RemovalSchema.keyof().options);
    const parsed = RemovalSchema.safeParse(values);
    if (!parsed.success) return data({ intent, values, errors: errorsOf(parsed.error) }, { status: 400 });
    const r = await removeEntry(sql, { entryId: id, input: parsed.data, staffId: staff.id, ...meta(args) });
    if (!r.ok) return data({ intent, values, errors: { form: REFUSALS[r.reason].error } as FormErrors }, { status: REFUSALS[r.reason].status });
    throw redirect(withQuery(paths.staff.debtorListEntry(id), { done: "removed" }), 303);
  }
  return data({ intent: "", values: {} as Record<string, string>, errors: { form: "debtorList.errors.badForm" } as FormErrors }, { status: 400 });
}
