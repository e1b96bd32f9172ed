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
    expect(names[0]).toBe("00001_baseline");
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

  it("record the baseline as applied, without running it, in a database migrated by the chain it squashed", async () => {
    const old = ["00001_init", "00002_payments", "00003_filing", "00004_receipts", "00005_citizen_auth", "00006_job_outbox",
      "00007_money_checks", "00008_rate_limits", "00009_filing_requests_by_email", "00010_receipt_payer_and_one_email", "00011_job_runners"];
    await db.sql`delete from schema_migrations where name = '00001_baseline'`;
    await db.sql`insert into schema_migrations (name) select unnest(${old.slice(0, -1)}::text[])`;
    // One old migration missing: not the squashed chain, so the baseline would run (and fail on existing tables).
    await expect(migrate(db.sql)).rejects.toThrow(/already exists/);
    await db.sql`insert into schema_migrations (name) values (${old.at(-1)!})`;
    expect(await migrate(db.sql)).toEqual([]);
    expect(await migrationsApplied(db.sql)).toBe(true);
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
