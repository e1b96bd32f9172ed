// Browser-build boundary for server/http (see accounts.server.ts).
export { readCookie, serializeCookie } from "../../server/http/cookies.server";
export { returnTarget } from "../../server/http/return-target.server";
export { retryAfterHeader } from "../../server/http/rate-limit.server";
