import type { Sql } from "../db";

export type JobSpec = { jobKey?: string; runAt?: Date; maxAttempts?: number; queueName?: string };

/**
 * Adds a graphile-worker job with plain SQL, so it can be part of the caller's transaction (the outbox
 * rule: a submission and its outgoing messages commit together or not at all).
 */
export async function enqueue(sql: Sql, task: string, payload: Record<string, unknown>, spec: JobSpec = {}) {
  await sql`
    select graphile_worker.add_job(
      ${task}::text, ${sql.json(payload as never)}::json,
      queue_name => ${spec.queueName ?? null}::text,
      run_at => ${spec.runAt ?? null}::timestamptz,
      max_attempts => ${spec.maxAttempts ?? 10}::int,
      job_key => ${spec.jobKey ?? null}::text)`;
}
