import { ConfigError, loadConfig, createLogger } from "./config";
import { createPool, openDatabase, migrate } from "./db";
import { migrateWorker } from "./jobs";

/** `npm run db:migrate`: applies pending migrations (ours and graphile-worker's) and exits. */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config, log);
  const sql = createPool(db.url, { max: 2 });
  try {
    const applied = await migrate(sql);
    await migrateWorker(db.url);
    process.stdout.write(applied.length ? `applied: ${applied.join(", ")}\n` : "database is up to date\n");
  } finally {
    await sql.end({ timeout: 5 });
    await db.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `invalid configuration: ${error.problems.join("; ")}\n` : `migration failed: ${String(error)}\n`);
  process.exit(1);
});
