import autocannon from "autocannon";

export type BenchRow = { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; note?: string };

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

export function printTable(rows: BenchRow[], ceiling?: number) {
  const head = ["scenario", "req/s", "p50 ms", "p99 ms", "requests", "errors", ceiling ? "% of bare Node" : "", "note"];
  const lines = rows.map((r) => [
    r.name,
    String(r.rps),
    String(r.p50),
    String(r.p99),
    String(r.requests),
    String(r.errors),
    ceiling ? `${((100 * r.rps) / ceiling).toFixed(1)}%` : "",
    r.note ?? "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  process.stdout.write([fmt(head), fmt(widths.map((w) => "-".repeat(w))), ...lines.map(fmt)].join("\n") + "\n");
}
