import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { seedDemo } from "../seed.server";
import { createStaff } from "../accounts";
import { invalidateCalendar, RULE_IDS } from "../deadlines";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import { CASE_TYPES, caseTypeById, defineCaseType, notifiesParties, registerCaseType, type CaseActor, type CaseType } from "./browser";
import { fireEvent, loadCase, openCase } from "./index";

// The one engine (docs/decisions/058), on a tiny case type and on the enforcement request: every event from
// every state (legal ones succeed, illegal ones write nothing), one audit entry per event, a timeline entry
// only for public ones, roles and offices, version conflicts, clocks through server/deadlines, case numbers.

let db: TestDatabase;
const ids: Record<string, string> = {};

// Mon 05/10/2026 09:00 in Hà Nội: no holiday in the fortnight after it (our calendar override aside).
const RECEIVED = new Date("2026-10-05T02:00:00Z");
const day = (iso: string, hour = 10) => new Date(`${iso}T${String(hour - 7).padStart(2, "0")}:00:00Z`);

const TINY = registerCaseType(
  defineCaseType({
    id: "test-tiny",
    content: "cases.test",
    initial: "open",
    startClocks: ["decide"],
    states: ["open", "working", "done"],
    final: ["done"],
    viewers: ["clerk", "officer", "head"],
    clocks: { decide: { rule: "enforcement.decide-request" } },
    events: {
      start: { from: ["open"], to: "working", roles: ["clerk"], fields: [], schema: z.object({}), public: true, clocks: { stop: ["decide"] } },
      note: {
        from: ["open", "working"],
        to: "working",
        roles: ["clerk", "head"],
        fields: [{ name: "text", kind: "text" }],
        schema: z.object({ text: z.string().min(1, "cases.errors.required") }),
        public: false,
      },
      finish: {
        from: ["working"],
        to: "done",
        roles: ["officer", "head"],
        officerOnly: true,
        fields: [],
        schema: z.object({}),
        public: true,
        handoff: true,
        notify: true,
        document: "closing-decision",
      },
    },
  }),
);

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  const agencies = await db.sql<{ id: string; code: string }[]>`select id, code from agencies where code in ('HNI-KV01', 'HNI-KV02', 'HNI', 'CUC-QLTHADS')`;
  for (const a of agencies) ids[a.code] = a.id;
  const A = ids["HNI-KV01"]!;
  const B = ids["HNI-KV02"]!;
  const staff = async (email: string, roles: { role: "clerk" | "officer" | "head" | "accountant"; agencyId: string }[]) =>
    createStaff(db.sql, { email, fullName: `Cán bộ ${email.split("@")[0]}`, password: "not-used-in-this-test", roles });
  ids.clerkA = await staff("clerk-a@test.local", [{ role: "clerk", agencyId: A }]);
  ids.headA = await staff("head-a@test.local", [{ role: "head", agencyId: A }]);
  ids.officerA = await staff("officer-a@test.local", [{ role: "officer", agencyId: A }]);
  ids.officerA2 = await staff("officer-a2@test.local", [{ role: "officer", agencyId: A }]);
  ids.accountantA = await staff("accountant-a@test.local", [{ role: "accountant", agencyId: A }]);
  ids.clerkB = await staff("clerk-b@test.local", [{ role: "clerk", agencyId: B }]);
  ids.officerB = await staff("officer-b@test.local", [{ role: "officer", agencyId: B }]);
  // A "fixed calendar": the administrator's table declares Wed 21/10/2026 a day off (stands for an announced holiday).
  await db.sql`insert into calendar_days (day, kind, note) values ('2026-10-21', 'holiday', 'Ngày nghỉ thử nghiệm')`;
  invalidateCalendar();
});
afterAll(async () => {
  await db?.drop();
});

