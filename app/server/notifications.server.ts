// Browser-build boundary for server/notifications (see accounts.server.ts).
export { listOutbox, getOutboxMessage } from "../../server/notifications/mailer.server";
