import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import {
  startEmbeddedPostgres,
  type EmbeddedDatabase,
  migrate,
  createPool,
  withDatabase,
} from "../server/db";
import { migrateWorker } from "../server/jobs";

/** Names carry this process id, so parallel runs (other checkouts) on one server never touch each other. */
export const RUN_PREFIX = `thads_${process.pid}_`;
export const TEMPLATE_DB = `${RUN_PREFIX}template`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
    runPrefix: string;
  }
}

let embedded: EmbeddedDatabase | null = null;

/**
 * Once per run: a PostgreSQL server (DATABASE_URL's, else an embedded one), and a template database
 * with every migration applied. Each test file clones it (test/db.ts), so files never share data.
 */
export async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(path.resolve(".data/test-pg"));
    adminUrl = embedded.url;
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  // Leftovers of interrupted runs whose process is gone.
  const existing = await admin<{ datname: string }[]>`select datname from pg_database where datname ~ '^thads_[0-9]+_'`;
  for (const { datname } of existing) {
    const pid = Number(datname.split("_")[1]);
    if (pid === process.pid || !alive(pid)) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  }
  await admin.unsafe(`create database ${TEMPLATE_DB}`);
  await admin.end();

  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  const sql = createPool(templateUrl, { max: 1 });
  await migrate(sql);
  await sql.end();
  await migrateWorker(templateUrl);

  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", TEMPLATE_DB);
  project.provide("runPrefix", RUN_PREFIX);
  teardownUrl = adminUrl;
}

let teardownUrl: string | undefined;

export async function teardown() {
  if (teardownUrl) {
    const admin = postgres(teardownUrl, { max: 1, onnotice: () => {} });
    const mine = await admin<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${RUN_PREFIX})`;
    for (const { datname } of mine) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  }
  await embedded?.stop();
}
