import type { Sql } from "../db/client.server";

export type JobSpec = { jobKey?: string; runAt?: Date; maxAttempts?: number; queueName?: string };

/**
 * Adds a graphile-worker job with plain SQL, so it can be part of the caller's transaction (the outbox
 * rule: a submission and its outgoing messages commit together or not at all).
 */
export async function enqueue(sql: Sql, task: string, payload: Record<string, unknown>, spec: JobSpec = {}) {
  await sql`
    select graphile_worker.add_job(
      ${task}, ${sql.json(payload as never)},
      queue_name => ${spec.queueName ?? null},
      run_at => ${spec.runAt ?? null},
      max_attempts => ${spec.maxAttempts ?? 10},
      job_key => ${spec.jobKey ?? null})`;
}
