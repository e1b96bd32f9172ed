// The public entry of server/inbox (docs/decisions/061-the-inbox.md): the office's work list (every case of
// the offices in the viewer's scope, payments needing review, refunds awaiting approval), the staff home's
// counts, claim / assign / reassign, and the export. Reads the cases table (server/cases' schema) and the
// payments/refunds tables with its own SQL; imports no app/.
export {
  exportCases,
  inboxAction,
  loadInbox,
  loadStaffDashboard,
  redirectOldRequestList,
  type InboxActionResult,
} from "./web.server";
export { assignCase, caseAssignment, claimCase, assignableStaff, ASSIGN_ROLES, CLAIM_ROLES, type AssignResult } from "./assign.server";
export { CASE_VIEWER_ROLES, caseListQuery, scopeOf, dashboardCounts, listCases, type DashboardCounts, type InboxRow, type InboxPage } from "./list.server";
export { exportStream, csvCell } from "./export.server";
export { deadlineOf, dueSoonUntil, vietnamDay, type InboxCalendar } from "./days.server";
export * from "./browser";
