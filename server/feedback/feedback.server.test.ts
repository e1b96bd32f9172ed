import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createStaff } from "../accounts";
import { fireEvent } from "../cases";
import { seedDemo } from "../seed.server";
import { fileFeedback, publicAnswers, type FeedbackInput } from "./index";

let db: TestDatabase;
let agencyId: string;
let clerkId: string;
const IP = "198.51.100.77";

const ctx = (tx: unknown, citizenId: string | null) => ({ tx: tx as never, draftId: crypto.randomUUID(), citizenId, ip: IP, locale: "vi" as const, attachments: [], requestId: "req-fb" });
const file = (citizenId: string | null, input: Partial<FeedbackInput>) =>
  db.sql.begin((tx) =>
    fileFeedback(ctx(tx, citizenId), { agencyId, kind: "feedback", subject: "Giờ tiếp dân", body: "Đề nghị mở cửa sáng thứ Bảy.", visibility: "public", filer: null, ...input }),
  );

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  agencyId = a!.id;
  clerkId = await createStaff(db.sql, { email: "clerk-fb@thads.local", fullName: "Cán bộ", password: "x".repeat(16), roles: [{ role: "clerk", agencyId }] });
});
afterAll(async () => db?.drop());

describe("feedback and petitions (ADR 076)", () => {
  it("stores no identity at all when anonymous, even filed signed in: submission, case, audit log, jobs", async () => {
    const [citizen] = await db.sql<{ id: string }[]>`insert into citizens (email) values ('nguoi-gop-y@example.vn') returning id`;
    const filed = await file(citizen!.id, { filer: null });
    const [s] = await db.sql`select citizen_id, applicant_name, applicant_email from submissions where id = ${filed.submissionId}`;
    expect(s).toEqual({ citizen_id: null, applicant_name: null, applicant_email: null });
    const [c] = await db.sql`select citizen_id, applicant_email, applicant_id_digest from cases where id = ${filed.caseId}`;
    expect(c).toEqual({ citizen_id: null, applicant_email: null, applicant_id_digest: null });
    const rows = JSON.stringify([
      await db.sql`select * from submissions where id = ${filed.submissionId}`,
      await db.sql`select * from cases where id = ${filed.caseId}`,
      await db.sql`select * from audit_log where target_id in (${filed.submissionId}, ${filed.caseId})`,
      await db.sql`select * from case_events where case_id = ${filed.caseId}`,
      await db.sql`select payload from graphile_worker._private_jobs`,
      await db.sql`select * from filing_drafts`,
    ]);
    expect(rows).not.toContain(citizen!.id);
    expect(rows).not.toContain("nguoi-gop-y@");
    expect(rows).not.toContain(IP);
    expect(filed.reference).toMatch(/^PA-\d{4}-\d{7}$/);
    expect(filed.accessCode.length).toBeGreaterThanOrEqual(8);
  });

  it("lists a public answer without any identity, and never a private one", async () => {
    const pub = await file(null, { filer: { name: "Hoàng Văn Công Khai", email: "congkhai@example.vn" }, subject: "Bãi đỗ xe", visibility: "public" });
    const priv = await file(null, { subject: "Việc riêng", visibility: "private" });
    for (const f of [pub, priv]) {
      const r = await fireEvent(db.sql, { caseId: f.caseId, event: "answer", actor: { type: "staff", staffId: clerkId }, input: { answer: "Cơ quan đã tiếp thu." } });
      expect(r.ok).toBe(true);
    }
    const list = await publicAnswers(db.sql);
    expect(list.map((a) => a.reference)).toContain(pub.reference);
    expect(list.map((a) => a.reference)).not.toContain(priv.reference);
    expect(JSON.stringify(list)).not.toMatch(/Công Khai|congkhai@/);
    expect(list.find((a) => a.reference === pub.reference)).toMatchObject({ subject: "Bãi đỗ xe", answer: "Cơ quan đã tiếp thu." });
  });

  it("refuses an empty answer with a localised error", async () => {
    const f = await file(null, {});
    const r = await fireEvent(db.sql, { caseId: f.caseId, event: "answer", actor: { type: "staff", staffId: clerkId }, input: { answer: " " } });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toMatch(/cases\.errors\.required/);
  });
});
