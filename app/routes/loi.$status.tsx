import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { ErrorPage } from "../components/error-page";

/**
 * The page a refused request gets (the server's body rules render it in place, with the refusal's own
 * status): 400 unreadable, 404, 413 too large (with the limit), 415 not a form.
 */
const STATUSES = new Set([400, 404, 413, 415]);

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const status = Number(params.status);
  const max = new URL(request.url).searchParams.get("max");
  const maxBytes = max && /^\d{1,12}$/.test(max) ? Number(max) : context.services.config.BODY_LIMIT_BYTES;
  throw data({ maxBytes }, { status: STATUSES.has(status) ? status : 404 });
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const maxBytes = isRouteErrorResponse(error) ? (error.data as { maxBytes?: number } | null)?.maxBytes : undefined;
  return <ErrorPage status={status} maxBytes={maxBytes} />;
}

export default function Refusal() {
  return <ErrorPage status={404} />;
}
