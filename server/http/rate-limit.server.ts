import type { Sql } from "../db/client.server";

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Fixed-window counter in PostgreSQL, shared by every web process. One round trip: the upsert returns
 * the new count. Old windows are removed by the maintenance job.
 */
export async function hit(
  sql: Sql,
  { key, limit, windowSeconds }: { key: string; limit: number; windowSeconds: number },
): Promise<RateLimitResult> {
  const rows = await sql<{ count: number; window_start: Date }[]>`
    insert into rate_limits (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set count = rate_limits.count + 1
    returning count, window_start`;
  const row = rows[0]!;
  const elapsed = (Date.now() - row.window_start.getTime()) / 1000;
  return {
    allowed: row.count <= limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)),
  };
}

export async function pruneRateLimits(sql: Sql): Promise<number> {
  const r = await sql`delete from rate_limits where window_start < now() - interval '1 day'`;
  return r.count;
}
