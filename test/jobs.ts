import type { Sql } from "../server/db/client.server";

/** The payloads of jobs waiting in graphile-worker's queue for one task (its private tables, 0.16). */
export async function queuedJobs<T = Record<string, unknown>>(sql: Sql, task: string): Promise<T[]> {
  const rows = await sql<{ payload: T }[]>`
    select j.payload from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = ${task} order by j.id`;
  return rows.map((r) => r.payload);
}
