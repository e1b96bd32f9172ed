// Browser-build boundary for server/notifications (see accounts.server.ts).
export { listOutbox } from "../../server/notifications/mailer.server";
export { loadOutbox } from "../../server/notifications/web.server";
