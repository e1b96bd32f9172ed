// The public entry of server/auditlog: the audit log viewer (/staff/audit) over server/audit's table.
export { AUDIT_PAGE_SIZE, auditActions, auditOffices, listAuditEntries, targetHref, type AuditEntryView, type AuditFilters, type AuditViewer } from "./viewer.server";
export { loadAuditLog } from "./web.server";
