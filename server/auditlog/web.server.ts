import { requireStaffArea } from "../accounts";
import type { RouteArgs } from "../http";
import { isDay } from "../deadlines";
import { auditActions, auditOffices, listAuditEntries, type AuditFilters } from "./viewer.server";

// The audit log page's server function (route convention, ADR 055). Filters come from a GET form; a bad
// filter is answered with a localised message per field (and no entries), never a 500.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** yyyy-mm-dd or dd/mm/yyyy → yyyy-mm-dd; "" → undefined; null when invalid. */
function dayOf(raw: string): string | undefined | null {
  const v = raw.trim();
  if (!v) return undefined;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const day = vn ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}` : v;
  return isDay(day) ? day : null;
}

export async function loadAuditLog({ request, context }: RouteArgs) {
  const staff = await requireStaffArea(request, context, "audit");
  const { sql } = context.services;
  const viewer = { staffId: staff.id, admin: staff.roles.some((r) => r.role === "admin") };
  const q = new URL(request.url).searchParams;
  const values = {
    person: q.get("person") ?? "",
    office: q.get("office") ?? "",
    action: q.get("action") ?? "",
    from: q.get("from") ?? "",
    to: q.get("to") ?? "",
  };
  const errors: Record<string, string> = {};
  const [offices, actions] = await Promise.all([auditOffices(sql, viewer), auditActions(sql, viewer)]);
  if (values.person.length > 100) errors.person = "auditlog.errors.personLength";
  if (values.office && (!UUID.test(values.office) || !offices.some((o) => o.id === values.office))) errors.office = "auditlog.errors.officeInvalid";
  const from = dayOf(values.from);
  const to = dayOf(values.to);
  if (from === null) errors.from = "auditlog.errors.dateInvalid";
  if (to === null) errors.to = "auditlog.errors.dateInvalid";
  if (from && to && from > to) errors.to = "auditlog.errors.rangeInvalid";
  const beforeRaw = q.get("before");
  const before = beforeRaw && /^\d{1,18}$/.test(beforeRaw) ? Number(beforeRaw) : undefined;
  const filters: AuditFilters = {
    person: values.person || undefined,
    agencyId: values.office || undefined,
    action: values.action || undefined,
    from: from ?? undefined,
    to: to ?? undefined,
    before,
  };
  const hasErrors = Object.keys(errors).length > 0;
  const page = hasErrors ? { entries: [], nextBefore: null } : await listAuditEntries(sql, viewer, filters);
  return { ...page, offices, actions, values, errors, paged: before !== undefined };
}
