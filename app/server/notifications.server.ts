// Browser-build boundary for server/notifications (see accounts.server.ts).
export { listOutbox, loadOutbox } from "../../server/notifications";
