import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { queuedJobs } from "../../test/jobs";
import { createStaff } from "../accounts";
import { caseTypeById, fireEvent, openCase } from "../cases";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import { flushJobOutbox } from "../jobs";
import { deliverCase, recordMessages } from "./handoff.server";
import { CaseMessageSchema } from "./message";
import { fastOptions, seedOffices, startReceiver, type Offices, type ReceiverServer } from "./test-harness";

// With the real engine: the events it fires owe handoff_record jobs (job outbox); recorded out of order and
// delivered, the receiver gets case.accepted (with the case number the engine allocated), then
// case.officer-assigned, and the case gets the receiver's number.
let db: TestDatabase;
let o: Offices;
let rx: ReceiverServer;
const isHandoffEvent = (caseType: string, event: string) =>
  (caseTypeById(caseType).events as Record<string, { handoff?: boolean } | undefined>)[event]?.handoff === true;

beforeAll(async () => {
  db = await createTestDatabase();
  o = await seedOffices(db.sql);
  rx = await startReceiver(db.sql);
});
afterAll(async () => {
  await rx?.close();
  await db?.drop();
});

it("delivers the engine's accept and assignOfficer events, in order, with what the case system needs", async () => {
  const person = (role: "clerk" | "head" | "officer") =>
    createStaff(db.sql, { email: `${role}-${crypto.randomUUID()}@test.local`, fullName: `Cán bộ ${role}`, password: "not-used-in-this-test", roles: [{ role, agencyId: o.officeId }] });
  const clerk = await person("clerk");
  const head = await person("head");
  const officer = await person("officer");
  const reference = `YC-2026-${crypto.randomInt(1e6).toString().padStart(6, "0")}`;
  const [r] = await db.sql<{ id: string }[]>`
    insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, debtor_name, judgment_number, judgment_effective_on, money_amount, answers)
    values (${reference}, ${Buffer.from("x")}, ${o.officeId}, ${o.courtId}, 'Nguyễn Văn An', 'Trần Thị Bình', '12/2026/DS-ST', '2026-05-04', 150000000, '{}'::jsonb) returning id`;
  const receivedAt = new Date(Date.now() - 3600_000);
  const { caseId } = await db.sql.begin((tx) =>
    openCase(tx, { caseType: ENFORCEMENT_REQUEST_CASE, submissionId: r!.id, reference, agencyId: o.officeId, applicantName: "Nguyễn Văn An", otherPartyName: "Trần Thị Bình", receivedAt }),
  );
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const accepted = await fireEvent(db.sql, { caseId, event: "accept", actor: { type: "staff", staffId: clerk }, input: { decisionNumber: "15/QĐ-CCTHADS", decisionDate: today } });
  expect(accepted.ok).toBe(true);
  const assigned = await fireEvent(db.sql, { caseId, event: "assignOfficer", actor: { type: "staff", staffId: head }, input: { officerId: officer } });
  expect(assigned.ok).toBe(true);

  await flushJobOutbox(db.sql);
  const jobs = (await queuedJobs<{ caseId: string; eventId: string | number }>(db.sql, "handoff_record")).filter((j) => j.caseId === caseId);
  expect(jobs).toHaveLength(2);
  // The later event's job first: the earlier message is written with it, and goes first.
  expect(await recordMessages(db.sql, { isHandoffEvent }, jobs[1]!)).toEqual([`msg_${caseId}_2`, `msg_${caseId}_3`]);
  expect(await recordMessages(db.sql, { isHandoffEvent }, jobs[0]!)).toEqual([]);
  expect(await deliverCase(db.sql, fastOptions(rx.url, { isHandoffEvent }), caseId)).toMatchObject({ waiting: null, delivered: [`msg_${caseId}_2`, `msg_${caseId}_3`] });

  const got = await db.sql<{ body: unknown; case_number: string }[]>`select body, case_number from sandbox_case_system_messages where case_id = ${caseId} order by received_at, sequence`;
  const [accept, assign] = got.map((g) => CaseMessageSchema.parse(g.body));
  const [c] = await db.sql<{ case_number: string; external_case_number: string }[]>`select case_number, external_case_number from cases where id = ${caseId}`;
  expect(accept).toMatchObject({ type: "case.accepted", sequence: 2, state: "accepted", caseNumber: c!.case_number, fields: { decisionNumber: "15/QĐ-CCTHADS", decisionDate: today }, reference });
  expect(c!.case_number).toBeTruthy();
  expect(assign).toMatchObject({ type: "case.officer-assigned", sequence: 3, state: "officerAssigned", fields: { officer: { id: officer, name: "Cán bộ officer" } } });
  expect(c!.external_case_number).toBe(got[0]!.case_number);
});