const staff = (who: string): CaseActor => ({ type: "staff", staffId: ids[who]! });
let n = 0;
async function open(type: CaseType, { agency = "HNI-KV01", receivedAt = RECEIVED } = {}) {
  const reference = `YC-TEST-${String(++n).padStart(5, "0")}`;
  return db.sql.begin((tx) =>
    openCase(tx, {
      caseType: type,
      submissionId: crypto.randomUUID(),
      reference,
      agencyId: ids[agency]!,
      applicantName: "Nguyễn Văn Án",
      otherPartyName: "Trần Thị Bình",
      searchParts: ["001085012345"],
      receivedAt,
    }),
  );
}

/** Everything an event could write for one case, to compare before and after a refusal. */
async function snapshot(caseId: string) {
  const [c] = await db.sql`select state, version, case_number, officer_id, agency_id, closed_at, next_due_on from cases where id = ${caseId}`;
  const [counts] = await db.sql<{ events: number; timeline: number; audits: number; jobs: number }[]>`
    select (select count(*) from case_events where case_id = ${caseId})::int as events,
           (select count(*) from case_timeline where case_id = ${caseId})::int as timeline,
           (select count(*) from audit_log where target_id = ${caseId})::int as audits,
           (select count(*) from job_outbox where payload->>'caseId' = ${caseId})::int as jobs`;
  const clocks = await db.sql`select clock, state, due_on, remaining_days from case_clocks where case_id = ${caseId} order by clock`;
  return { c, counts: counts!, clocks };
}

/** Valid input for every event of the enforcement request, fired on the day given. */
const VALID: Record<string, Record<string, unknown>> = {
  askForMore: { message: "Đề nghị nộp bản án có chứng thực.", documentTypes: ["judgment"] },
  citizenAnswered: { message: "Tôi đã nộp bản sao có chứng thực." },
  accept: { decisionNumber: "12/QĐ-CCTHADS", decisionDate: "2026-10-07" },
  refuse: { ground: "not-competent", note: "Bản án do Tòa án tỉnh khác xử." },
  forward: { agencyId: "HNI-KV02" },
  assignOfficer: { officerId: "officerA2" },
  reassignOfficer: { officerId: "officerA2" },
  decisionNotified: { notifiedOn: "2026-10-07", method: "direct" },
  assetsVerified: { note: "Có căn hộ đứng tên người phải thi hành án." },
  moneyCollected: { amount: "15.000.000" },
  moneyPaidOut: { amount: 15_000_000 },
  close: { reason: "Đã thi hành xong." },
};
const inputFor = (event: string) =>
  Object.fromEntries(Object.entries(VALID[event] ?? {}).map(([k, v]) => [k, typeof v === "string" && ids[v] ? ids[v] : v]));
const actorFor = (event: string): CaseActor => (event === "citizenAnswered" ? { type: "citizen", citizenId: null } : staff("headA"));

describe("case types as data", () => {
  it("are registered once and found by id; every clock names a known legal rule", () => {
    expect(caseTypeById("enforcement-request")).toBe(ENFORCEMENT_REQUEST_CASE);
    expect(caseTypeById("test-tiny")).toBe(TINY);
    expect(() => caseTypeById("nope")).toThrow(/not registered/);
    expect(() => registerCaseType({ ...TINY })).toThrow(/twice/);
    for (const t of CASE_TYPES) for (const c of Object.values(t.clocks)) expect(RULE_IDS).toContain(c.rule);
  });

  it("refuse a definition that names an unknown state or clock", () => {
    const base = { id: "bad", content: "x", initial: "a", states: ["a"], final: [], viewers: ["clerk"], clocks: {} } as const;
    expect(() => defineCaseType({ ...base, events: { go: { from: ["a"], to: "zz", roles: ["clerk"], fields: [], schema: z.object({}), public: false } } } as never)).toThrow(/unknown state/);
    expect(() => defineCaseType({ ...base, events: { go: { from: ["a"], to: "a", roles: ["clerk"], fields: [], schema: z.object({}), public: false, clocks: { stop: ["x"] } } } } as never)).toThrow(/unknown clock/);
  });
});

