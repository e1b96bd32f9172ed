// The public entry of server/http: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export {
  BodyRefused,
  carriesBody,
  declaredLength,
  parseUpload,
  uploadLimitFor,
  type UploadRoute,
} from "./body.server";
export { normaliseIp } from "./client-ip";
export { readCookie, serializeCookie } from "./cookies.server";
export { portalOrigins, returnOrigin } from "./origins.server";
export { guardDatabaseOutages, RETRY_AFTER_SECONDS, withDeadline } from "./outage.server";
export { uuidParam } from "./params.server";
export {
  clientKey,
  DEFAULT_RATE_LIMITS,
  hit,
  hitOnce,
  policies,
  pruneRateLimits,
  type RateLimited,
  type RateLimitSettings,
  refund,
  retryAfterHeader,
  settle,
  take,
  waitingFor,
} from "./rate-limit.server";
export { refusalForError } from "./refusals.server";
export { remixRequestHandler } from "./remix-handler.server";
export { returnTarget } from "./return-target.server";
export { allowedOrigins, noStoreForPersonal, sameOriginForms, securityHeaders } from "./security.server";
export { digestToken, idNumberDigest } from "./tokens.server";
export { type RouteArgs } from "./route-args";
export { STORED_DOCUMENT_HEADER } from "./security.server";
export { localeFiles } from "./locales.server";
