import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Pool } from "./client.server";

/** Any number that is ours alone: the advisory lock that serialises migrations across processes. */
export const MIGRATION_LOCK_ID = 7_447_001;

export type Migration = { name: string; sql: string };

export function migrationsDir(): string {
  // Works from the source tree (tsx, vitest) and from the bundled server (build/server.js).
  const candidates = [
    process.env.MIGRATIONS_DIR,
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "migrations"),
    path.resolve(process.cwd(), "server/db/migrations"),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(", ")})`);
  return found;
}

/** Numbered folders `00001_name/index.sql`, in order. */
export function readMigrations(dir = migrationsDir()): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{5}_[a-z0-9_]+$/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "index.sql"), "utf8") }));
}

/**
 * Applies every pending migration in one transaction, holding a transaction-scoped advisory lock so that
 * two processes starting at once never migrate together (the second waits, then finds nothing to do).
 */
export async function migrate(sql: Pool, migrations = readMigrations()): Promise<string[]> {
  return sql.begin(async (tx) => {
    // Migrations (and waiting for another process's) may take longer than a page's statement_timeout.
    await tx`set local statement_timeout = 0`;
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`;
    await tx`
      create table if not exists schema_migrations (
        name text primary key,
        applied_at timestamptz not null default now()
      )`;
    const done = new Set((await tx<{ name: string }[]>`select name from schema_migrations`).map((r) => r.name));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await tx.unsafe(m.sql);
      await tx`insert into schema_migrations (name) values (${m.name})`;
      applied.push(m.name);
    }
    return applied;
  });
}

/** True when every migration this code knows has been applied. */
export async function migrationsApplied(sql: Pool, migrations = readMigrations()): Promise<boolean> {
  const latest = migrations.at(-1)?.name;
  if (!latest) return true;
  const rows = await sql<{ ok: boolean }[]>`
    select exists(select 1 from schema_migrations where name = ${latest}) as ok`;
  return rows[0]?.ok === true;
}
