import pg from "pg";
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

/**
 * graphile-worker speaks node-postgres. We own its pool (instead of handing it a connection string) so
 * that shutdown can end it before the database stops, and so that a connection the server terminates
 * is logged instead of crashing the process.
 */
function workerPool(connectionString: string, max: number, onError: (err: Error) => void): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: "thads-worker" });
  pool.on("error", onError);
  return pool;
}

/** Installs or upgrades graphile-worker's own schema (it takes its own lock). */
export async function migrateWorker(connectionString: string): Promise<void> {
  const pool = workerPool(connectionString, 1, () => {});
  try {
    await runMigrations({ pgPool: pool });
  } finally {
    await pool.end();
  }
}

export type Worker = { stop: () => Promise<void>; runner: Runner };

/** Starts the job runner; `stop()` finishes running jobs, then closes the worker's connections. */
export async function startWorker(services: Services, connectionString: string): Promise<Worker> {
  const pool = workerPool(connectionString, services.config.WORKER_CONCURRENCY + 2, (err) =>
    services.log.warn({ err }, "job worker database connection lost"),
  );
  const runner = await run({
    pgPool: pool,
    concurrency: services.config.WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: taskList(services),
    crontab: CRONTAB,
    logger: workerLogger(services),
  });
  return {
    runner,
    stop: async () => {
      await runner.stop();
      await pool.end();
    },
  };
}
