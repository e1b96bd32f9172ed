import type { HeadersFunction } from "@remix-run/node";

/**
 * Remix drops a route's loader and action headers unless the route exports `headers`: every route that can
 * answer 429 re-exports this one, so Retry-After reaches the browser, for documents (JavaScript off) and
 * for single-fetch data requests alike (tested by e2e/rate-limits.spec.ts and app/utils/retry-after.test.ts).
 */
export const headers: HeadersFunction = ({ parentHeaders, actionHeaders, loaderHeaders, errorHeaders }) => {
  const out = new Headers(parentHeaders);
  const retryAfter = errorHeaders?.get("Retry-After") ?? actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retryAfter) out.set("Retry-After", retryAfter);
  return out;
};
