// The public entry of server/db: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export { ensureDatabase, openDatabase, withDatabase } from "./bootstrap.server";
export { createPool, isDatabaseUnavailable, ping, type Pool, poolTimeouts, type Sql } from "./client.server";
export { type EmbeddedDatabase, freePort, startEmbeddedPostgres } from "./embedded.server";
export { migrate, migrationsApplied, readMigrations } from "./migrate.server";
