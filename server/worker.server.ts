import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker as Thread } from "node:worker_threads";
import { startJobRunner, type Worker } from "./jobs";
import type { Services } from "./services";
import { CRONTAB, taskList } from "./tasks.server";

/**
 * Starts the job runner with every domain's tasks and the crontab (server/tasks.server.tsx); `stop()`
 * finishes running jobs, then closes the worker's connections. The runner itself is server/jobs.
 */
export function startWorker(services: Services, connectionString: string): Promise<Worker> {
  return startJobRunner(services, connectionString, { taskList, crontab: CRONTAB });
}

/**
 * The job runner on its own thread of this process (WORKER_IN_PROCESS=true): same tasks and crontab as
 * `npm run worker`, but its CPU work (PDFs, e-mails) stays off the event loop that serves requests.
 * A thread that dies unexpectedly is logged and started again after a second. `stop()` lets running jobs
 * finish (up to 15 s), then ends the thread.
 */
export async function startWorkerThread(
  deps: { env: Record<string, string | undefined>; log: Services["log"] },
  connectionString: string,
): Promise<Pick<Worker, "stop">> {
  // Built: build/worker-thread.js beside build/server.js. From source (`npm run dev`, tsx): the .ts file
  // beside this one, with tsx's loader registered in the new thread first (loaders are per thread).
  const built = new URL("./worker-thread.js", import.meta.url);
  const fromSource = !fs.existsSync(fileURLToPath(built));
  const entry: URL | string = fromSource
    ? `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./worker-thread.ts", import.meta.url).href)}); });`
    : built;
  const env = Object.fromEntries(Object.entries(deps.env).filter(([, v]) => typeof v === "string"));
  let stopping = false;
  let thread: Thread;
  let exited: Promise<void> = Promise.resolve();
  const spawn = () =>
    new Promise<void>((resolve, reject) => {
      if (stopping) return resolve();
      const t = (thread = new Thread(entry, { eval: fromSource, workerData: { env, databaseUrl: connectionString } }));
      exited = new Promise<void>((done) => t.once("exit", () => done()));
      t.once("message", () => resolve());
      t.on("error", (err) => deps.log.error({ err }, "job thread failed"));
      t.once("exit", (code) => {
        reject(new Error(`job thread exited with ${code} before it started`));
        if (stopping) return;
        deps.log.error({ code }, "job thread stopped unexpectedly; starting it again in 1 s");
        setTimeout(() => void spawn().catch((err: unknown) => deps.log.error({ err }, "job thread did not restart")), 1000).unref();
      });
    });
  await spawn();
  return {
    stop: async () => {
      stopping = true; // no restart from here on
      thread.postMessage("stop"); // ignored by a thread that has already exited
      const timer = setTimeout(() => void thread.terminate(), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
