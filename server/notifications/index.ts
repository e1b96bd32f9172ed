// The public entry of server/notifications: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export { createMailer, getOutboxMessage, listOutbox, type Mailer } from "./mailer.server";
export { renderEmail } from "./render.server";
export { loadOutbox } from "./web.server";
