import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makePairCases } from "../../test/pair-cases";
import { seedDemo } from "../seed.server";
import { createStaff } from "../accounts";
import { fireEvent, openCase } from "../cases";
import "../filing";
import { OFFICER_CHANGE_CASE, decideOfficerChange, groundsInForce } from "./index";

// Change of enforcement officer (ADR 077): only the head decides; a grant moves the related enforcement
// case to the new officer through the engine (its timeline and audit show it); a refusal changes nothing else.

let db: TestDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  for (const a of await db.sql<{ id: string; code: string }[]>`select id, code from agencies where code in ('HNI-KV01', 'HNI-KV02')`) ids[a.code] = a.id;
  const staff = async (email: string, role: "clerk" | "officer" | "head", agency = "HNI-KV01") =>
    createStaff(db.sql, { email, fullName: `Cán bộ ${email.split("@")[0]}`, password: "not-used-in-this-test", roles: [{ role, agencyId: ids[agency]! }] });
  ids.clerk = await staff("dc-clerk@test.local", "clerk");
  ids.head = await staff("dc-head@test.local", "head");
  ids.officer = await staff("dc-officer@test.local", "officer");
  ids.officer2 = await staff("dc-officer2@test.local", "officer");
  ids.officerB = await staff("dc-officer-b@test.local", "officer", "HNI-KV02");
});
afterAll(async () => {
  await db?.drop();
});

