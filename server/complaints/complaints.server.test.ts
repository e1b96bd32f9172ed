import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { seedDemo } from "../seed.server";
import { accessCodeHash, fireEvent, newAccessCode, openCase } from "../cases";
import { createStaff } from "../accounts";
import { invalidateCalendar, seedAnnouncedDays } from "../deadlines";
import { complaintTimeLimit, COMPLAINT_CASE, COMPLAINT_JOURNEY, fileComplaint, resolverFor, type ComplaintAnswers } from "./index";

// Complaints (ADR 075): the time limit to complain by kind (art. 140) over weekends, Tết 2027 (05–11/02/2027
// off) and the new year; who resolves (art. 142); a late complaint filed with its reason and flagged; a
// second complaint linked to the first and sent up a level; the resolution clock by kind; bad input kept.

let db: TestDatabase;
const ids: Record<string, string> = {};
const ENF_CODE = newAccessCode();

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  await seedAnnouncedDays(db.sql).catch(() => undefined);
  invalidateCalendar();
  for (const a of await db.sql<{ id: string; code: string }[]>`select id, code from agencies where code in ('HNI-KV01', 'HNI', 'CUC-QLTHADS')`) ids[a.code] = a.id;
  ids.headKV = await createStaff(db.sql, { email: "head-kv@test.local", fullName: "Trưởng KV01", password: "not-used-in-this-test", roles: [{ role: "head", agencyId: ids["HNI-KV01"]! }] });
  const [sub] = await db.sql<{ id: string }[]>`
    insert into submissions (procedure, reference, access_code_hash, agency_id, applicant_name, locale, answers)
    values ('test', 'YC-2026-9000001', ${accessCodeHash(ENF_CODE)}, ${ids["HNI-KV01"]!}, 'Nguyễn Văn A', 'vi', '{}'::jsonb) returning id`;
  await db.sql.begin((tx) =>
    openCase(tx, {
      caseType: "enforcement-request",
      submissionId: sub!.id,
      reference: "YC-2026-9000001",
      agencyId: ids["HNI-KV01"]!,
      applicantName: "Nguyễn Văn A",
      receivedAt: new Date("2026-10-05T02:00:00Z"),
      accessCodeHash: accessCodeHash(ENF_CODE),
    }),
  );
});
afterAll(async () => {
  await db?.drop();
});

describe("the time limit to complain (art. 140, LEGAL_RULES complaint.file.*)", () => {
  const limit = (kind: Parameters<typeof complaintTimeLimit>[1]["kind"], learnedOn: string, round: "first" | "second" = "first", today = "2027-03-01") =>
    complaintTimeLimit(db.sql, { kind, round, learnedOn, today });

  it("15 days before measures: a limit on a Saturday moves to Monday", async () => {
    // Fri 06/11/2026 + 15 days = Sat 21/11/2026 → Mon 23/11/2026
    expect(await limit("before-measures", "2026-11-06", "first", "2026-11-23")).toEqual({ ruleId: "complaint.file.before-measures", dueOn: "2026-11-23", late: false });
  });
  it("15 days ending in Tết 2027 move to the first working day after it (12/02/2027)", async () => {
    // Fri 22/01/2027 + 15 = Sat 06/02/2027, inside Tết (05–11/02/2027) → Fri 12/02/2027
    expect((await limit("before-measures", "2027-01-22")).dueOn).toBe("2027-02-12");
  });
  it("3 working days for an account freeze skip Tết 2027", async () => {
    // Wed 03/02/2027: Thu 04, (05–11 off), Fri 12, Mon 15
    expect(await limit("account-freeze", "2027-02-03")).toMatchObject({ ruleId: "complaint.file.account-freeze", dueOn: "2027-02-15" });
  });
  it("10 days for other security measures across the new year: 01/01/2027 is a holiday", async () => {
    // Tue 22/12/2026 + 10 = Fri 01/01/2027 (New Year) → Mon 04/01/2027
    expect((await limit("other-security", "2026-12-22")).dueOn).toBe("2027-01-04");
  });
  it("30 days for coercive measures and after coercion, across the new year", async () => {
    // Tue 15/12/2026 + 30 = Thu 14/01/2027
    expect((await limit("coercive", "2026-12-15")).dueOn).toBe("2027-01-14");
    expect((await limit("after-coercion", "2026-12-15")).dueOn).toBe("2027-01-14");
  });
  it("other acts count like the decisions before measures; a second complaint has 15 days from the first decision", async () => {
    expect(await limit("other-acts", "2026-11-06", "first", "2026-11-24")).toEqual({ ruleId: "complaint.file.before-measures", dueOn: "2026-11-23", late: true });
    expect(await limit("coercive", "2026-11-06", "second", "2026-11-23")).toEqual({ ruleId: "complaint.file-second", dueOn: "2026-11-23", late: false });
  });
});

