import { ConfigError, loadConfig, createLogger } from "./config";
import { createPool, poolTimeouts, openDatabase, migrate } from "./db";
import { createMailer } from "./notifications";
import os from "node:os";
import { migrateWorker } from "./jobs";
import { startWorker } from "./worker.server";

/** `npm run worker`: the job runner as its own process (set WORKER_IN_PROCESS=false on the web processes). */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  // Receipts (PDF, signature) and e-mails are CPU work that can wait; an IPN or a page cannot.
  try {
    os.setPriority(config.WORKER_NICE);
  } catch (err) {
    log.warn({ err }, "could not lower the worker's CPU priority");
  }
  const db = await openDatabase(config, log);
  const sql = createPool(db.url, { max: config.WORKER_CONCURRENCY + 2, ...poolTimeouts(config) });
  await migrate(sql);
  await migrateWorker(db.url);
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, sql });
  const worker = await startWorker({ config, sql, log, mailer }, db.url);
  log.info("worker started");
  const stop = async () => {
    await worker.stop();
    mailer.close();
    await sql.end({ timeout: 5 });
    await db.stop();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError ? `invalid configuration: ${error.problems.join("; ")}\n` : `worker failed: ${String(error)}\n`,
  );
  process.exit(1);
});
