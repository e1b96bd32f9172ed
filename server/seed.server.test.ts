import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { vnDay } from "./deadlines";
import { normaliseForSearch } from "./cases";
import { DEMO_CASES, seedDemo, seedDemoCases } from "./seed.server";

// The demo back office seeded at every development start: the states it promises, moved by the real engine,
// and a second run (every later start) adds nothing.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
});
afterAll(async () => {
  await db?.drop();
});

type Row = { reference: string; state: string; code: string; applicant_name: string; case_number: string | null; officer_email: string | null; search_text: string; received_at: Date; next_due_on: string | null };

const everything = async () =>
  (
    await db.sql<{ n: number }[]>`
      select (select count(*) from cases) + (select count(*) from case_events) + (select count(*) from case_timeline)
        + (select count(*) from case_clocks) + (select count(*) from enforcement_requests) + (select count(*) from job_outbox)
        + (select count(*) from audit_log) as n`
  )[0]!.n;

describe("seedDemoCases", () => {
  it("files the demo requests and moves them through the engine into every state, once", async () => {
    const started = Date.now();
    expect(await seedDemoCases(db.sql)).toEqual({ casesCreated: DEMO_CASES.length });
    const took = Date.now() - started;
    const rows = await db.sql<Row[]>`
      select c.reference, c.state, a.code, c.applicant_name, c.case_number, s.email as officer_email, c.search_text, c.received_at,
        to_char(c.next_due_on, 'YYYY-MM-DD') as next_due_on
      from cases c join agencies a on a.id = c.agency_id left join staff s on s.id = c.officer_id
      order by c.received_at`;
    expect(rows).toHaveLength(DEMO_CASES.length);
    expect(rows.filter((r) => r.code === "HNI-KV01")).toHaveLength(10);
    expect(rows.filter((r) => r.code === "HNI-KV02")).toHaveLength(2);
    const byName = new Map(rows.map((r) => [r.applicant_name, r]));
    for (const c of DEMO_CASES) expect(byName.get(c.applicant.name)?.state, c.applicant.name).toBe(c.state);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(["received", "awaitingCitizen", "accepted", "refused", "officerAssigned", "closed"]));

    // Searchable without diacritics, by name and ID number.
    const thanh = byName.get("Lê Văn Thành")!;
    expect(thanh.search_text).toContain("le van thanh");
    expect(thanh.search_text).toContain(normaliseForSearch("Công ty TNHH Xây dựng Hòa Bình"));
    expect(thanh.search_text).toContain("001082004521");

    // The overdue one: received 10 working days ago, its clocks started then and ran out.
    const today = vnDay(new Date());
    expect(vnDay(thanh.received_at) < today).toBe(true);
    expect(thanh.next_due_on! < today).toBe(true);
    const clocks = await db.sql<{ clock: string; state: string; started_at: Date; due_on: string }[]>`
      select k.clock, k.state, k.started_at, to_char(k.due_on, 'YYYY-MM-DD') as due_on from case_clocks k join cases c on c.id = k.case_id
      where c.reference = ${thanh.reference} order by k.clock`;
    expect(clocks.map((k) => [k.clock, k.state])).toEqual([["corrections", "running"], ["decide", "running"]]);
    for (const k of clocks) {
      expect(k.started_at.getTime()).toBe(thanh.received_at.getTime());
      expect(k.due_on < today).toBe(true);
    }

    // Accepted ones carry a case number; the assigned ones the demo officer; the refusal its ground.
    for (const r of rows.filter((r) => ["accepted", "officerAssigned", "closed"].includes(r.state))) expect(r.case_number, r.reference).toBeTruthy();
    for (const r of rows.filter((r) => r.state === "officerAssigned" || r.state === "closed")) expect(r.officer_email).toBe("chaphanhvien@thads.local");
    // References follow the receipts, case numbers the acceptances (as if filed and decided one by one).
    expect(rows.map((r) => r.reference)).toEqual(rows.map((r) => r.reference).sort());
    const numbers = await db.sql<{ case_number: string }[]>`
      select c.case_number from case_events e join cases c on c.id = e.case_id where e.event = 'accept' order by e.at`;
    expect(numbers.length).toBe(DEMO_CASES.filter((c) => c.steps.some((s) => s.event === "accept")).length);
    expect(numbers.map((n) => n.case_number)).toEqual(numbers.map((n) => n.case_number).sort());
    const [refusal] = await db.sql<{ ground: string }[]>`select e.fields->>'ground' as ground from case_events e where e.event = 'refuse'`;
    expect(refusal!.ground).toBe("time-limit-passed");
    const [forwarded] = await db.sql<{ code: string }[]>`
      select a.code from case_events e join cases c on c.id = e.case_id join agencies a on a.id = c.agency_id where e.event = 'forward'`;
    expect(forwarded!.code).toBe("HNI-KV02");

    // Events happened on their past days, in order, each once with its audit entry and its jobs owed.
    const [order] = await db.sql<{ bad: number }[]>`
      select count(*)::int as bad from case_events e join case_events f on f.case_id = e.case_id and f.seq = e.seq + 1 where f.at < e.at`;
    expect(order!.bad).toBe(0);
    const [future] = await db.sql<{ n: number }[]>`select count(*)::int as n from case_events where at > now()`;
    expect(future!.n).toBe(0);
    const [audits] = await db.sql<{ events: number; audits: number }[]>`
      select (select count(*) from case_events)::int as events, (select count(*) from audit_log where action like 'case.%' and target_type = 'case')::int as audits`;
    expect(audits!.audits).toBe(audits!.events);
    const tasks = await db.sql<{ task: string }[]>`select distinct task from job_outbox order by task`;
    expect(tasks.map((t) => t.task)).toEqual(expect.arrayContaining(["case_document", "case_notify", "handoff_record"]));
    console.info(`seedDemoCases: ${DEMO_CASES.length} cases in ${took} ms`);
  });

  it("adds nothing on the next start", async () => {
    const before = await everything();
    expect(await seedDemoCases(db.sql)).toEqual({ casesCreated: 0 });
    expect((await seedDemo(db.sql)).staffCreated).toBe(0);
    expect(await everything()).toBe(before);
  });
});

describe("seedDemoCases on a database whose demo staff were changed", () => {
  it("writes nothing when an event is refused half-way (the officer no longer at the office), and can run once put right", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(other.sql);
      const moved = await other.sql`
        update staff_roles set agency_id = (select id from agencies where code = 'HNI-KV02')
        where staff_id = (select id from staff where email = 'chaphanhvien@thads.local')
        returning staff_id`;
      expect(moved).toHaveLength(1);
      const count = async () => (await other.sql<{ n: number }[]>`select (select count(*) from cases) + (select count(*) from enforcement_requests) + (select count(*) from job_outbox) as n`)[0]!.n;
      const before = await count();
      await expect(seedDemoCases(other.sql)).rejects.toThrow(/assignOfficer refused/);
      expect(await count()).toBe(before);
      await other.sql`update staff_roles set agency_id = (select id from agencies where code = 'HNI-KV01') where staff_id = ${moved[0]!.staff_id}`;
      expect(await seedDemoCases(other.sql)).toEqual({ casesCreated: DEMO_CASES.length });
    } finally {
      await other.drop();
    }
  });
});
