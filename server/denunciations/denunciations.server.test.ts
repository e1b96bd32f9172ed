import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createStaff, type StaffRole } from "../accounts";
import { caseClocks, fireEvent, submissionSection, submissionVisibleTo } from "../cases";
import { seedDemo } from "../seed.server";
import { queuedJobsAbout } from "../../test/jobs";
import { currentCalendar } from "../deadlines";
import { dashboardCounts, listCases, parseInboxQuery } from "../inbox";
import { DENOUNCER_LABEL, denouncerFor, fileDenunciation, type DenunciationSection } from "./index";

let db: TestDatabase;
let agencyId: string;
let otherAgencyId: string;
const staff: Partial<Record<StaffRole | "otherHandler", string>> = {};
const IDENTITY = { fullName: "Vũ Thị Tố Cáo", address: "12 Phố Huế, Hà Nội", idNumber: "001190012345", email: "tocao@example.vn", phone: "0912345678" };

const ctx = (tx: unknown, citizenId: string | null) => ({ tx: tx as never, draftId: crypto.randomUUID(), citizenId, ip: "203.0.113.9", locale: "vi" as const, attachments: [], requestId: "req-1" });

const file = async () => {
  const [citizen] = await db.sql<{ id: string }[]>`insert into citizens (email) values (${`c${crypto.randomUUID()}@example.vn`}) returning id`;
  return db.sql.begin((tx) =>
    fileDenunciation(ctx(tx, citizen!.id), {
      agencyId,
      answers: { about: { officer: "Chấp hành viên Trần Văn X", what: "Nhận tiền của đương sự" } },
      identity: IDENTITY,
      denouncedOfficer: "Trần Văn X",
    }),
  );
};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  const [b] = await db.sql<{ id: string }[]>`select id from agencies where code <> 'HNI-KV01' and kind is not null order by code limit 1`.catch(
    () => db.sql<{ id: string }[]>`select id from agencies where code <> 'HNI-KV01' order by code limit 1`,
  );
  agencyId = a!.id;
  otherAgencyId = b!.id;
  for (const role of ["clerk", "officer", "accountant", "head", "admin", "denunciation-handler"] as const) {
    staff[role] = await createStaff(db.sql, { email: `${role}-tc@thads.local`, fullName: `Cán bộ ${role}`, password: "x".repeat(16), roles: [{ role, agencyId }] });
  }
  staff.otherHandler = await createStaff(db.sql, { email: "other-tc@thads.local", fullName: "Cán bộ khác", password: "x".repeat(16), roles: [{ role: "denunciation-handler", agencyId: otherAgencyId }] });
});
afterAll(async () => db?.drop());

const LEAKS = /Tố Cáo|Phố Huế|001190012345|0912345678/;

describe("a denunciation keeps its denouncer apart (ADR 076)", () => {
  it("is listed in the inbox of the office's handler and head only: never a clerk's, an officer's or an accountant's, nor in their counts", async () => {
    const filed = await file();
    const calendar = await currentCalendar(db.sql);
    const { query } = parseInboxQuery(new URLSearchParams());
    const listed = async (staffId: string) => (await listCases(db.sql, { staffId, query, calendar })).rows.some((r) => r.id === filed.caseId);
    expect(await listed(staff["denunciation-handler"]!)).toBe(true);
    expect(await listed(staff.head!)).toBe(true);
    for (const role of ["clerk", "officer", "accountant", "otherHandler"] as const) expect(await listed(staff[role]!), role).toBe(false);
    const clerk = await dashboardCounts(db.sql, { staffId: staff.clerk!, calendar });
    const handler = await dashboardCounts(db.sql, { staffId: staff["denunciation-handler"]!, calendar });
    const [n] = await db.sql<{ n: number }[]>`select count(*)::int as n from cases where agency_id = ${agencyId} and case_type = 'denunciation' and state = 'received' and assignee_id is null`;
    expect(handler.newCases).toBe(n!.n);
    const [all] = await db.sql<{ n: number }[]>`select count(*)::int as n from cases where agency_id = ${agencyId} and state = 'received' and assignee_id is null`;
    expect(clerk.newCases).toBe(all!.n - n!.n);
  });

  it("stores the identity only in denunciation_identities: not in the answers, the case, its search text, the audit log or the jobs", async () => {
    const filed = await file();
    const [s] = await db.sql`select applicant_name, answers from submissions where id = ${filed.submissionId}`;
    expect(s!.applicant_name).toBeNull();
    expect(JSON.stringify(s)).not.toMatch(LEAKS);
    const [c] = await db.sql`select * from cases where id = ${filed.caseId}`;
    expect(c!.applicant_name).toBe(DENOUNCER_LABEL);
    expect(c!.applicant_id_digest).toBeNull();
    // The e-mail stays on the case so the result can be sent; nothing else of the identity is there.
    expect(c!.applicant_email).toBe(IDENTITY.email);
    expect(JSON.stringify(c)).not.toMatch(LEAKS);
    const audits = await db.sql`select * from audit_log where target_id in (${filed.submissionId}, ${filed.caseId})`;
    expect(audits.length).toBeGreaterThan(0);
    expect(JSON.stringify(audits)).not.toMatch(LEAKS);
    expect(JSON.stringify(audits)).not.toMatch(/tocao@example/);
    const jobs = await queuedJobsAbout(db.sql, [filed.submissionId, filed.caseId]);
    expect(jobs.map((j) => j.task)).toContain("send_submission_ack");
    expect(JSON.stringify(await db.sql`select payload from graphile_worker._private_jobs`)).not.toMatch(LEAKS);
    const [d] = await db.sql`select full_name from denunciation_identities where submission_id = ${filed.submissionId}`;
    expect(d).toEqual({ full_name: IDENTITY.fullName });
  });

  it("shows the denouncer to the office's denunciation handler only: not the clerk, officer, accountant, head, admin or another office's handler", async () => {
    const filed = await file();
    const section = async (who: keyof typeof staff) =>
      (await submissionSection(db.sql, { caseType: "denunciation", submissionId: filed.submissionId, staffId: staff[who]! }))?.data as DenunciationSection | undefined;
    const handler = await section("denunciation-handler");
    expect(handler!.denouncer).toMatchObject({ fullName: IDENTITY.fullName, idNumber: IDENTITY.idNumber, address: IDENTITY.address });
    expect(handler!.answers).toMatchObject({ about: { officer: "Chấp hành viên Trần Văn X" } });
    for (const who of ["clerk", "officer", "accountant", "head", "admin", "otherHandler"] as const) {
      const s = await section(who);
      expect(JSON.stringify(s ?? null), who).not.toMatch(LEAKS);
      expect(JSON.stringify(s ?? null), who).not.toMatch(/tocao@example/);
      expect(await denouncerFor(db.sql, { submissionId: filed.submissionId, staffId: staff[who]! }), who).toBeNull();
    }
    // Who may open the case page at all: the handler and the head of the office, no one else.
    const visible = async (who: keyof typeof staff) => submissionVisibleTo(db.sql, { caseType: "denunciation", submissionId: filed.submissionId, staffId: staff[who]! });
    expect(await visible("denunciation-handler")).toBe(true);
    expect(await visible("head")).toBe(true);
    for (const who of ["clerk", "officer", "accountant", "admin", "otherHandler"] as const) expect(await visible(who), who).toBe(false);
  });
});

