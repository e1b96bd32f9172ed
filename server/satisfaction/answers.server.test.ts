import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { seedDemo } from "../seed.server";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import { accessCodeHash, newAccessCode, openCase } from "../cases";
import { answerAsCitizen, answerByPair, parseSatisfaction } from "./index";

// The satisfaction question (issue 14 item 8, ADR 078): one answer per case, only once the case is final,
// only from its party (the citizen who filed it, or whoever proves the lookup pair); stored with the office
// and procedure and no identity beyond the case id.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
});
afterAll(async () => {
  await db?.drop();
});

let n = 0;
let ip = 0;
const newIp = () => `203.0.113.${++ip}`;

async function filedCase({ citizenId = null as string | null, closed = true } = {}) {
  const reference = `YC-2026-${String(7_000_000 + ++n)}`;
  const accessCode = newAccessCode();
  const [court] = await db.sql<{ id: string; agency_id: string }[]>`select id, agency_id from courts where agency_id is not null order by code limit 1`;
  const [req] = await db.sql<{ id: string }[]>`
    insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, applicant_email, debtor_name,
      judgment_number, judgment_effective_on, answers, locale, submitted_at)
    values (${reference}, ${accessCodeHash(accessCode)}, ${court!.agency_id}, ${court!.id}, 'Nguyễn Thị Hoa', 'hoa@sat.test', 'Trần Văn Bình',
      '12/2025/DS-ST', '2025-06-01', ${db.sql.json({})}, 'vi', now())
    returning id`;
  const opened = await db.sql.begin((tx) =>
    openCase(tx, {
      caseType: ENFORCEMENT_REQUEST_CASE, submissionId: req!.id, reference, agencyId: court!.agency_id,
      applicantName: "Nguyễn Thị Hoa", otherPartyName: "Trần Văn Bình", searchParts: [], receivedAt: new Date(),
      accessCodeHash: accessCodeHash(accessCode), applicantEmail: "hoa@sat.test", citizenId,
    }),
  );
  if (closed) await db.sql`update cases set state = 'closed', closed_at = now() where id = ${opened.caseId}`;
  return { reference, accessCode, caseId: opened.caseId, agencyId: court!.agency_id };
}

const input = { score: 4, comment: "Giải quyết nhanh." };

describe("the satisfaction answer", () => {
  it("is taken once per case by the pair, stored per office and procedure with no identity", async () => {
    const c = await filedCase();
    expect(await answerByPair(db.sql, { reference: c.reference, accessCode: c.accessCode, ip: newIp(), input })).toBe("answered");
    expect(await answerByPair(db.sql, { reference: c.reference, accessCode: c.accessCode, ip: newIp(), input: { score: 1, comment: null } })).toBe("already-answered");
    const rows = await db.sql`select * from satisfaction_answers where case_id = ${c.caseId}`;
    expect(rows).toHaveLength(1);
    const [kase] = await db.sql<{ case_type: string }[]>`select case_type from cases where id = ${c.caseId}`;
    expect(rows[0]).toMatchObject({ agency_id: c.agencyId, case_type: kase!.case_type, score: 4, comment: "Giải quyết nhanh." });
    expect(Object.keys(rows[0]!).sort()).toEqual(["agency_id", "answered_at", "case_id", "case_type", "comment", "score"]);
  });

  it("is refused with a wrong access code, and before the case is final", async () => {
    const c = await filedCase();
    expect(await answerByPair(db.sql, { reference: c.reference, accessCode: newAccessCode(), ip: newIp(), input })).toBe("not-found");
    const open = await filedCase({ closed: false });
    expect(await answerByPair(db.sql, { reference: open.reference, accessCode: open.accessCode, ip: newIp(), input })).toBe("not-final");
    expect((await db.sql`select 1 from satisfaction_answers where case_id in (${c.caseId}, ${open.caseId})`).length).toBe(0);
  });

  it("from My cases, only the citizen who filed the case answers", async () => {
    const [a, b] = await db.sql<{ id: string }[]>`
      insert into citizens (full_name, email) values ('Công dân A', 'a@sat.test'), ('Công dân B', 'b@sat.test') returning id`;
    const c = await filedCase({ citizenId: a!.id });
    expect(await answerAsCitizen(db.sql, { citizenId: b!.id, reference: c.reference, input })).toBe("not-found");
    expect(await answerAsCitizen(db.sql, { citizenId: a!.id, reference: c.reference, input })).toBe("answered");
    expect(await answerAsCitizen(db.sql, { citizenId: a!.id, reference: c.reference, input })).toBe("already-answered");
  });

  it("keeps what was typed out of range as a problem, never a crash", () => {
    expect(parseSatisfaction({ score: "6", comment: "x" })).toEqual({ ok: false, problems: ["score"] });
    expect(parseSatisfaction({ score: "3", comment: "a".repeat(1001) })).toEqual({ ok: false, problems: ["comment"] });
    expect(parseSatisfaction({ score: " 5 ", comment: "  " })).toEqual({ ok: true, value: { score: 5, comment: null } });
  });
});
