import type { RouteArgs } from "../http";
import { requireStaff } from "../accounts";
import { loadStaffCase } from "../cases";
import { caseInfoRequestsFor } from "./web.server";

/**
 * The staff case page (engine's loadStaffCase) with this part's section: the questions asked of the citizen,
 * their answers and files. INTEGRATOR: fold into the one case-page loader with the other parts' sections
 * (workflow's documents) — the route's loader stays one call.
 */
export async function loadStaffCaseWithAnswers(args: RouteArgs) {
  const page = await loadStaffCase(args);
  const staff = await requireStaff(args.request, args.context);
  const infoRequests = (await caseInfoRequestsFor(args.context.services.sql, { caseId: page.case.id, staffId: staff.id })) ?? [];
  return { ...page, infoRequests };
}
