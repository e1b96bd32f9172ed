import type { Pool, Sql } from "../db";

/**
 * The one rate-limit mechanism of the portal (docs/decisions/042-rate-limits.md). Every limited entry
 * point (staff sign-in, citizen e-mail codes, fee-notice lookup, the filing access code, resume links, the
 * courts' API, e-mails sent on request) calls `take` with its counters before doing the work, and
 * `settle` after a success. Counters live in PostgreSQL (`rate_limit_counters`), shared by every process.
 *
 * - An attempt is counted when it is taken, under a row lock, so concurrent attempts cannot slip past a
 *   delay together; a success gives it back (`settle`): only failures remain counted.
 * - A "backoff" counter lets `free` attempts through, then makes the key wait 1 s, 2 s, 4 s … (capped at
 *   `maxSeconds`) after each further one. Attempts refused while a key waits are not counted, so an
 *   attacker cannot push the wait past the cap.
 * - A "cap" counter allows `limit` attempts per window, then waits until the window ends (volume limits
 *   and the daily cap on wrong e-mail codes).
 * - What a success does, per counter: "reset" (the account or object: its owner proved who they are),
 *   "refund" (the client address: one success must not erase a spray of failures), "keep" (volume).
 */

export type Policy =
  | { kind: "backoff"; free: number; baseSeconds: number; maxSeconds: number; windowSeconds: number }
  | { kind: "cap"; limit: number; windowSeconds: number };

export type Counter = { key: string; policy: Policy; onSuccess: "reset" | "refund" | "keep" };

type Held = { key: string; onSuccess: Counter["onSuccess"]; windowStart: Date; blockedUntil: Date | null };
export type Ticket = { held: Held[] };

export type Taken = { ok: true; ticket: Ticket } | { ok: false; retryAfterSeconds: number };

/** What a caller answers when a key must wait; the route turns it into a 429 with Retry-After. */
export type RateLimited = { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/** The limits that can be set from the environment (see server/config/env.server.ts and the README). */
export type RateLimitSettings = {
  /** Failures on one account or looked-up object before any wait. */
  RATE_LIMIT_FREE_FAILURES: number;
  /** The longest wait one account or looked-up object can be given: all its real owner may have to wait. */
  RATE_LIMIT_MAX_DELAY_SECONDS: number;
  /** The longest wait one client address can be given. */
  RATE_LIMIT_CLIENT_MAX_DELAY_SECONDS: number;
  /** Wrong e-mail sign-in codes per address per day. */
  CITIZEN_CODE_DAILY_FAILURES: number;
};

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  RATE_LIMIT_FREE_FAILURES: 5,
  RATE_LIMIT_MAX_DELAY_SECONDS: 30,
  RATE_LIMIT_CLIENT_MAX_DELAY_SECONDS: 900,
  CITIZEN_CODE_DAILY_FAILURES: 20,
};

const HOUR = 3600;

/** The policies every entry point picks from, so the same kind of key behaves the same everywhere. */
export function policies(settings: RateLimitSettings = DEFAULT_RATE_LIMITS) {
  const free = settings.RATE_LIMIT_FREE_FAILURES;
  return {
    /** An account or a looked-up object (notice number, request reference): a small capped wait. */
    subject: { kind: "backoff", free, baseSeconds: 1, maxSeconds: settings.RATE_LIMIT_MAX_DELAY_SECONDS, windowSeconds: HOUR },
    /** One client address across every account and object. */
    client: { kind: "backoff", free: free * 4, baseSeconds: 1, maxSeconds: settings.RATE_LIMIT_CLIENT_MAX_DELAY_SECONDS, windowSeconds: HOUR },
    /** E-mails sent to one address on request (codes, resume links): 3, then 30 s, 1 min … up to 5 min. */
    mailTo: { kind: "backoff", free: 3, baseSeconds: 30, maxSeconds: 300, windowSeconds: HOUR },
    /** Wrong e-mail codes per address per day. */
    dailyCodeFailures: { kind: "cap", limit: settings.CITIZEN_CODE_DAILY_FAILURES, windowSeconds: 24 * HOUR },
  } satisfies Record<string, Policy>;
}

/** Unknown client addresses share one key (they are rare: only without a socket address). */
export const clientKey = (scope: string, ip: string | null) => `${scope}:ip:${ip ?? "unknown"}`;

/** The wait after the n-th counted attempt of a window (0: none). */
export function delayAfter(policy: Policy, n: number): number {
  if (policy.kind === "cap") return n >= policy.limit ? policy.windowSeconds : 0;
  if (n <= policy.free) return 0;
  const exponent = Math.min(n - policy.free - 1, 30);
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** exponent);
}

/**
 * Counts one attempt on every counter, or none when any of them must still wait (then the longest wait
 * is returned). One transaction; rows are locked in key order, so concurrent takes neither deadlock nor
 * pass a wait together.
 */