describe("who resolves (art. 142)", () => {
  it("an officer → their office; a district head → the province; a provincial head → the central body; a second complaint → the level above", async () => {
    const kv = ids["HNI-KV01"]!;
    expect(await resolverFor(db.sql, { caseAgencyId: kv, complainedOf: "officer", round: "first" })).toMatchObject({ agencyId: kv, level: "district", final: false });
    expect(await resolverFor(db.sql, { caseAgencyId: kv, complainedOf: "district-head", round: "first" })).toMatchObject({ agencyId: ids.HNI, level: "province" });
    expect(await resolverFor(db.sql, { caseAgencyId: kv, complainedOf: "provincial-head", round: "first" })).toMatchObject({ agencyId: ids["CUC-QLTHADS"], level: "central" });
    expect(await resolverFor(db.sql, { caseAgencyId: kv, complainedOf: "officer", round: "second" })).toMatchObject({ agencyId: ids.HNI, level: "province", final: true });
    expect(await resolverFor(db.sql, { caseAgencyId: ids.HNI!, complainedOf: "officer", round: "second" })).toMatchObject({ agencyId: ids["CUC-QLTHADS"], level: "central" });
  });
});

const answers = (decision: Record<string, unknown>): ComplaintAnswers => ({
  case: { reference: "YC-2026-9000001", accessCode: ENF_CODE },
  decision: { round: "first", complainedOf: "officer", kind: "coercive", decisionDate: "2026-10-10", learnedOn: "2026-10-12", ...decision },
  request: { content: "Chấp hành viên kê biên sai tài sản.", demand: "Hủy quyết định kê biên." },
  complainant: { fullName: "Nguyễn Văn A", address: "1 Tràng Tiền, Hà Nội", email: "a@example.vn" },
  evidence: {},
});

async function file(a: ComplaintAnswers) {
  return db.sql.begin(async (tx) => {
    return fileComplaint(a, { tx, draftId: crypto.randomUUID(), citizenId: null, ip: "203.0.113.9", locale: "vi", attachments: [] });
  });
}

describe("filing a complaint", () => {
  it("a late complaint without a reason goes back to the decision step; with one it is filed, flagged and routed", async () => {
    // learned 12/10/2026 + 30 days = 11/11/2026: today (December 2026) is past it.
    expect(await file(answers({}))).toEqual({ ok: false, step: "decision" });
    const filed = await file(answers({ lateReason: "Tôi nằm viện từ 15/10 đến 30/11/2026." }));
    if (!filed.ok) throw new Error("not filed");
    expect(filed).toMatchObject({ late: true, dueOn: "2026-11-11", agencyId: ids["HNI-KV01"] });
    expect(filed.reference).toMatch(/^KN-\d{4}-\d{7}$/);
    const [row] = await db.sql<{ answers: { assessment: { late: boolean }; decision: { lateReason: string } }; search_text: string; case_type: string }[]>`
      select s.answers, c.search_text, c.case_type from submissions s join cases c on c.submission_id = s.id where s.reference = ${filed.reference}`;
    expect(row!.case_type).toBe("complaint");
    expect(row!.answers.assessment.late).toBe(true);
    expect(row!.answers.decision.lateReason).toContain("nằm viện");
    expect(row!.search_text).toContain("qua han");
  });

  it("a wrong access code sends the citizen back to the case step; a second complaint links the first and goes up a level", async () => {
    expect(await file({ ...answers({ lateReason: "x" }), case: { reference: "YC-2026-9000001", accessCode: "WRONG-CODE" } })).toEqual({ ok: false, step: "case" });
    const first = await file(answers({ lateReason: "Lý do." }));
    if (!first.ok) throw new Error("not filed");
    const second = await file(answers({ round: "second", firstReference: first.reference, learnedOn: "2026-11-30" }));
    if (!second.ok) throw new Error("second not filed");
    expect(second).toMatchObject({ agencyId: ids.HNI, late: false });
    const [row] = await db.sql<{ answers: { assessment: { firstCaseId: string; final: boolean } } }[]>`select answers from submissions where reference = ${second.reference}`;
    expect(row!.answers.assessment).toMatchObject({ firstCaseId: first.caseId, final: true });
  });
});