describe("openCase", () => {
  it("opens the case in its initial state with its clocks, event 1, its timeline entry and one audit entry", async () => {
    const { caseId } = await open(ENFORCEMENT_REQUEST_CASE);
    const [c] = await db.sql`select state, version, search_text, to_char(next_due_on, 'YYYY-MM-DD') as next_due_on from cases where id = ${caseId}`;
    expect(c).toMatchObject({ state: "received", version: 0, next_due_on: "2026-10-06" });
    expect(c!.search_text).toContain("nguyen van an");
    expect(c!.search_text).toContain("001085012345");
    const clocks = await db.sql`select clock, state, to_char(due_on, 'YYYY-MM-DD') as due_on, rule_id from case_clocks where case_id = ${caseId} order by clock`;
    expect(clocks).toEqual([
      { clock: "corrections", state: "running", due_on: "2026-10-06", rule_id: "enforcement.ask-corrections" },
      { clock: "decide", state: "running", due_on: "2026-10-12", rule_id: "enforcement.decide-request" },
    ]);
    expect(await db.sql`select seq, event, public from case_events where case_id = ${caseId}`).toEqual([{ seq: 1, event: "received", public: true }]);
    expect((await db.sql`select event from case_timeline where case_id = ${caseId}`).map((r) => r.event)).toEqual(["received"]);
    expect((await db.sql`select action, actor_type from audit_log where target_id = ${caseId}`).map((r) => r.action)).toEqual(["case.received"]);
  });

  it("starts no correction clock for a request received before the 2026 decree", async () => {
    const { caseId } = await open(ENFORCEMENT_REQUEST_CASE, { receivedAt: new Date("2026-06-01T02:00:00Z") });
    expect((await db.sql`select clock from case_clocks where case_id = ${caseId}`).map((r) => r.clock)).toEqual(["decide"]);
  });
});

const TINY_INPUT: Record<string, Record<string, unknown>> = { note: { text: "ghi chú" } };
const TABLE: [CaseType, (event: string) => Record<string, unknown>, (event: string) => CaseActor][] = [
  [ENFORCEMENT_REQUEST_CASE, inputFor, actorFor],
  [TINY, (e) => TINY_INPUT[e] ?? {}, (e) => (e === "start" ? staff("clerkA") : staff("headA"))],
];

for (const [type, input, actor] of TABLE) {
  describe(`every event from every state (${type.id})`, () => {
    const cases = type.states.flatMap((state) => (Object.keys(type.events) as string[]).map((event) => [state, event] as const));
    it.each(cases)("from %s: %s", async (state, event) => {
      const { caseId } = await open(type);
      // Put the case in the state under test, its officer set (officer events need one).
      await db.sql`update cases set state = ${state}, officer_id = ${ids.officerA!} where id = ${caseId}`;
      const before = await snapshot(caseId);
      const def = type.events[event]!;
      const legal = def.from.includes(state);
      const r = await fireEvent(db.sql, { caseId, event, actor: actor(event), input: input(event), at: day("2026-10-07") });
      const after = await snapshot(caseId);
      if (!legal) {
        expect(r).toEqual({ ok: false, reason: "illegal", state });
        expect(after).toEqual(before);
        return;
      }
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(after.c!.state).toBe(def.to);
      expect(after.c!.version).toBe(before.c!.version + 1);
      expect(after.counts.events).toBe(before.counts.events + 1);
      expect(after.counts.audits).toBe(before.counts.audits + 1);
      expect(after.counts.timeline).toBe(before.counts.timeline + (def.public ? 1 : 0));
      expect(after.counts.jobs).toBe(before.counts.jobs + Number(!!def.handoff) + Number(notifiesParties(def)) + Number(!!def.public) + Number(!!def.document));
      const [audit] = await db.sql`select action, agency_id, details from audit_log where target_id = ${caseId} order by id desc limit 1`;
      expect(audit).toMatchObject({ action: `case.${event}`, agency_id: ids["HNI-KV01"], details: { caseType: type.id, from: state, to: def.to, seq: 2 } });
      expect(after.c!.closed_at !== null).toBe(type.final.includes(def.to));
    });
  });
}

