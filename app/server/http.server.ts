// Browser-build boundary for server/http (see accounts.server.ts).
export { readCookie, safeRedirectPath, serializeCookie } from "../../server/http/cookies.server";
export { uuidParam } from "../../server/http/params.server";
