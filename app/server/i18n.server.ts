// The dictionaries' server side for the UI (ADR 056): the namespace manifest the root loader sends and
// the server render's per-page translator. Server-only: the browser fetches namespace files instead.
export { localeManifest, pageI18n } from "../../vocabulary/i18n/bundles.server";
