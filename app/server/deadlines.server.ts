// Browser-build boundary for server/deadlines (see accounts.server.ts).
export { changeCalendarFromForm, loadCalendarAdmin } from "../../server/deadlines";
