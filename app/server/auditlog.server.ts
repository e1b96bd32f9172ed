// Browser-build boundary for server/auditlog (see accounts.server.ts).
export { loadAuditLog } from "../../server/auditlog";
