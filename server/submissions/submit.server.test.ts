import crypto from "node:crypto";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { queuedJobs } from "../../test/jobs";
import { defineCaseType, findRelatedCase, registerCaseType, verifyLookupPair } from "../cases";
import { seedDemo } from "../seed.server";
import { fileSubmission, getSubmission, REFERENCE_PREFIXES } from "./index";

let db: TestDatabase;
let agencyId: string;

const TYPE = registerCaseType(
  defineCaseType({
    id: "test-submission",
    content: "cases.test",
    initial: "received",
    states: ["received", "closed"],
    final: ["closed"],
    viewers: ["clerk"],
    clocks: {},
    events: { close: { from: ["received"], to: "closed", roles: ["clerk"], fields: [], schema: z.object({}), public: true } },
  }),
);

const ctx = (tx: unknown, citizenId: string | null = null) => ({
  tx: tx as never,
  draftId: crypto.randomUUID(),
  citizenId,
  ip: "203.0.113.7",
  locale: "vi" as const,
  attachments: [],
});

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  agencyId = a!.id;
});
afterAll(async () => db?.drop());

describe("fileSubmission (ADR 073)", () => {
  it("writes the submission and its case in one transaction, with a lookup pair and the acknowledgement e-mail", async () => {
    const filed = await db.sql.begin((tx) =>
      fileSubmission(ctx(tx), {
        procedure: "complaint",
        referencePrefix: REFERENCE_PREFIXES.complaint,
        caseType: TYPE,
        agencyId,
        answers: { about: { text: "x" } },
        applicantName: "Nguyễn Văn An",
        applicantEmail: "an@example.vn",
        nameKey: "submissions.done.title",
      }),
    );
    expect(filed.reference).toMatch(/^KN-\d{4}-\d{7}$/);
    const row = await getSubmission(db.sql, { id: filed.submissionId });
    expect(row).toMatchObject({ procedure: "complaint", applicantName: "Nguyễn Văn An", caseId: filed.caseId, answers: { about: { text: "x" } } });
    expect(await verifyLookupPair(db.sql, { reference: filed.reference, accessCode: filed.accessCode })).toBe(filed.caseId);
    expect(await verifyLookupPair(db.sql, { reference: filed.reference, accessCode: "X".repeat(16) })).toBeNull();
    const [c] = await db.sql`select case_type, state, applicant_email, citizen_id from cases where id = ${filed.caseId}`;
    expect(c).toMatchObject({ case_type: "test-submission", state: "received", applicant_email: "an@example.vn" });
    const jobs = await queuedJobs<{ submissionId: string }>(db.sql, "send_submission_ack");
    expect(jobs.map((j) => j.submissionId)).toContain(filed.submissionId);
  });

  it("stores no identity at all for an anonymous submission: no account, name, e-mail or address in any row", async () => {
    const [citizen] = await db.sql<{ id: string }[]>`insert into citizens (email) values ('anon-test@example.vn') returning id`;
    const filed = await db.sql.begin((tx) =>
      fileSubmission(ctx(tx, citizen!.id), {
        procedure: "feedback",
        referencePrefix: REFERENCE_PREFIXES.feedback,
        caseType: TYPE,
        agencyId,
        answers: { about: { text: "y" } },
        applicantName: "Trần Thị Bình",
        applicantEmail: "binh@example.vn",
        anonymous: true,
        anonymousLabel: "Ẩn danh",
        nameKey: "submissions.done.title",
      }),
    );
    const [s] = await db.sql`select citizen_id, applicant_name, applicant_email from submissions where id = ${filed.submissionId}`;
    expect(s).toEqual({ citizen_id: null, applicant_name: null, applicant_email: null });
    const [c] = await db.sql`select citizen_id, applicant_name, applicant_email, applicant_id_digest from cases where id = ${filed.caseId}`;
    expect(c).toEqual({ citizen_id: null, applicant_name: "Ẩn danh", applicant_email: null, applicant_id_digest: null });
    const audits = await db.sql`select actor_id, ip from audit_log where target_id = ${filed.submissionId} or target_id = ${filed.caseId}`;
    expect(audits.length).toBeGreaterThan(0);
    for (const a of audits) expect(a).toEqual({ actor_id: null, ip: null });
    const text = JSON.stringify(await db.sql`select * from submissions s join cases c on c.submission_id = s.id where s.id = ${filed.submissionId}`);
    expect(text).not.toMatch(/Bình|binh@|203\.0\.113\.7/);
    expect(await queuedJobs<{ submissionId: string }>(db.sql, "send_submission_ack")).not.toContainEqual(expect.objectContaining({ submissionId: filed.submissionId }));
  });

  it("finds the case a new submission is about: the citizen's own by reference, anyone's by the pair, nothing on a wrong code", async () => {
    const [citizen] = await db.sql<{ id: string }[]>`insert into citizens (email) values ('owner-test@example.vn') returning id`;
    const [other] = await db.sql<{ id: string }[]>`insert into citizens (email) values ('other-test@example.vn') returning id`;
    const filed = await db.sql.begin((tx) =>
      fileSubmission(ctx(tx, citizen!.id), {
        procedure: "complaint", referencePrefix: "KN", caseType: TYPE, agencyId, answers: {}, applicantName: "Lê Văn C", applicantEmail: null, nameKey: "submissions.done.title",
      }),
    );
    const own = await findRelatedCase(db.sql, { reference: filed.reference, citizenId: citizen!.id, ip: "198.51.100.1" });
    expect(own).toMatchObject({ ok: true, case: { id: filed.caseId, agencyId } });
    expect(await findRelatedCase(db.sql, { reference: filed.reference, citizenId: other!.id, ip: "198.51.100.1" })).toEqual({ ok: false, reason: "not-found" });
    expect(await findRelatedCase(db.sql, { reference: filed.reference, accessCode: "2".repeat(16), citizenId: null, ip: "198.51.100.1" })).toEqual({ ok: false, reason: "not-found" });
    expect(await findRelatedCase(db.sql, { reference: filed.reference, accessCode: filed.accessCode, citizenId: null, ip: "198.51.100.1" })).toMatchObject({ ok: true, case: { id: filed.caseId } });
  });

  it("gives each procedure its own two-letter prefix", () => {
    const prefixes = Object.values(REFERENCE_PREFIXES);
    expect(new Set([...prefixes, "YC"]).size).toBe(prefixes.length + 1);
  });
});
