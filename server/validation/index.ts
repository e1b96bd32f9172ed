// The public entry of server/validation: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export * from "./browser";
export { CONTROL_CHARS, fieldMessage, textProblem } from "./text";