export async function take(sql: Pool, counters: Counter[]): Promise<Taken> {
  const byKey = new Map(counters.map((c) => [c.key, c]));
  const keys = [...byKey.keys()].sort();
  if (keys.length === 0) return { ok: true, ticket: { held: [] } };
  return sql.begin(async (tx) => {
    await tx`insert into rate_limit_counters (key) select unnest(${keys}::text[]) order by 1 on conflict (key) do nothing`;
    const rows = await tx<{ key: string; count: number; window_start: Date; blocked_until: Date | null; now: Date }[]>`
      select key, count, window_start, blocked_until, now() as now
      from rate_limit_counters where key = any(${keys}::text[]) order by key for update`;
    const now = rows[0]!.now;
    const waits = rows.filter((r) => r.blocked_until && r.blocked_until > now).map((r) => (r.blocked_until!.getTime() - now.getTime()) / 1000);
    if (waits.length) return { ok: false as const, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits))) };
    const held: Held[] = [];
    const next = rows.map((r) => {
      const counter = byKey.get(r.key)!;
      const fresh = r.window_start.getTime() <= now.getTime() - counter.policy.windowSeconds * 1000;
      const windowStart = fresh ? now : r.window_start;
      const count = (fresh ? 0 : r.count) + 1;
      const { policy } = counter;
      // A cap waits until its window ends; a backoff waits its delay from now.
      const delayMs =
        policy.kind === "cap"
          ? delayAfter(policy, count) && windowStart.getTime() + policy.windowSeconds * 1000 - now.getTime()
          : delayAfter(policy, count) * 1000;
      const blockedUntil = delayMs > 0 ? new Date(now.getTime() + delayMs) : null;
      held.push({ key: r.key, onSuccess: counter.onSuccess, windowStart, blockedUntil });
      return { key: r.key, count, windowStart, blockedUntil };
    });
    await tx`
      update rate_limit_counters c
      set count = n.count, window_start = n.window_start, blocked_until = n.blocked_until
      from (select unnest(${next.map((n) => n.key)}::text[]) as key,
                   unnest(${next.map((n) => n.count)}::int[]) as count,
                   unnest(${next.map((n) => n.windowStart.toISOString())}::timestamptz[]) as window_start,
                   unnest(${next.map((n) => n.blockedUntil?.toISOString() ?? null) as string[]}::timestamptz[]) as blocked_until) n
      where c.key = n.key`;
    return { ok: true as const, ticket: { held } };
  });
}

/**
 * After a success: "reset" counters start again from nothing; "refund" counters give this attempt back
 * (and lift the wait it set, unless a later attempt has set another); "keep" counters stay.
 */
export async function settle(sql: Sql, ticket: Ticket, only?: (key: string) => boolean): Promise<void> {
  const held = ticket.held.filter((h) => !only || only(h.key));
  const reset = held.filter((h) => h.onSuccess === "reset").map((h) => h.key);
  const refund = held.filter((h) => h.onSuccess === "refund");
  if (reset.length) await sql`delete from rate_limit_counters where key = any(${reset}::text[])`;
  for (const h of refund) {
    await sql`
      update rate_limit_counters
      set count = greatest(count - 1, 0),
          blocked_until = case when blocked_until = ${h.blockedUntil} then null else blocked_until end
      where key = ${h.key} and window_start = ${h.windowStart}`;
  }
}

/** Gives the attempt back on the chosen counters whatever their onSuccess (an attempt that tested nothing). */
export async function refund(sql: Sql, ticket: Ticket, keys: string[]): Promise<void> {
  await settle(sql, { held: ticket.held.filter((h) => keys.includes(h.key)).map((h) => ({ ...h, onSuccess: "refund" as const })) });
}

/** How long these keys must still wait (0: not at all), without counting anything. */
export async function waitingFor(sql: Sql, keys: string[]): Promise<number> {
  const [row] = await sql<{ wait: number | null }[]>`
    select extract(epoch from max(blocked_until) - now())::float8 as wait
    from rate_limit_counters where key = any(${keys}::text[]) and blocked_until > now()`;
  return row?.wait ? Math.max(1, Math.ceil(row.wait)) : 0;
}

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/** A plain volume limit (`limit` per window, every call counts): `take` with one "cap" counter. */
export async function hit(sql: Pool, { key, limit, windowSeconds }: { key: string; limit: number; windowSeconds: number }): Promise<RateLimitResult> {
  const r = await take(sql, [{ key, policy: { kind: "cap", limit, windowSeconds }, onSuccess: "keep" }]);
  return r.ok ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: r.retryAfterSeconds };
}

/**
 * `hit` in one statement — no transaction, the counter's row locked only while the statement runs — for hot
 * volume limits called on every request by the same key (an API key: its calls arrive concurrently). The same
 * table and the same "cap" counting: `limit` per window from the window's first call; refused calls count too
 * (the window still ends on time). Keys used here must not also be used with `take`.
 */
export async function hitOnce(sql: Sql, { key, limit, windowSeconds }: { key: string; limit: number; windowSeconds: number }): Promise<RateLimitResult> {
  const [r] = await sql<{ count: number; wait: number }[]>`
    insert into rate_limit_counters as c (key, count, window_start) values (${key}, 1, now())
    on conflict (key) do update set
      count = case when c.window_start <= now() - make_interval(secs => ${windowSeconds}) then 1 else c.count + 1 end,
      window_start = case when c.window_start <= now() - make_interval(secs => ${windowSeconds}) then now() else c.window_start end
    returning count, extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now()))::float8 as wait`;
  return r!.count > limit ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(r!.wait)) } : { allowed: true, retryAfterSeconds: 0 };
}

/** The header every 429 carries. */
export const retryAfterHeader = (seconds: number) => ({ "Retry-After": String(Math.max(1, Math.ceil(seconds))) });

/** Removes counters whose window ended a day ago and that no longer wait (the hourly maintenance job). */
export async function pruneRateLimits(sql: Sql): Promise<number> {
  const r = await sql`
    delete from rate_limit_counters
    where window_start < now() - interval '1 day' and (blocked_until is null or blocked_until < now())`;
  return r.count;
}
