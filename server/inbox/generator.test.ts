import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { generateCases } from "../../scripts/generate-cases";
import { normaliseForSearch } from "../cases/browser";

// The bench generator (scripts/generate-cases.ts): its rows are what the inbox lists and searches.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe("scripts/generate-cases.ts", () => {
  it("spreads cases over the offices with search text the inbox's normalisation agrees with, and adds more on a second run", async () => {
    expect(await generateCases(db.sql, 3_000, { offices: 30, batch: 1_000 })).toBe(3_000);
    const [o] = await db.sql<{ offices: number; min: number; max: number }[]>`
      select count(*)::int as offices, min(n)::int as min, max(n)::int as max
      from (select agency_id, count(*) as n from cases group by agency_id) x`;
    expect(o).toEqual({ offices: 30, min: 100, max: 100 });
    const sample = await db.sql<{ reference: string; applicant_name: string; other_party_name: string; search_text: string }[]>`
      select reference, applicant_name, other_party_name, search_text from cases order by reference limit 200`;
    for (const r of sample) {
      expect(r.search_text).toContain(normaliseForSearch(r.applicant_name));
      expect(r.search_text).toContain(normaliseForSearch(r.other_party_name));
      expect(r.search_text.startsWith(normaliseForSearch(r.reference))).toBe(true);
    }
    expect(new Set(sample.map((r) => r.applicant_name)).size).toBeGreaterThan(50);
    const states = await db.sql<{ state: string }[]>`select distinct state from cases order by state`;
    expect(states.map((s) => s.state)).toEqual(["accepted", "awaitingCitizen", "closed", "officerAssigned", "received", "refused"]);
    expect(await generateCases(db.sql, 500, { offices: 30 })).toBe(3_500);
    const [n] = await db.sql<{ n: number }[]>`select count(*)::int as n from cases`;
    expect(n!.n).toBe(3_500);
  });
});
