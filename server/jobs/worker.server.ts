import crypto from "node:crypto";
import { EventEmitter } from "node:events";
import os from "node:os";
import pg from "pg";
import { run, runMigrations, type Runner, type LogFunctionFactory, Logger, type TaskList, type WorkerEvents } from "graphile-worker";
import type { Services } from "../services";
import { createPool, type Pool } from "../db";
import { flushJobOutbox } from "./outbox.server";

/** How often a runner writes its row in job_runners and releases dead workers' jobs (jobs_runner_heartbeat). */
export const HEARTBEAT_MS = 5_000;

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
function workerPool(
  connectionString: string,
  max: number,
  onError: (err: Error) => void,
  timeouts: { connectMs?: number; statementMs?: number } = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: "thads-worker",
    // While the database is down, a job's query fails within seconds instead of waiting on a connection.
    connectionTimeoutMillis: timeouts.connectMs ?? 0,
    ...(timeouts.statementMs ? { statement_timeout: timeouts.statementMs } : {}),
  });
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

export type Worker = { stop: () => Promise<void>; runner: () => Runner; runnerId: string };

/**
 * What the runner runs: every domain's tasks and the crontab. Assembled by the composition root
 * (server/tasks.server.tsx), so this folder imports no domain: domains import only the queue from here.
 */
export type JobRegistry = { taskList: (services: Services) => TaskList; crontab: string };

/**
 * Writes this runner's row (its live graphile-worker ids, its session) and releases the jobs locked by
 * workers that are not alive: a process that was SIGKILLed, a runner that stopped writing, a worker
 * that gave up on its job when the database went away. Returns the released worker ids. The rule is the
 * SQL function jobs_runner_heartbeat (server/jobs/rules.sql).
 */
export async function heartbeat(sql: Pool, runnerId: string, workerIds: string[]): Promise<string[]> {
  const [row] = await sql<{ dead: string[] }[]>`select jobs_runner_heartbeat(${runnerId}, ${workerIds}::text[]) as dead`;
  return row!.dead;
}

/**
 * Starts the job runner; `stop()` finishes running jobs, then closes the worker's connections.
 *
 * Outages (docs/decisions/044-database-outages.md): graphile-worker leaves a job locked for 4 hours when
 * its worker dies, and a worker that cannot record a job's end (the database went away) ends itself for
 * good. So the runner keeps a heartbeat (HEARTBEAT_MS) on a connection of its own that releases dead
 * workers' jobs — at start too — and, once the database answers again after an outage, moves the job
 * outbox and starts graphile-worker again if it lost workers.
 */
export async function startJobRunner(services: Services, connectionString: string, registry: JobRegistry): Promise<Worker> {
  const { config, log } = services;
  const pool = workerPool(
    connectionString,
    config.WORKER_CONCURRENCY + 2,
    (err) => log.warn({ err }, "job worker database connection lost"),
    { connectMs: config.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000, statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS },
  );
  // The presence connection: one session per runner, whose end (SIGKILL, crash) other runners can see.
  const presence = createPool(connectionString, { max: 1, connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS, statementTimeoutMs: 5_000 });
  const runnerId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(6).toString("hex")}`;
  const live = new Set<string>();
  let lostWorkers = false;
  let stopping = false;
  let restarting = false;
  const events = new EventEmitter() as WorkerEvents;
  events.on("worker:create", ({ worker }) => void live.add(worker.workerId));
  events.on("worker:stop", ({ worker }) => {
    live.delete(worker.workerId);
    // graphile-worker does not replace a worker that ended while its pool runs (a failed getJob or
    // completion during an outage): the runner is started again whole once the database answers.
    if (!stopping && !restarting) lostWorkers = true;
  });
  events.on("worker:fatalError", ({ worker }) => {
    live.delete(worker.workerId);
    lostWorkers = true;
  });
  const start = () =>
    run({
      pgPool: pool,
      concurrency: config.WORKER_CONCURRENCY,
      noHandleSignals: true,
      pollInterval: 1000,
      taskList: registry.taskList(services),
      crontab: registry.crontab,
      logger: workerLogger(services),
      events,
    });

  let failing = false;
  let runner: Runner | null = null;
  const beat = async () => {
    try {
      const dead = await heartbeat(presence, runnerId, [...live]);
      if (dead.length) log.warn({ workerIds: dead }, "released the jobs of job workers that died");
      if (failing) {
        failing = false;
        log.info("job runner reaches the database again");
        const moved = await flushJobOutbox(services.sql);
        if (moved) log.info({ n: moved }, "jobs moved from the outbox after the outage");
      }
      if (lostWorkers && runner && !stopping) {
        // Some of graphile-worker's workers ended themselves during the outage: start it again whole.
        lostWorkers = false;
        restarting = true;
        const old = runner;
        await old.stop().finally(() => (restarting = false));
        if (!stopping) runner = await start();
        log.info("job runner started again after losing workers");
      }
    } catch (err) {
      if (!failing) log.warn({ err }, "job runner cannot reach the database; retrying");
      failing = true;
    }
  };
  // Released before the first job is taken: the locks of the workers of a process that died.
  await beat();
  runner = await start();
  await beat();
  let beating: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    beating = beating.then(beat);
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    runnerId,
    runner: () => runner!,
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      await beating;
      await runner?.stop();
      await presence`delete from job_runners where id = ${runnerId}`.catch(() => {});
      await presence.end({ timeout: 1 });
      await pool.end();
    },
  };
}
