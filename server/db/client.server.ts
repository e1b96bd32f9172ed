import postgres from "postgres";

/** Either the pool or a transaction: query functions accept both. */
export type Sql = postgres.Sql | postgres.TransactionSql;
export type Pool = postgres.Sql;

export type PoolOptions = {
  max?: number;
  onnotice?: (n: postgres.Notice) => void;
  /** Seconds to wait for a new connection (TCP, TLS, start-up) before its queries fail. */
  connectTimeoutSeconds?: number;
  /** The server cancels any statement (a lock wait included) running longer; none when unset (migrations, scripts). */
  statementTimeoutMs?: number;
};

export function createPool(url: string, options: PoolOptions = {}): Pool {
  const timeouts =
    options.statementTimeoutMs !== undefined
      ? {
          statement_timeout: options.statementTimeoutMs,
          // A transaction left open by a client that vanished must not hold its locks either.
          idle_in_transaction_session_timeout: Math.max(options.statementTimeoutMs * 2, 10_000),
        }
      : {};
  return postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    // postgres.js waits before reconnecting after a failed connection, up to 20 s once failures pile up
    // (3^n / 100 s): every query of a page or an IPN waited that long during an outage, and as long again
    // after it. A short, capped wait fails fast while the database is down and finds it again at once.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
    // bigint columns come back as JS bigint-safe numbers: money in đồng stays below 2^53.
    types: {
      bigint: {
        to: 20,
        from: [20],
        serialize: (x: number | bigint) => x.toString(),
        parse: (x: string) => {
          const n = Number(x);
          if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${x} is outside the safe range`);
          return n;
        },
      },
    },
    onnotice: options.onnotice ?? (() => {}),
    connection: { application_name: "thads-portal", TimeZone: "UTC", ...timeouts },
  });
}

/** The timeouts of a portal or job pool, from the environment (DATABASE_CONNECT_TIMEOUT_SECONDS, …). */
export function poolTimeouts(
  config: { DATABASE_CONNECT_TIMEOUT_SECONDS: number; DATABASE_STATEMENT_TIMEOUT_MS: number },
  statementTimeoutMs = config.DATABASE_STATEMENT_TIMEOUT_MS,
): Pick<PoolOptions, "connectTimeoutSeconds" | "statementTimeoutMs"> {
  return { connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS, statementTimeoutMs };
}

/** Resolves true when the database answers within `timeoutMs`. */
export async function ping(sql: Pool, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      sql`select 1 as ok`.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * True when `error` means "the database cannot be reached or is going away" (as opposed to a bad query
 * or a broken rule): refused or dropped connections, connect timeouts, a server shutting down or
 * starting up, too many clients, and statements cancelled by statement_timeout. Pages answer these with
 * a 503 and Retry-After, the IPN with 99 (VNPay tries again).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (NETWORK_CODES.has(code)) return true;
    // SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P0x (operator intervention:
    // admin/crash shutdown, cannot connect now), 57014 (query_canceled: statement_timeout).
    if (/^08[0-9A-Z]{3}$/.test(code) || /^53[0-9A-Z]{3}$/.test(code) || /^57P0[1-4]$/.test(code) || code === "57014") return true;
  }
  return false;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT", // postgres.js: connect_timeout elapsed
  "CONNECTION_CLOSED", // postgres.js: the server closed the connection mid-query
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);
