import crypto from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { createPool, type Pool, withDatabase } from "../server/db";

export type TestDatabase = { url: string; sql: Pool; drop: () => Promise<void> };

/**
 * A fresh database for one test file, cloned from the migrated template (fast: no migrations). Call in
 * beforeAll and `drop()` in afterAll.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("adminUrl");
  const template = inject("templateDb");
  const name = `${inject("runPrefix")}${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database ${name} template ${template}`);
        break;
      } catch (e) {
        // 55006: the template is briefly in use by another file's clone; try again.
        if ((e as { code?: string }).code !== "55006" || attempt > 20) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const sql = createPool(url, { max: 20 });
  return {
    url,
    sql,
    drop: async () => {
      await sql.end({ timeout: 5 });
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
