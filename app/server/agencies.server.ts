// Browser-build boundary for server/agencies (see accounts.server.ts).
export { listCourts } from "../../server/agencies/index";
