import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { getOutboxMessage } from "../server/notifications.server";

/** Development only: one stored message as the HTML the recipient would see. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const id = Number(params.id);
  if (context.services.config.isProduction || !Number.isSafeInteger(id)) throw data(null, { status: 404 });
  const message = await getOutboxMessage(context.services.sql, { id });
  if (!message) throw data(null, { status: 404 });
  return new Response(message.html_body, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      // The stored HTML is shown in a sandbox: no scripts, no same-origin access.
      "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    },
  });
}
