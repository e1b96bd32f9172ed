import { data } from "@remix-run/node";
import type { RouteArgs } from "../http";
import { listOutbox } from "./mailer.server";

/** Development only (404 in production): the messages kept instead of sent while SMTP_URL is not set. */
export async function loadOutbox({ context }: RouteArgs) {
  if (context.services.config.isProduction) throw data(null, { status: 404 });
  const rows = await listOutbox(context.services.sql);
  return {
    locale: context.locale,
    messages: rows.map((m) => ({ id: m.id, createdAt: m.created_at.toISOString(), to: m.to_address, subject: m.subject })),
  };
}
