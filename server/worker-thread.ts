import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { loadConfig, createLogger } from "./config";
import { createPool, poolTimeouts } from "./db";
import { createMailer } from "./notifications";
import { startWorker } from "./worker.server";

/**
 * The job runner inside a web process (WORKER_IN_PROCESS=true), on a thread of its own: a receipt's PDF
 * or an e-mail never holds up the event loop that answers pages and IPNs, and on Linux the thread alone
 * runs at WORKER_NICE (setpriority applies to the calling thread). See docs/decisions/014-job-outbox.md.
 */
const { env, databaseUrl } = workerData as { env: Record<string, string | undefined>; databaseUrl: string };
const port = parentPort!;
const config = loadConfig(env);
const log = createLogger(config.LOG_LEVEL).child({ thread: "jobs" });
try {
  os.setPriority(config.WORKER_NICE);
} catch (err) {
  log.warn({ err }, "could not lower the job thread's CPU priority");
}
const sql = createPool(databaseUrl, { max: config.WORKER_CONCURRENCY + 2, ...poolTimeouts(config) });
const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, sql });
const worker = await startWorker({ config, sql, log, mailer }, databaseUrl);
port.on("message", (message: unknown) => {
  if (message !== "stop") return;
  void (async () => {
    await worker.stop();
    mailer.close();
    await sql.end({ timeout: 5 });
    port.close(); // nothing left: the thread ends
  })();
});
port.postMessage("started");
