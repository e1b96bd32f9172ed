import type { StaffProfile, StaffRole } from "./staff.server";
import { paths } from "../../vocabulary/paths";

/**
 * Which roles may use which part of the staff area: the one table the page guards (requireStaffArea),
 * the header's links and the staff home read, so a link is shown exactly when its page lets the person in.
 * (Each list query also scopes its rows to the offices where the person holds one of these roles, in SQL.)
 */
export const STAFF_AREAS = {
  cases: { path: paths.staff.cases, roles: ["clerk", "officer", "accountant", "head", "denunciation-handler"] },
  notices: { path: paths.staff.notices, roles: ["accountant"] },
  receipts: { path: paths.staff.receipts, roles: ["accountant"] },
  reconciliation: { path: paths.staff.reconciliation, roles: ["accountant"] },
  refunds: { path: paths.staff.refunds, roles: ["accountant", "head"] },
  admin: { path: paths.staff.admin, roles: ["admin"] },
  audit: { path: paths.staff.audit, roles: ["head", "admin"] },
  statistics: { path: paths.staff.statistics, roles: ["head", "admin"] },
  handoff: { path: paths.staff.handoff, roles: ["head", "admin"] },
  debtorList: { path: paths.staff.debtorList, roles: ["officer", "head"] },
} as const satisfies Record<string, { path: string; roles: readonly StaffRole[] }>;

export type StaffArea = keyof typeof STAFF_AREAS;

const AREA_ORDER = Object.keys(STAFF_AREAS) as StaffArea[];

/** May someone with these roles use the area (at at least one office)? */
export function canUseArea(roles: readonly { role: StaffRole }[], area: StaffArea): boolean {
  const allowed: readonly StaffRole[] = STAFF_AREAS[area].roles;
  return roles.some((r) => allowed.includes(r.role));
}

/** The areas this staff member can use, in the header's order, with their paths. */
export function staffAreasFor(profile: Pick<StaffProfile, "roles">): { area: StaffArea; path: string }[] {
  return AREA_ORDER.filter((a) => canUseArea(profile.roles, a)).map((area) => ({ area, path: STAFF_AREAS[area].path }));
}
