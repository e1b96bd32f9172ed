import { data, type AppLoadContext } from "@remix-run/node";
import { requireStaffArea } from "../accounts";
import type { StaffProfile } from "../accounts";
import { refundRoles } from "./refunds.server";

/** A signed-in accountant or head of office (roles from SQL); 403 for other staff. */
export async function requireRefundStaff(request: Request, context: AppLoadContext) {
  const staff: StaffProfile = await requireStaffArea(request, context, "refunds");
  const roles = await refundRoles(context.services.sql, { staffId: staff.id });
  if (!roles.accountantOf.length && !roles.headOf.length) throw data(null, { status: 403 });
  return { staff, ...roles };
}
