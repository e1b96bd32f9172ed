// The public entry of server/config: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export { type Config, ConfigError, loadConfig, type ReceiptJwk, type HandoffEndpoint, CASE_SYSTEM_SANDBOX_PATH, sandboxHandoffSecret } from "./env.server";
export { createLogger, type Logger } from "./logger.server";