async function request() {
  const [related] = await makePairCases(db.sql, 1, { state: "officerAssigned" });
  await db.sql`update cases set officer_id = ${ids.officer!} where id = ${related!.caseId}`;
  const reference = `DC-2026-${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const caseId = await db.sql.begin(async (tx) => {
    const [s] = await tx<{ id: string }[]>`
      insert into submissions (procedure, reference, access_code_hash, agency_id, applicant_name, answers, related_case_id)
      values ('officer-change', ${reference}, '\\x00', ${ids["HNI-KV01"]!}, 'Nguyễn Văn Bình', '{}'::jsonb, ${related!.caseId}) returning id`;
    return (await openCase(tx, { caseType: OFFICER_CHANGE_CASE, submissionId: s!.id, reference, agencyId: ids["HNI-KV01"]!, applicantName: "Nguyễn Văn Bình", receivedAt: new Date() })).caseId;
  });
  return { caseId, relatedId: related!.caseId };
}
const stateOf = async (id: string) => (await db.sql<{ state: string; officer_id: string | null }[]>`select state, officer_id from cases where id = ${id}`)[0]!;

describe("the head's decision on a change of officer", () => {
  it("grounds are data with their effective date: the 2026 prohibited acts only from 01/07/2026", () => {
    expect(groundsInForce("2026-06-30").map((g) => g.id)).toEqual(["related-to-party", "defender-or-witness", "delay-or-partiality"]);
    expect(groundsInForce("2026-07-01").map((g) => g.id)).toContain("prohibited-acts");
  });

  it("only the head decides: a clerk or an officer is refused and nothing is written", async () => {
    const { caseId, relatedId } = await request();
    for (const staffId of [ids.clerk!, ids.officer!]) {
      const r = await decideOfficerChange(db.sql, { caseId, staffId, decision: "grant", input: { newOfficerId: ids.officer2!, reason: "Chậm trễ" } });
      expect(r.ok).toBe(false);
    }
    // The case type itself: neither decision may be fired by a clerk (the event page goes through the engine too).
    for (const event of ["grant", "refuse"]) {
      const r = await fireEvent(db.sql, { caseId, event, actor: { type: "staff", staffId: ids.clerk! }, input: { newOfficerId: ids.officer2!, reason: "Chậm trễ" } });
      expect(r).toMatchObject({ ok: false, reason: "forbidden" });
    }
    expect(await stateOf(caseId)).toMatchObject({ state: "received" });
    expect(await stateOf(relatedId)).toMatchObject({ officer_id: ids.officer! });
    expect(await db.sql`select 1 from case_events where case_id in (${caseId}, ${relatedId}) and seq > 1`).toHaveLength(0);
  });

  it("a grant gives the related case to the new officer, on both timelines, audited", async () => {
    const { caseId, relatedId } = await request();
    const r = await decideOfficerChange(db.sql, { caseId, staffId: ids.head!, decision: "grant", input: { newOfficerId: ids.officer2!, reason: "Chấp hành viên chậm trễ" } });
    expect(r).toMatchObject({ ok: true, state: "granted", fields: { newOfficerName: "Cán bộ dc-officer2" } });
    expect(await stateOf(caseId)).toMatchObject({ state: "granted" });
    expect(await stateOf(relatedId)).toMatchObject({ state: "officerAssigned", officer_id: ids.officer2! });
    const timeline = await db.sql<{ case_id: string; event: string; details: Record<string, unknown> }[]>`
      select case_id, event, details from case_timeline where case_id in (${caseId}, ${relatedId}) and event <> 'received' order by event`;
    expect(timeline).toEqual([
      { case_id: caseId, event: "grant", details: { newOfficerName: "Cán bộ dc-officer2", reason: "Chấp hành viên chậm trễ" } },
      { case_id: relatedId, event: "reassignOfficer", details: { officerName: "Cán bộ dc-officer2" } },
    ]);
    const audits = await db.sql<{ action: string }[]>`select action from audit_log where target_id in (${caseId}, ${relatedId}) and actor_id = ${ids.head!} order by id`;
    expect(audits.map((a) => a.action).sort()).toEqual(["case.grant", "case.reassignOfficer"]);
    // The decision is a served document of the officer-change case; the related case's assignment decision too.
    const docs = await db.sql<{ document: string }[]>`select payload->>'document' as document from job_outbox where task = 'case_document' and payload->>'caseId' in (${caseId}, ${relatedId}) order by id`;
    expect(docs.map((d) => d.document).sort()).toEqual(["assignment-decision", "officer-change-decision"]);
  });

  it("a grant fired through the engine's one door (the staff event page's fireEvent) moves the related case too", async () => {
    const { caseId, relatedId } = await request();
    const r = await fireEvent(db.sql, { caseId, event: "grant", actor: { type: "staff", staffId: ids.head! }, input: { newOfficerId: ids.officer2!, reason: "Không vô tư" } });
    expect(r).toMatchObject({ ok: true, state: "granted", fields: { newOfficerName: "Cán bộ dc-officer2" } });
    expect(await stateOf(relatedId)).toMatchObject({ officer_id: ids.officer2! });
  });

  it("a new officer from another office is refused on the field, and the grant is rolled back", async () => {
    const { caseId, relatedId } = await request();
    const r = await decideOfficerChange(db.sql, { caseId, staffId: ids.head!, decision: "grant", input: { newOfficerId: ids.officerB!, reason: "Không vô tư" } });
    expect(r).toMatchObject({ ok: false, reason: "invalid", errors: { newOfficerId: ["cases.errors.officerNotAtOffice"] } });
    expect(await stateOf(caseId)).toMatchObject({ state: "received" });
    expect(await stateOf(relatedId)).toMatchObject({ officer_id: ids.officer! });
  });

  it("a refusal with reasons closes the request and leaves the related case alone", async () => {
    const { caseId, relatedId } = await request();
    expect(await decideOfficerChange(db.sql, { caseId, staffId: ids.head!, decision: "refuse", input: { reason: "" } })).toMatchObject({ ok: false, errors: { reason: ["officerChange.case.errors.reason"] } });
    expect(await decideOfficerChange(db.sql, { caseId, staffId: ids.head!, decision: "refuse", input: { reason: "Không có căn cứ" } })).toMatchObject({ ok: true, state: "refused" });
    expect(await stateOf(relatedId)).toMatchObject({ officer_id: ids.officer! });
  });
});
