import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { seedDemo } from "../seed.server";
import { createStaff } from "../accounts";
import { defineCaseType, registerCaseType } from "./browser";
import { fireEvent, openCase } from "./index";

// ClockDef.ruleByField (issue 14, ADR 075): the rule of a clock chosen by a field of the event that starts it,
// the clock's own `rule` when the field is absent or has no entry.

let db: TestDatabase;
let agencyId = "";
let clerk = "";

const PICKY = registerCaseType(
  defineCaseType({
    id: "test-rule-by-field",
    content: "cases.test",
    initial: "open",
    states: ["open", "running"],
    final: [],
    viewers: ["clerk"],
    clocks: { work: { rule: "enforcement.decide-request", ruleByField: { field: "speed", rules: { slow: "complaint.resolve-first.coercive", fast: "complaint.resolve-first.account-freeze" } } } },
    events: {
      go: {
        from: ["open"],
        to: "running",
        roles: ["clerk"],
        fields: [{ name: "speed", kind: "text", optional: true }],
        schema: z.object({ speed: z.string().optional() }),
        public: false,
        clocks: { start: ["work"] },
      },
    },
  }),
);

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  agencyId = (await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`)[0]!.id;
  clerk = await createStaff(db.sql, { email: "clerk-rbf@test.local", fullName: "Cán bộ", password: "not-used-in-this-test", roles: [{ role: "clerk", agencyId }] });
});
afterAll(async () => {
  await db?.drop();
});

async function started(speed: string | undefined) {
  const [sub] = await db.sql<{ id: string }[]>`
    insert into submissions (procedure, reference, access_code_hash, agency_id, applicant_name, locale, answers)
    values ('test', ${`KN-2026-${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`}, ${Buffer.from("x")}, ${agencyId}, 'A', 'vi', '{}'::jsonb) returning id, reference`;
  const { caseId } = await db.sql.begin((tx) => openCase(tx, { caseType: PICKY, submissionId: sub!.id, reference: `R-${sub!.id}`, agencyId, applicantName: "A", receivedAt: new Date("2026-10-05T02:00:00Z") }));
  const r = await fireEvent(db.sql, { caseId, event: "go", actor: { type: "staff", staffId: clerk }, input: speed === undefined ? {} : { speed }, at: new Date("2026-10-05T03:00:00Z") });
  expect(r).toMatchObject({ ok: true });
  const [clock] = await db.sql<{ rule_id: string; due_on: string }[]>`select rule_id, to_char(due_on, 'YYYY-MM-DD') as due_on from case_clocks where case_id = ${caseId} and clock = 'work'`;
  return clock!;
}

describe("ClockDef.ruleByField", () => {
  it("picks the rule by the starting event's field; falls back to `rule` for no value or an unknown one", async () => {
    expect(await started("slow")).toEqual({ rule_id: "complaint.resolve-first.coercive", due_on: "2026-11-04" });
    expect(await started("fast")).toEqual({ rule_id: "complaint.resolve-first.account-freeze", due_on: "2026-10-12" });
    expect((await started(undefined)).rule_id).toBe("enforcement.decide-request");
    expect((await started("constructor")).rule_id).toBe("enforcement.decide-request");
  });
});
