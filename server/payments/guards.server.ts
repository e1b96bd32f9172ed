import { data, type AppLoadContext } from "@remix-run/node";
import { requireStaffArea } from "../accounts";
import type { StaffProfile } from "../accounts";
import { accountantAgencies } from "./notices.server";

/** A signed-in accountant and the offices where they are one (from SQL); 403 for other staff. */
export async function requireAccountant(request: Request, context: AppLoadContext) {
  const staff: StaffProfile = await requireStaffArea(request, context, "notices");
  const agencies = await accountantAgencies(context.services.sql, { staffId: staff.id });
  if (!agencies.length) throw data(null, { status: 403 });
  return { staff, agencies };
}
