import type { RouteArgs } from "../http";
import { requireStaff } from "../accounts";
import { loadStaffCase } from "../cases";
import { caseAssignment } from "../inbox";
import { caseInfoRequestsFor } from "./web.server";

/**
 * The staff case page (engine's loadStaffCase) with this part's section: the questions asked of the citizen,
 * their answers and files, and the inbox's claim/assign form (the engine's page already carries the workflow's
 * notice and documents). The route's loader stays one call.
 */
export async function loadStaffCaseWithAnswers(args: RouteArgs) {
  const page = await loadStaffCase(args);
  const staff = await requireStaff(args.request, args.context);
  const { sql } = args.context.services;
  const infoRequests = (await caseInfoRequestsFor(sql, { caseId: page.case.id, staffId: staff.id })) ?? [];
  // Claim / assign / reassign (server/inbox): what this person may do with who holds the case.
  const assignment = await caseAssignment(sql, { staffId: staff.id, caseId: page.case.id });
  return { ...page, infoRequests, assignment };
}
