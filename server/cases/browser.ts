// The browser-safe entry of server/cases (the engine's branch holds the full file: definitions, the registry
// and the search normalisation; at merge keep the engine's, which exports these too).
export { normaliseForSearch, searchTextOf } from "./search";
