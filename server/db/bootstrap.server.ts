import path from "node:path";
import postgres from "postgres";
import type { Config, Logger } from "../config";
import { startEmbeddedPostgres } from "./embedded.server";

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

export const EMBEDDED_DB_NAME = "thads";

/** DATABASE_URL when given; otherwise a real embedded PostgreSQL with its data in DATA_DIR/pg. */
export async function openDatabase(config: Pick<Config, "DATABASE_URL" | "DATA_DIR">, log?: Logger): Promise<Database> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  const pg = await startEmbeddedPostgres(path.join(config.DATA_DIR, "pg"), log);
  await ensureDatabase(pg.url, EMBEDDED_DB_NAME);
  return { url: withDatabase(pg.url, EMBEDDED_DB_NAME), embedded: true, stop: pg.stop };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates the database `name` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) {
      await admin.unsafe(`create database "${name.replace(/"/g, '""')}"`).catch((e: { code?: string }) => {
        if (e.code !== "42P04") throw e; // created meanwhile by another process
      });
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}
