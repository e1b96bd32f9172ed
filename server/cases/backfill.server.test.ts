import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { seedDemo } from "../seed.server";
import { searchTextOf } from "./index";

// Migration 00012 opens a case for every enforcement request filed before the engine existed. Its SQL
// normalisation must equal server/cases/search.ts's, or the inbox would not find those requests by name.
let db: TestDatabase;
const MIGRATION = fs.readFileSync(path.join(__dirname, "..", "db", "migrations", "00012_cases_backfill", "index.sql"), "utf8");
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
});
afterAll(async () => {
  await db?.drop();
});

describe("migration 00012_cases_backfill", () => {
  it("opens one received case per request without one (event 1, timeline, audit), searchable like new ones, and is idempotent", async () => {
    const [court] = await db.sql<{ id: string; agency_id: string }[]>`select id, agency_id from courts where agency_id is not null limit 1`;
    const names = [
      ["Nguyễn Thị Ánh Tuyết", "Công ty TNHH Đầu tư Phát triển Hưng Thịnh"],
      ["ĐỖ QUỐC VIỆT", "Lê Thị Hồng Nhung"],
    ];
    const ids: string[] = [];
    for (const [i, [applicant, debtor]] of names.entries()) {
      const [r] = await db.sql<{ id: string }[]>`
        insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, debtor_name, judgment_number,
          judgment_effective_on, answers, submitted_at)
        values (${`YC-2026-90000${i}`}, '\\x00', ${court!.agency_id}, ${court!.id}, ${applicant!}, ${debtor!}, '1/2024/DS-ST', '2024-01-01', '{}'::jsonb,
          '2026-11-20T03:00:00Z')
        returning id`;
      ids.push(r!.id);
    }
    await db.sql.begin((tx) => tx.unsafe(MIGRATION));
    await db.sql.begin((tx) => tx.unsafe(MIGRATION)); // a second run finds nothing to do
    for (const [i, id] of ids.entries()) {
      const rows = await db.sql`select id, state, search_text, agency_id, received_at from cases where submission_id = ${id}`;
      expect(rows).toHaveLength(1);
      const c = rows[0]!;
      expect(c).toMatchObject({ state: "received", agency_id: court!.agency_id });
      expect(c.search_text).toBe(searchTextOf([`YC-2026-90000${i}`, names[i]![0], names[i]![1]]));
      expect(await db.sql`select seq, event from case_events where case_id = ${c.id}`).toEqual([{ seq: 1, event: "received" }]);
      expect(await db.sql`select count(*)::int as n from case_timeline where case_id = ${c.id}`).toEqual([{ n: 1 }]);
      expect((await db.sql`select action from audit_log where target_id = ${c.id}`).map((a) => a.action)).toEqual(["case.received"]);
    }
  });
});
