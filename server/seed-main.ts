import { loadConfig } from "./config";
import { createPool, openDatabase, migrate } from "./db";
import { migrateWorker } from "./jobs";
import { seedDemo, seedDemoCases, DEMO_PASSWORD } from "./seed.server";

/** `npm run db:seed`: idempotent demo data (agency tree, one staff account per role, demo cases outside production). */
async function main() {
  const config = loadConfig();
  if (config.isProduction && process.env.SEED_DEMO !== "true") {
    throw new Error("refusing to seed demo accounts in production (set SEED_DEMO=true to insist)");
  }
  const db = await openDatabase(config);
  const sql = createPool(db.url, { max: 2 });
  try {
    await migrate(sql);
    await migrateWorker(db.url);
    const { staffCreated } = await seedDemo(sql);
    const { casesCreated } = config.isProduction ? { casesCreated: 0 } : await seedDemoCases(sql);
    process.stdout.write(`demo data ready (${staffCreated} staff accounts, ${casesCreated} demo cases created; password ${DEMO_PASSWORD})\n`);
  } finally {
    await sql.end({ timeout: 5 });
    await db.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
