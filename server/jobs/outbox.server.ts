import type { Sql } from "../db";
import type { Logger } from "../config";

/**
 * The job outbox (docs/decisions/014-job-outbox.md): jobs owed by hot transactions (the receipt's
 * delivery, written by receipts_issue in the credit) are rows in `job_outbox`, moved into graphile-worker
 * in batches by the SQL function jobs_flush_outbox (server/jobs/rules.sql). Returns how many jobs were added.
 */
export async function flushJobOutbox(sql: Sql, { batch = 500 }: { batch?: number } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await sql<{ n: number }[]>`select jobs_flush_outbox(${batch}) as n`;
    total += row!.n;
    if (row!.n < batch) return total;
  }
}

/**
 * After a credit the web process asks for a flush; requests within `delayMs` share one (so a burst of
 * IPNs costs one NOTIFY per batch, not one per IPN). The cron task `flush_job_outbox` is the safety
 * net for a process that stops between the commit and the flush.
 */
export function createOutboxFlusher(sql: Sql, log: Logger, { delayMs = 100 }: { delayMs?: number } = {}) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = flushJobOutbox(sql)
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err }, "job outbox flush failed (the cron task will retry)"))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (!timer) {
      timer = setTimeout(() => void run(), delayMs);
      timer.unref();
    }
  };
  return {
    schedule,
    /** For tests and shutdown: waits for a scheduled or running flush. */
    async idle() {
      while (timer || running) await (running ?? new Promise((r) => setTimeout(r, delayMs)));
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
export type OutboxFlusher = ReturnType<typeof createOutboxFlusher>;
