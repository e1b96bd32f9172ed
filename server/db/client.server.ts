import postgres from "postgres";

/** Either the pool or a transaction: query functions accept both. */
export type Sql = postgres.Sql | postgres.TransactionSql;
export type Pool = postgres.Sql;

export type PoolOptions = { max?: number; onnotice?: (n: postgres.Notice) => void };

export function createPool(url: string, options: PoolOptions = {}): Pool {
  return postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 5,
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
    connection: { application_name: "thads-portal", TimeZone: "UTC" },
  });
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
