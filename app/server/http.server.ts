// Browser-build boundary for server/http (see accounts.server.ts).
export {
  readCookie,
  serializeCookie,
  returnTarget,
  retryAfterHeader,
  uuidParam,
  BodyRefused,
} from "../../server/http";
