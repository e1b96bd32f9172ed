import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Pool } from "./client.server";

/** Any number that is ours alone: the advisory lock that serialises migrations across processes. */
export const MIGRATION_LOCK_ID = 7_447_001;

export type Migration = { name: string; sql: string };

/**
 * The domains whose `server/<domain>/rules.sql` holds their SQL functions and triggers (the one definition
 * of each, `create or replace`), in the order they are applied after the migrations at every start. A
 * function body (PL/pgSQL) is resolved when it runs, so the order matters only for a trigger, which needs
 * its function: keep a trigger in the file of the function it executes. See
 * docs/decisions/054-rules-in-sql-or-typescript.md.
 */
export const RULES = ["audit", "jobs", "payments", "receipts", "service-of-documents"] as const;

/** A rules file: `name` is `<domain>/rules.sql`. */
export type Rules = { name: string; sql: string };

/**
 * Squashed migrations: a database migrated by the old chain (development data folders made before the
 * baseline) already holds the baseline's schema, so the baseline is recorded as applied instead of run.
 */
const SQUASHED: Record<string, string[]> = {
  "00001_baseline": [
    "00001_init", "00002_payments", "00003_filing", "00004_receipts", "00005_citizen_auth", "00006_job_outbox",
    "00007_money_checks", "00008_rate_limits", "00009_filing_requests_by_email", "00010_receipt_payer_and_one_email",
    "00011_job_runners",
  ],
};

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

/** The folder holding `<domain>/rules.sql`: server/ in the source tree, build/rules beside the bundle. */
export function rulesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.RULES_DIR,
    path.resolve(here, "rules"), // build/server.js → build/rules (scripts/build-server.mjs copies them)
    path.resolve(here, ".."), // server/db/migrate.server.ts → server
    path.resolve(process.cwd(), "server"),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => fs.existsSync(path.join(p, RULES[0], "rules.sql")));
  if (!found) throw new Error(`rules files not found (looked for ${RULES[0]}/rules.sql in ${candidates.join(", ")})`);
  return found;
}

/** Every domain's rules file, in the order of RULES. */
export function readRules(dir = rulesDir()): Rules[] {
  return RULES.map((domain) => {
    const name = `${domain}/rules.sql`;
    return { name, sql: fs.readFileSync(path.join(dir, name), "utf8") };
  });
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
 * Then, in the same transaction and under the same lock, every domain's rules file is applied again
 * (functions and triggers, `create or replace`), so a changed function is deployed by a start. Returns the
 * names of the migrations applied (rules are applied every time and not listed).
 */
export async function migrate(sql: Pool, migrations = readMigrations(), rules = readRules()): Promise<string[]> {
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
    for (const [name, squashed] of Object.entries(SQUASHED)) {
      if (done.has(name) || !squashed.every((old) => done.has(old))) continue;
      await tx`insert into schema_migrations (name) values (${name})`;
      done.add(name);
    }
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await tx.unsafe(m.sql);
      await tx`insert into schema_migrations (name) values (${m.name})`;
      applied.push(m.name);
    }
    for (const r of rules) await tx.unsafe(r.sql);
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
