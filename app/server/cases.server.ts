// Browser-build boundary for server/cases (see accounts.server.ts).
export { loadStaffCase } from "../../server/cases";