describe("the case: acceptance within 5 working days, the resolution clock by kind from acceptance", () => {
  it("accept with kind account-freeze runs 5 working days; coercive runs 30 days; resolve ends it", async () => {
    const filed = await file(answers({ lateReason: "Lý do." }));
    if (!filed.ok) throw new Error("not filed");
    const clocks = () => db.sql<{ clock: string; rule_id: string; state: string; due_on: string }[]>`
      select clock, rule_id, state, to_char(due_on, 'YYYY-MM-DD') as due_on from case_clocks where case_id = ${filed.caseId} order by clock`;
    expect((await clocks()).map((c) => [c.clock, c.rule_id, c.state])).toEqual([["accept", "complaint.accept", "running"]]);
    const actor = { type: "staff" as const, staffId: ids.headKV! };
    // Bad input: refused, nothing written, errors per field.
    expect(await fireEvent(db.sql, { caseId: filed.caseId, event: "accept", actor, input: { kind: "nonsense" } })).toMatchObject({ ok: false, reason: "invalid", errors: { kind: ["complaints.errors.kind"] } });
    const at = new Date("2027-02-03T03:00:00Z"); // Wed 03/02/2027, just before Tết
    expect(await fireEvent(db.sql, { caseId: filed.caseId, event: "accept", actor, input: { kind: "account-freeze" }, at })).toMatchObject({ ok: true, state: "accepted" });
    expect(await clocks()).toEqual([
      { clock: "accept", rule_id: "complaint.accept", state: "ended", due_on: expect.any(String) },
      { clock: "resolve", rule_id: "complaint.resolve-first.account-freeze", state: "running", due_on: "2027-02-17" },
    ]);
    expect(await fireEvent(db.sql, { caseId: filed.caseId, event: "resolve", actor, input: { decisionNumber: "01/QĐ-KN", outcome: "upheld", summary: "Hủy kê biên." }, at })).toMatchObject({ ok: true, state: "resolved" });
    expect((await clocks()).find((c) => c.clock === "resolve")!.state).toBe("ended");
  });

  it("coercive measures: 30 days from acceptance; an extension runs 30 days more, from the first period's end whenever it is granted", async () => {
    const filed = await file(answers({ lateReason: "Lý do." }));
    if (!filed.ok) throw new Error("not filed");
    const actor = { type: "staff" as const, staffId: ids.headKV! };
    await fireEvent(db.sql, { caseId: filed.caseId, event: "accept", actor, input: { kind: "coercive" }, at: new Date("2026-12-15T03:00:00Z") });
    await fireEvent(db.sql, { caseId: filed.caseId, event: "extend", actor, input: { reason: "Vụ việc phức tạp." }, at: new Date("2027-01-05T03:00:00Z") });
    const rows = await db.sql<{ clock: string; rule_id: string; state: string; due_on: string }[]>`
      select clock, rule_id, state, to_char(due_on, 'YYYY-MM-DD') as due_on from case_clocks where case_id = ${filed.caseId} and clock <> 'accept' order by clock`;
    expect(rows).toEqual([
      { clock: "extension", rule_id: "complaint.resolve-extension", state: "running", due_on: "2027-02-15" },
      { clock: "resolve", rule_id: "complaint.resolve-first.coercive", state: "ended", due_on: "2027-01-14" },
    ]);
  });
});

describe("the journey keeps what was typed", () => {
  it("bad dates and a missing first reference come back per field with their keys", () => {
    const step = COMPLAINT_JOURNEY.steps.find((s) => s.id === "decision")!;
    const r = step.schema.safeParse({ round: "second", complainedOf: "officer", kind: "coercive", decisionDate: "2026-02-30", learnedOn: "2026-01-01" });
    expect(r.success).toBe(false);
    const paths = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(paths).toMatchObject({ decisionDate: "complaints.errors.decisionDate.format" });
    expect(COMPLAINT_CASE.id).toBe("complaint");
  });
});
