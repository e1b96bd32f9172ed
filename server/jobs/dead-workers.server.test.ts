import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo } from "../seed.server";
import { enqueue } from "./queue.server";
import { heartbeat } from "./worker.server";
import { startWorker } from "../worker.server";

/**
 * graphile-worker leaves a job locked for 4 hours when the worker holding it died (SIGKILL, a database
 * restart). The runners' heartbeat (jobs_runner_heartbeat, server/jobs/rules.sql) releases such jobs within seconds, and only those.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  // Nothing is released in a database's first 15 s (runners are writing their rows again after a
  // restart); a test run on a freshly started embedded server waits that out.
  for (;;) {
    const [row] = await db.sql<{ young: boolean }[]>`select pg_postmaster_start_time() > now() - interval '16 seconds' as young`;
    if (!row!.young) break;
    await new Promise((r) => setTimeout(r, 500));
  }
}, 30_000);
afterAll(async () => {
  await db.drop();
});

async function lockedJob(task: string, lockedBy: string, lockedSecondsAgo: number): Promise<string> {
  const [job] = await db.sql<{ id: string }[]>`
    select id::text from graphile_worker.add_job(${task}::text, '{}'::json, max_attempts => 1)`;
  await db.sql`update graphile_worker._private_jobs
    set locked_by = ${lockedBy}, locked_at = now() - make_interval(secs => ${lockedSecondsAgo}) where id = ${job!.id}::bigint`;
  return job!.id;
}

async function lockOf(id: string): Promise<string | null> {
  const [row] = await db.sql<{ locked_by: string | null }[]>`select locked_by from graphile_worker._private_jobs where id = ${id}::bigint`;
  return row!.locked_by;
}

describe("the job runners' heartbeat", () => {
  it("releases the jobs of workers no live runner owns, and keeps the others", async () => {
    const jobs: string[] = [];
    // Another runner, alive (its session is open), that wrote its row a minute ago; and this one.
    const otherSession = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      expect(await heartbeat(otherSession, "runner-other", ["worker-other"])).toEqual([]);
      await db.sql`update job_runners set seen_at = now() - interval '1 minute' where id = 'runner-other'`;
      expect(await heartbeat(db.sql, "runner-mine", ["worker-mine"])).toEqual([]);
      const dead = await lockedJob("probe_dead", "worker-dead-1", 60);
      const fresh = await lockedJob("probe_fresh", "worker-starting", 2); // a runner that has not written its row yet
      const mine = await lockedJob("probe_mine", "worker-mine", 600);
      const other = await lockedJob("probe_other", "worker-other", 600);
      jobs.push(dead, fresh, mine, other);

      const released = await heartbeat(db.sql, "runner-mine", ["worker-mine"]);
      expect(released).toEqual(["worker-dead-1"]);
      expect(await lockOf(dead)).toBeNull();
      expect(await lockOf(fresh)).toBe("worker-starting");
      expect(await lockOf(mine)).toBe("worker-mine");
      expect(await lockOf(other)).toBe("worker-other");
    } finally {
      await otherSession.end();
    }
    const [, , mine, other] = jobs as [string, string, string, string];
    // The other runner's process dies (its session ends) and it wrote nothing for 15 s: its job is released.
    await new Promise((r) => setTimeout(r, 300));
    expect(await heartbeat(db.sql, "runner-mine", ["worker-mine"])).toEqual(["worker-other"]);
    expect(await lockOf(other)).toBeNull();
    expect(await lockOf(mine)).toBe("worker-mine");
    await db.sql`delete from graphile_worker._private_jobs where id = any(${jobs}::bigint[])`;
  });

  it("a runner that starts runs at once the job a dead worker left locked (a sign-in alert mailed in seconds)", async () => {
    const [staff] = await db.sql<{ id: string }[]>`select id from staff where email = 'ketoan@thads.local'`;
    await enqueue(db.sql, "send_sign_in_alert", { staffId: staff!.id, at: new Date().toISOString(), ip: "198.51.100.9", locale: "vi" });
    // As if the worker that took it had been SIGKILLed a minute ago.
    await db.sql`update graphile_worker._private_jobs set locked_by = 'worker-killed', locked_at = now() - interval '1 minute', attempts = 1
      where task_id = (select id from graphile_worker._private_tasks where identifier = 'send_sign_in_alert')`;
    const services = testServices(db.sql, { WORKER_CONCURRENCY: 1 });
    const started = Date.now();
    const worker = await startWorker(services, db.url);
    try {
      let sent = 0;
      while (Date.now() - started < 15_000 && sent === 0) {
        await new Promise((r) => setTimeout(r, 200));
        const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from mail_outbox where text_body like '%198.51.100.9%'`;
        sent = row!.n;
      }
      expect(sent).toBe(1);
      expect(Date.now() - started).toBeLessThan(10_000); // not graphile-worker's 4 hours
    } finally {
      await worker.stop();
    }
    const [rows] = await db.sql<{ n: number }[]>`select count(*)::int as n from job_runners where id = ${worker.runnerId}`;
    expect(rows!.n).toBe(0); // a runner that stops removes its row
  }, 30_000);
});
