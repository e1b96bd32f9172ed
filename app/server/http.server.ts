// Browser-build boundary for server/http (see accounts.server.ts).
export { readCookie, safeRedirectPath, serializeCookie } from "../../server/http/cookies.server";
export { retryAfterHeader } from "../../server/http/rate-limit.server";
