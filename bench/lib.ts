import fs from "node:fs";
import autocannon from "autocannon";

export type BenchRow = {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  note?: string;
  /** The page measured, when it is one (run.ts also weighs its HTML). */
  url?: string;
  /** Headers its requests carried (a filing draft's cookie). */
  headers?: Record<string, string>;
};

/** One bounded autocannon run against a loopback URL. */
export async function load(
  name: string,
  opts: { url: string; duration?: number; connections?: number; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string; requests?: autocannon.Request[] },
): Promise<BenchRow> {
  const host = new URL(opts.url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`benchmarks target loopback only, not ${host}`);
  const result = await autocannon({
    url: opts.url,
    duration: opts.duration ?? 8,
    connections: opts.connections ?? 10,
    method: opts.method ?? "GET",
    headers: opts.headers,
    body: opts.body,
    requests: opts.requests,
  });
  return {
    name,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** The table; with ceilings, each row's throughput as a share of bare Node and as a ratio to the empty Remix page. */
export function printTable(rows: BenchRow[], ceilings?: number | { bare: number; remix?: number }) {
  const { bare, remix } = typeof ceilings === "number" ? { bare: ceilings, remix: undefined } : (ceilings ?? { bare: undefined, remix: undefined });
  const head = ["scenario", "req/s", "p50 ms", "p99 ms", "requests", "errors", bare ? "% of bare Node" : "", remix ? "× empty Remix" : "", "note"];
  const lines = rows.map((r) => [
    r.name,
    String(r.rps),
    String(r.p50),
    String(r.p99),
    String(r.requests),
    String(r.errors),
    bare ? `${((100 * r.rps) / bare).toFixed(1)}%` : "",
    remix ? `${(r.rps / remix).toFixed(2)}×` : "",
    r.note ?? "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  process.stdout.write([fmt(head), fmt(widths.map((w) => "-".repeat(w))), ...lines.map(fmt)].join("\n") + "\n");
}

/** CPU seconds used so far (user + system, from /proc) by the portal, the worker, PostgreSQL and this process. */
export type CpuGroups = { web: number; worker: number; database: number; bench: number };
export function cpuSnapshot(pids: { web?: number; worker?: number }): CpuGroups | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  const tick = 100; // USER_HZ on Linux
  const out: CpuGroups = { web: 0, worker: 0, database: 0, bench: 0 };
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const seconds = (Number(fields[11]) + Number(fields[12])) / tick;
    const pid = Number(entry);
    if (pid === pids.web) out.web += seconds;
    else if (pid === pids.worker) out.worker += seconds;
    else if (pid === process.pid) out.bench += seconds;
    else if (comm === "postgres") out.database += seconds;
  }
  return out;
}

/** "web 0.61 ms, database 0.92 ms, …" per unit of work between two snapshots. */
export function cpuPer(before: CpuGroups | null, after: CpuGroups | null, units: number, unit: string): string {
  if (!before || !after || units === 0) return "";
  const part = (k: keyof CpuGroups, label: string) => `${label} ${(((after[k] - before[k]) * 1000) / units).toFixed(2)}`;
  return `CPU ms per ${unit}: ${part("web", "web")}, ${part("database", "PostgreSQL")}, ${part("worker", "worker")}, ${part("bench", "load generator")}`;
}
