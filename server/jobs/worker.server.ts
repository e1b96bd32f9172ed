import { run, runMigrations, type Runner, type LogFunctionFactory, Logger } from "graphile-worker";
import type { Services } from "../services.server";
import { taskList, CRONTAB } from "./tasks.server";

function workerLogger(services: Services): Logger {
  const factory: LogFunctionFactory = (scope) => (level, message, meta) => {
    const l = level === "warning" ? "warn" : level;
    const fn = (services.log as unknown as Record<string, (o: object, m: string) => void>)[l] ?? services.log.info;
    // Only the error itself: graphile-worker's metadata can hold whole database clients.
    const err = (meta as { error?: unknown } | undefined)?.error;
    fn.call(services.log, { worker: { label: scope.label, taskIdentifier: scope.taskIdentifier, jobId: scope.jobId }, ...(err ? { err } : {}) }, message);
  };
  return new Logger(factory);
}

/** Installs or upgrades graphile-worker's own schema (it takes its own lock). */
export async function migrateWorker(connectionString: string): Promise<void> {
  await runMigrations({ connectionString });
}

/** Starts the job runner; the caller owns shutdown (`runner.stop()`). */
export async function startWorker(services: Services, connectionString: string): Promise<Runner> {
  return run({
    connectionString,
    concurrency: services.config.WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: taskList(services),
    crontab: CRONTAB,
    logger: workerLogger(services),
  });
}
