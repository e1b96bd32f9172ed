import type { Sql } from "../server/db";

/** The payloads of jobs waiting in graphile-worker's queue for one task (its private tables, 0.16). */
export async function queuedJobs<T = Record<string, unknown>>(sql: Sql, task: string): Promise<T[]> {
  const rows = await sql<{ payload: T }[]>`
    select j.payload from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = ${task} order by j.id`;
  return rows.map((r) => r.payload);
}

/**
 * Every job waiting in graphile-worker's queue whose payload names one of the given ids (an attempt, a
 * receipt…), whatever its task: so that a test can run all that a credit queued, including a task it
 * does not know about.
 */
export async function queuedJobsAbout(sql: Sql, ids: string[]): Promise<{ task: string; payload: Record<string, unknown> }[]> {
  const rows = await sql<{ task: string; payload: Record<string, unknown> }[]>`
    select t.identifier as task, j.payload from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where exists (select 1 from jsonb_each_text(j.payload::jsonb) e where e.value = any(${ids}::text[])) order by j.id`;
  return rows;
}
