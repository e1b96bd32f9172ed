// The browser-build boundary for server/inbox (see app/server/accounts.server.ts).
export { exportCases, inboxAction, loadInbox, loadStaffDashboard, redirectOldRequestList, type InboxActionResult } from "../../server/inbox";
