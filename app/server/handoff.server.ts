// Browser-build boundary for server/handoff (see accounts.server.ts).
export { loadHandoffPage, replayFromForm } from "../../server/handoff";
