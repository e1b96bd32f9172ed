import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { makePairCases } from "../../test/pair-cases";
import { seedDemo } from "../seed.server";
import { createStaff } from "../accounts";
import { dueAfter, ruleFor, workingCalendar } from "../deadlines";
import { fireEvent, openCase } from "../cases";
import { signPortalJws } from "../receipts";
import type { Services } from "../services";
import { CONFIRMATION_CASE, checkCertificate, confirmationCertificateTask, issueCertificate, verifyCertificate } from "./index";

// Confirmation of enforcement result (ADR 077): its period (5 working days, 3 from 01/07/2026), and the
// signed certificate issued by the confirm event's document job, which one changed byte breaks.

let db: TestDatabase;
let services: Services;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  services = testServices(db.sql);
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  ids.office = a!.id;
  ids.clerk = await createStaff(db.sql, { email: "xn-clerk@test.local", fullName: "Cán bộ Xác nhận", password: "not-used-in-this-test", roles: [{ role: "clerk", agencyId: a!.id }] });
});
afterAll(async () => {
  await db?.drop();
});

/** A confirmation case about an enforcement case, as fileSubmission leaves it (submission row + case). */
async function confirmationCase() {
  const [related] = await makePairCases(db.sql, 1, { state: "officerAssigned" });
  const reference = `XN-2026-${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  return db.sql.begin(async (tx) => {
    const [s] = await tx<{ id: string }[]>`
      insert into submissions (procedure, reference, access_code_hash, agency_id, applicant_name, answers, related_case_id)
      values ('confirmation', ${reference}, '\\x00', ${ids.office!}, 'Nguyễn Văn Bình', '{}'::jsonb, ${related!.caseId}) returning id`;
    const opened = await openCase(tx, { caseType: CONFIRMATION_CASE, submissionId: s!.id, reference, agencyId: ids.office!, applicantName: "Nguyễn Văn Bình", receivedAt: new Date() });
    return { caseId: opened.caseId, reference, related: related! };
  });
}

describe("the period to confirm: 5 working days, 3 from 01/07/2026", () => {
  const cal = workingCalendar([]);
  const due = (day: string) => {
    const rule = ruleFor("result-confirmation.issue", day);
    return dueAfter(cal, day, rule.amount, rule.unit);
  };
  it("5 working days before the new law, across a weekend (Fri 26/06/2026 → Fri 03/07/2026)", () => {
    expect(ruleFor("result-confirmation.issue", "2026-06-30")).toMatchObject({ amount: 5, unit: "working_days" });
    expect(due("2026-06-26")).toBe("2026-07-03");
  });
  it("3 working days from 01/07/2026, weekend skipped (Wed 01/07 → Mon 06/07)", () => {
    expect(ruleFor("result-confirmation.issue", "2026-07-01")).toMatchObject({ amount: 3, unit: "working_days" });
    expect(due("2026-07-01")).toBe("2026-07-06");
  });
  it("Tết 2027 (05–11/02 off): received Thu 04/02/2027 → Tue 16/02/2027", () => {
    expect(due("2027-02-04")).toBe("2027-02-16");
  });
  it("the officer-change decision follows the same two versions", () => {
    expect(ruleFor("officer-change.decide", "2026-06-30").amount).toBe(5);
    expect(ruleFor("officer-change.decide", "2026-07-01").amount).toBe(3);
  });
  it("a new confirmation case starts its clock under the rule", async () => {
    const { caseId } = await confirmationCase();
    const [clock] = await db.sql<{ rule_id: string }[]>`select rule_id from case_clocks where case_id = ${caseId}`;
    expect(clock!.rule_id).toBe("result-confirmation.issue");
  });
});

describe("the certificate", () => {
  it("bad input comes back as the case type's error keys, nothing written", async () => {
    const { caseId } = await confirmationCase();
    const r = await fireEvent(db.sql, { caseId, event: "confirm", actor: { type: "staff", staffId: ids.clerk! }, input: { amountCollected: "mười triệu", amountPaidOut: "", obligations: " " } });
    expect(r).toMatchObject({ ok: false, reason: "invalid", errors: { amountCollected: ["confirmation.case.errors.amount"], obligations: ["confirmation.case.errors.obligations"] } });
    expect(await db.sql`select 1 from case_events where case_id = ${caseId} and event = 'confirm'`).toHaveLength(0);
  });

  it("is issued by the confirm event's document job, verifies, and one changed byte fails", async () => {
    const { caseId, reference, related } = await confirmationCase();
    expect(await issueCertificate(db.sql, services.config, { caseId })).toBeNull(); // not confirmed yet
    const r = await fireEvent(db.sql, {
      caseId,
      event: "confirm",
      actor: { type: "staff", staffId: ids.clerk! },
      input: { amountCollected: "15.000.000", amountPaidOut: "10.000.000", obligations: "Trả nợ 15.000.000 đồng: đã thi hành xong" },
    });
    expect(r).toMatchObject({ ok: true, state: "confirmed" });
    const [job] = await db.sql<{ payload: Record<string, unknown> }[]>`select payload from job_outbox where task = 'case_document' and payload->>'caseId' = ${caseId}`;
    expect(job!.payload.document).toBe("confirmation-certificate");
    let rendered = 0;
    const task = confirmationCertificateTask(services, async () => {
      rendered++;
    });
    await task(job!.payload, {} as never);
    await task(job!.payload, {} as never); // a retried job keeps the first certificate
    expect(rendered).toBe(2);
    const rows = await db.sql<{ code: string; jws: string }[]>`select code, jws from confirmation_certificates where case_id = ${caseId}`;
    expect(rows).toHaveLength(1);
    const { code, jws } = rows[0]!;

    const check = await checkCertificate(db.sql, services.config, { code });
    expect(check).toMatchObject({ verdict: "valid", certificate: { code, reference, relatedReference: related.reference, amountCollected: "15000000", amountPaidOut: "10000000" } });

    // One changed byte anywhere (header, claims, signature) fails.
    const [h, p, s] = jws.split(".") as [string, string, string];
    const claims = Buffer.from(p, "base64url");
    claims[claims.indexOf("15000000")] = "2".charCodeAt(0);
    const forgedClaims = `${h}.${claims.toString("base64url")}.${s}`;
    const sig = Buffer.from(s, "base64url");
    sig[0] = sig[0]! ^ 1;
    const forgedSig = `${h}.${p}.${sig.toString("base64url")}`;
    for (const forged of [forgedClaims, forgedSig]) expect(await verifyCertificate(services.config, forged)).toMatchObject({ verdict: "invalid" });
    await db.sql`update confirmation_certificates set jws = ${forgedClaims} where code = ${code}`;
    expect(await checkCertificate(db.sql, services.config, { code })).toMatchObject({ verdict: "invalid" });

    // Our key, another type (a receipt): never passes for a certificate; an unknown code is not found.
    const receipt = await signPortalJws(services.config, "thads-receipt+jwt", { iss: "x", jti: code, iat: 1, certificate: { code } });
    expect(await verifyCertificate(services.config, receipt.jws)).toMatchObject({ verdict: "invalid" });
    expect(await checkCertificate(db.sql, services.config, { code: "AAAAAAAAAAAAAAAA" })).toBeNull();
  });
});
