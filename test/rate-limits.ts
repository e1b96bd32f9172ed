import type { Sql } from "../server/db";

/**
 * Moves every rate-limit counter `seconds` into the past, as if that much time had gone by: waits end,
 * windows close. Tests use it instead of sleeping.
 */
export async function elapse(sql: Sql, seconds: number) {
  await sql`
    update rate_limit_counters
    set window_start = window_start - make_interval(secs => ${seconds}),
        blocked_until = blocked_until - make_interval(secs => ${seconds})`;
}