describe("fireEvent", () => {
  it("writes the public fields only on the timeline, and the jobs the event owes", async () => {
    const { caseId } = await open(TINY);
    expect((await fireEvent(db.sql, { caseId, event: "note", actor: staff("clerkA"), input: { text: "nội bộ" } })).ok).toBe(true);
    expect(await db.sql`select count(*)::int as n from case_timeline where case_id = ${caseId}`).toEqual([{ n: 1 }]); // "received" only
    expect((await db.sql`select public from case_events where case_id = ${caseId} and seq = 2`)[0]!.public).toBe(false);

    const { caseId: erId } = await open(ENFORCEMENT_REQUEST_CASE);
    const r = await fireEvent(db.sql, { caseId: erId, event: "refuse", actor: staff("clerkA"), input: { ground: "time-limit-passed", note: "Quá 5 năm." }, at: day("2026-10-06") });
    expect(r.ok).toBe(true);
    const [tl] = await db.sql`select details from case_timeline where case_id = ${erId} and event = 'refuse'`;
    expect(tl!.details).toEqual({ ground: "time-limit-passed", note: "Quá 5 năm." });
    const jobs = await db.sql`select task, payload, job_key from job_outbox where payload->>'caseId' = ${erId} order by id`;
    const eventId = r.ok ? r.eventId : 0;
    expect(jobs.map((j) => j.task)).toEqual(["handoff_record", "case_notify", "case_followers", "case_document"]);
    expect(jobs[3]!.payload).toEqual({ caseId: erId, eventId, document: "refusal-notice" });
    // A final state ends every clock.
    expect((await db.sql`select distinct state from case_clocks where case_id = ${erId}`).map((x) => x.state)).toEqual(["ended"]);
    expect((await db.sql`select next_due_on from cases where id = ${erId}`)[0]!.next_due_on).toBeNull();
  });

  it("refuses roles the event does not name, and viewers of another office see nothing", async () => {
    const { caseId } = await open(ENFORCEMENT_REQUEST_CASE);
    const before = await snapshot(caseId);
    // the officer of the office may not accept; a clerk may not assign an officer (head only)
    expect(await fireEvent(db.sql, { caseId, event: "accept", actor: staff("officerA"), input: inputFor("accept"), at: day("2026-10-07") })).toEqual({ ok: false, reason: "forbidden", state: "received" });
    // a clerk of office B cannot act on office A's case, by any event: it does not exist for them
    expect(await fireEvent(db.sql, { caseId, event: "accept", actor: staff("clerkB"), input: inputFor("accept"), at: day("2026-10-07") })).toEqual({ ok: false, reason: "not-found" });
    expect(await loadCase(db.sql, { caseId, staffId: ids.clerkB! })).toBeNull();
    // an accountant at the same office is not a viewer of enforcement requests
    expect(await fireEvent(db.sql, { caseId, event: "accept", actor: staff("accountantA"), input: inputFor("accept") })).toEqual({ ok: false, reason: "not-found" });
    // the citizen cannot accept; an unknown event is illegal; a bad id is not found
    expect(await fireEvent(db.sql, { caseId, event: "accept", actor: { type: "citizen", citizenId: null }, input: inputFor("accept") })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await fireEvent(db.sql, { caseId, event: "toString", actor: staff("headA"), input: {} })).toMatchObject({ ok: false, reason: "illegal" });
    expect(await fireEvent(db.sql, { caseId: "not-a-uuid", event: "accept", actor: staff("headA"), input: {} })).toEqual({ ok: false, reason: "not-found" });
    expect(await snapshot(caseId)).toEqual(before);

    expect((await fireEvent(db.sql, { caseId, event: "accept", actor: staff("clerkA"), input: inputFor("accept"), at: day("2026-10-07") })).ok).toBe(true);
    expect(await fireEvent(db.sql, { caseId, event: "assignOfficer", actor: staff("clerkA"), input: { officerId: ids.officerA } })).toMatchObject({ ok: false, reason: "forbidden" });
    // an officer of another office cannot be assigned
    expect(await fireEvent(db.sql, { caseId, event: "assignOfficer", actor: staff("headA"), input: { officerId: ids.officerB } })).toEqual({
      ok: false,
      reason: "invalid",
      errors: { officerId: ["cases.errors.officerNotAtOffice"] },
      state: "accepted",
    });
    expect((await fireEvent(db.sql, { caseId, event: "assignOfficer", actor: staff("headA"), input: { officerId: ids.officerA } })).ok).toBe(true);
    // officer-only events: the case's officer yes, another officer of the office no, the head yes
    expect(await fireEvent(db.sql, { caseId, event: "moneyCollected", actor: staff("officerA2"), input: { amount: "1.000.000" } })).toMatchObject({ ok: false, reason: "forbidden" });
    expect((await fireEvent(db.sql, { caseId, event: "moneyCollected", actor: staff("officerA"), input: { amount: "1.000.000" } })).ok).toBe(true);
    expect((await fireEvent(db.sql, { caseId, event: "assetsVerified", actor: staff("headA"), input: { note: "Đã xác minh." } })).ok).toBe(true);
    const loaded = await loadCase(db.sql, { caseId, staffId: ids.officerA! });
    expect(loaded!.availableEvents).toEqual(["decisionNotified", "assetsVerified", "moneyCollected", "moneyPaidOut", "close"]);
    expect((await loadCase(db.sql, { caseId, staffId: ids.officerA2! }))!.availableEvents).toEqual([]);
    expect((await loadCase(db.sql, { caseId, staffId: ids.clerkA! }))!.availableEvents).toEqual([]);
  });

  it("validates the input with localised messages per field and writes nothing", async () => {
    const { caseId } = await open(ENFORCEMENT_REQUEST_CASE);
    const before = await snapshot(caseId);
    const bad = await fireEvent(db.sql, { caseId, event: "accept", actor: staff("clerkA"), input: { decisionNumber: "x".repeat(51), decisionDate: "2026-13-40" } });
    expect(bad).toMatchObject({ ok: false, reason: "invalid", errors: { decisionNumber: ["cases.errors.decisionNumberTooLong"], decisionDate: ["cases.errors.dateFormat"] } });
    const future = await fireEvent(db.sql, { caseId, event: "accept", actor: staff("clerkA"), input: { decisionNumber: "1/QĐ", decisionDate: "2026-10-09" }, at: day("2026-10-07") });
    expect(future).toMatchObject({ ok: false, reason: "invalid", errors: { decisionDate: ["cases.errors.dateInFuture"] } });
    const early = await fireEvent(db.sql, { caseId, event: "accept", actor: staff("clerkA"), input: { decisionNumber: "1/QĐ", decisionDate: "2026-10-04" }, at: day("2026-10-07") });
    expect(early).toMatchObject({ ok: false, reason: "invalid", errors: { decisionDate: ["cases.errors.dateBeforeReceipt"] } });
    const empty = await fireEvent(db.sql, { caseId, event: "refuse", actor: staff("clerkA"), input: { ground: "because", note: "  " } });
    expect(empty.ok ? {} : empty.errors).toEqual({ ground: ["cases.errors.groundRequired"], note: [expect.stringMatching(/^cases\.errors\.required\|/)] });
    const forward = await fireEvent(db.sql, { caseId, event: "forward", actor: staff("clerkA"), input: { agencyId: ids["HNI-KV01"] } });
    expect(forward).toMatchObject({ ok: false, reason: "invalid", errors: { agencyId: ["cases.errors.agencySame"] } });
    const central = await fireEvent(db.sql, { caseId, event: "forward", actor: staff("clerkA"), input: { agencyId: ids["CUC-QLTHADS"] } });
    expect(central).toMatchObject({ ok: false, reason: "invalid", errors: { agencyId: ["cases.errors.agencyInvalid"] } });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("refuses a stale version (conflict) and writes nothing", async () => {
    const { caseId } = await open(ENFORCEMENT_REQUEST_CASE);
    const seen = (await loadCase(db.sql, { caseId, staffId: ids.clerkA! }))!.case.version;
    expect((await fireEvent(db.sql, { caseId, event: "askForMore", actor: staff("clerkA"), input: inputFor("askForMore"), expectedVersion: seen, at: day("2026-10-06") })).ok).toBe(true);
    const before = await snapshot(caseId);
    expect(await fireEvent(db.sql, { caseId, event: "citizenAnswered", actor: { type: "citizen", citizenId: null }, input: {}, expectedVersion: seen })).toEqual({
      ok: false,
      reason: "conflict",
      state: "awaitingCitizen",
    });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("forwarding moves the case to the competent office, whose clocks start afresh", async () => {
    const { caseId } = await open(ENFORCEMENT_REQUEST_CASE);
    await db.sql`update cases set assignee_id = ${ids.clerkA!} where id = ${caseId}`;
    const r = await fireEvent(db.sql, { caseId, event: "forward", actor: staff("clerkA"), input: { agencyId: ids["HNI-KV02"], note: "" }, at: day("2026-10-08") });
    expect(r.ok).toBe(true);
    expect(await loadCase(db.sql, { caseId, staffId: ids.clerkA! })).toBeNull();
    const atB = await loadCase(db.sql, { caseId, staffId: ids.clerkB!, at: day("2026-10-08") });
    expect(atB!.case).toMatchObject({ state: "received", agencyCode: "HNI-KV02", assigneeId: null });
    // Thu 08/10 → decide: Fri 9, Mon 12, Tue 13, Wed 14, Thu 15
    expect(atB!.clocks.find((c) => c.clock === "decide")).toMatchObject({ state: "running", dueOn: "2026-10-15" });
    expect(atB!.availableEvents).toContain("accept");
    const [tl] = await db.sql`select details from case_timeline where case_id = ${caseId} and event = 'forward'`;
    expect(tl!.details).toEqual({ agencyName: "Phòng Thi hành án dân sự khu vực 2 – Hà Nội", note: "" });
  });
});

describe("clocks", () => {
  it("asking for more stops the decision clock; the answer resumes it with the working days that were left", async () => {
    const { caseId } = await open(ENFORCEMENT_REQUEST_CASE); // Mon 05/10: decide due Mon 12/10, corrections Tue 06/10
    // Wed 07/10: 3 working days were left (Thu 8, Fri 9, Mon 12)
    expect((await fireEvent(db.sql, { caseId, event: "askForMore", actor: staff("clerkA"), input: inputFor("askForMore"), at: day("2026-10-07") })).ok).toBe(true);
    let clocks = await db.sql`select clock, state, remaining_days, to_char(due_on, 'YYYY-MM-DD') as due_on from case_clocks where case_id = ${caseId} order by clock`;
    expect(clocks).toEqual([
      { clock: "corrections", state: "ended", remaining_days: null, due_on: "2026-10-06" },
      { clock: "decide", state: "stopped", remaining_days: 3, due_on: null },
    ]);
    expect((await db.sql`select next_due_on from cases where id = ${caseId}`)[0]!.next_due_on).toBeNull();
    // Mon 19/10 the citizen answers: Tue 20, (Wed 21 is a day off in the calendar table), Thu 22, Fri 23
    expect((await fireEvent(db.sql, { caseId, event: "citizenAnswered", actor: { type: "citizen", citizenId: null }, input: { message: "Đã nộp." }, at: day("2026-10-19") })).ok).toBe(true);
    clocks = await db.sql`select clock, state, to_char(due_on, 'YYYY-MM-DD') as due_on from case_clocks where case_id = ${caseId} and clock = 'decide'`;
    expect(clocks).toEqual([{ clock: "decide", state: "running", due_on: "2026-10-23" }]);
    expect((await db.sql`select to_char(next_due_on, 'YYYY-MM-DD') as d from cases where id = ${caseId}`)[0]!.d).toBe("2026-10-23");
    const loaded = await loadCase(db.sql, { caseId, staffId: ids.clerkA!, at: day("2026-10-20") });
    const decide = loaded!.clocks.find((c) => c.clock === "decide")!;
    expect(decide.rule).toMatchObject({ id: "enforcement.decide-request", amount: 5, unit: "working_days" });
    expect(decide.left).toEqual({ workingDays: 2, overdue: false, dueSoon: true }); // Thu 22, Fri 23
    const late = await loadCase(db.sql, { caseId, staffId: ids.clerkA!, at: day("2026-10-27") });
    expect(late!.clocks.find((c) => c.clock === "decide")!.left).toMatchObject({ overdue: true });
  });

  it("accepting ends the decision clocks and starts the notification clock", async () => {
    const { caseId } = await open(ENFORCEMENT_REQUEST_CASE);
    await db.sql`update cases set assignee_id = ${ids.clerkA!} where id = ${caseId}`;
    expect((await fireEvent(db.sql, { caseId, event: "accept", actor: staff("clerkA"), input: inputFor("accept"), at: day("2026-10-07") })).ok).toBe(true);
    expect((await db.sql`select assignee_id from cases where id = ${caseId}`)[0]!.assignee_id).toBe(ids.clerkA); // the holder keeps it
    const clocks = await db.sql`select clock, state, to_char(due_on, 'YYYY-MM-DD') as due_on from case_clocks where case_id = ${caseId} order by clock`;
    // Wed 07/10 + 3 working days: Thu 8, Fri 9, Mon 12
    expect(clocks).toEqual([
      { clock: "corrections", state: "ended", due_on: "2026-10-06" },
      { clock: "decide", state: "ended", due_on: "2026-10-12" },
      { clock: "notify", state: "running", due_on: "2026-10-12" },
    ]);
  });
});

describe("case numbers", () => {
  it("two accepts of one case at once: one succeeds, one number; two cases at once: consecutive numbers", async () => {
    const { caseId } = await open(ENFORCEMENT_REQUEST_CASE);
    const fire = (who: string) => fireEvent(db.sql, { caseId, event: "accept", actor: staff(who), input: inputFor("accept"), at: day("2026-10-07") });
    const results = await Promise.all([fire("clerkA"), fire("headA")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "illegal", state: "accepted" }]);
    expect(await db.sql`select count(*)::int as n from case_events where case_id = ${caseId} and event = 'accept'`).toEqual([{ n: 1 }]);
    const [first] = await db.sql<{ case_number: string }[]>`select case_number from cases where id = ${caseId}`;
    expect(first!.case_number).toMatch(/^HNI-KV01-2026-\d{6}$/);

    const others = await Promise.all([open(ENFORCEMENT_REQUEST_CASE), open(ENFORCEMENT_REQUEST_CASE), open(ENFORCEMENT_REQUEST_CASE)]);
    const accepted = await Promise.all(
      others.map((o) => fireEvent(db.sql, { caseId: o.caseId, event: "accept", actor: staff("clerkA"), input: inputFor("accept"), at: day("2026-10-07") })),
    );
    expect(accepted.every((r) => r.ok)).toBe(true);
    const numbers = (await db.sql<{ case_number: string }[]>`select case_number from cases where case_number like 'HNI-KV01-2026-%' order by case_number`).map((r) => r.case_number);
    const seqs = numbers.map((x) => Number(x.slice(-6)));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i)); // no gap, no duplicate
    const timeline = await db.sql`select details from case_timeline where case_id = ${caseId} and event = 'accept'`;
    expect(timeline[0]!.details).toEqual({ decisionNumber: "12/QĐ-CCTHADS", decisionDate: "2026-10-07", caseNumber: first!.case_number });
  });
});