describe("the denunciation's clocks", () => {
  const day = (d: string) => new Date(`${d}T09:00:00+07:00`);
  it("accepts within 7 working days, resolves within 60 days of acceptance, 90 once extended as complex", async () => {
    const filed = await file();
    const h = { type: "staff" as const, staffId: staff["denunciation-handler"]! };
    let clocks = await caseClocks(db.sql, { caseId: filed.caseId });
    expect(clocks.map((c) => [c.clock, c.ruleId, c.rule.amount, c.rule.unit])).toEqual([["accept", "denunciation.accept", 7, "working_days"]]);

    const accepted = await fireEvent(db.sql, { caseId: filed.caseId, event: "accept", actor: h, input: { note: "Đủ điều kiện thụ lý." }, at: day("2026-10-01") });
    expect(accepted.ok).toBe(true);
    clocks = await caseClocks(db.sql, { caseId: filed.caseId, at: day("2026-10-02") });
    const resolve = clocks.find((c) => c.clock === "resolve")!;
    expect(resolve).toMatchObject({ state: "running", ruleId: "denunciation.resolve", dueOn: "2026-11-30" });
    expect(resolve.rule.basis.vi).toMatch(/157/);

    // A clerk of the office may not fire the denunciation's events.
    const byClerk = await fireEvent(db.sql, { caseId: filed.caseId, event: "extendComplex", actor: { type: "staff", staffId: staff.clerk! }, input: { reason: "x" }, at: day("2026-10-05") });
    expect(byClerk.ok).toBe(false);

    const extended = await fireEvent(db.sql, { caseId: filed.caseId, event: "extendComplex", actor: h, input: { reason: "Nhiều người bị tố cáo, cần xác minh nhiều nơi." }, at: day("2026-11-02") });
    expect(extended.ok).toBe(true);
    // 90 days from acceptance (art. 157), not from the day it was found complex.
    clocks = await caseClocks(db.sql, { caseId: filed.caseId, at: day("2026-11-03") });
    expect(clocks.find((c) => c.clock === "resolve")!.state).toBe("ended");
    expect(clocks.find((c) => c.clock === "resolveComplex")).toMatchObject({ state: "running", ruleId: "denunciation.resolve-complex", dueOn: "2026-12-30" });

    const resolved = await fireEvent(db.sql, { caseId: filed.caseId, event: "resolve", actor: h, input: { conclusion: "Tố cáo đúng một phần." }, at: day("2026-11-20") });
    expect(resolved.ok).toBe(true);
    clocks = await caseClocks(db.sql, { caseId: filed.caseId, at: day("2026-11-21") });
    expect(clocks.every((c) => c.state === "ended")).toBe(true);
  });

  it("refuses a bad event input with a localised error, keeping the case as it was", async () => {
    const filed = await file();
    const r = await fireEvent(db.sql, { caseId: filed.caseId, event: "accept", actor: { type: "staff", staffId: staff["denunciation-handler"]! }, input: { note: "" } });
    expect(r.ok).toBe(false);
    const [c] = await db.sql`select state from cases where id = ${filed.caseId}`;
    expect(c!.state).toBe("received");
  });
});
