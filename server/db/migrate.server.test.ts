import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createPool } from "./client.server";
import { migrate, migrationsApplied, readMigrations } from "./migrate.server";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe("migrations", () => {
  it("are numbered folders applied in order", () => {
    const names = readMigrations().map((m) => m.name);
    expect(names[0]).toBe("00001_init");
    expect([...names].sort()).toEqual(names);
  });

  it("apply once even when several processes start at the same moment", async () => {
    await db.sql`drop table if exists migrate_probe`;
    const extra = [...readMigrations(), { name: "99999_probe", sql: "create table migrate_probe (id int); insert into migrate_probe values (1);" }];
    const pools = Array.from({ length: 4 }, () => createPool(db.url, { max: 1 }));
    const results = await Promise.all(pools.map((p) => migrate(p, extra)));
    await Promise.all(pools.map((p) => p.end()));
    expect(results.flat()).toEqual(["99999_probe"]); // exactly one process applied it
    const rows = await db.sql`select count(*)::int as n from migrate_probe`;
    expect(rows[0]!.n).toBe(1);
    expect(await migrationsApplied(db.sql, extra)).toBe(true);
  });

  it("report a missing migration as not applied", async () => {
    expect(await migrationsApplied(db.sql, [{ name: "99998_never", sql: "" }])).toBe(false);
  });
});

describe("audit log", () => {
  it("accepts inserts and refuses UPDATE, DELETE and TRUNCATE", async () => {
    await db.sql`insert into audit_log (actor_type, action) values ('system', 'test.entry')`;
    await expect(db.sql`update audit_log set action = 'changed'`).rejects.toThrow(/append-only/);
    await expect(db.sql`delete from audit_log`).rejects.toThrow(/append-only/);
    await expect(db.sql`truncate audit_log`).rejects.toThrow(/append-only/);
    const rows = await db.sql`select action from audit_log where action = 'test.entry'`;
    expect(rows).toHaveLength(1);
  });
});
