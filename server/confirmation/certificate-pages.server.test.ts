import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { makePairCases } from "../../test/pair-cases";
import { pdfText } from "../../test/pdf-text";
import { seedDemo } from "../seed.server";
import { createStaff } from "../accounts";
import { caseDocumentKey, caseDocumentTask, fireEvent, openCase } from "../cases";
import { findDocument } from "../documents";
import type { Services } from "../services";
import { CONFIRMATION_CASE, certificateBeforeService, certificateJwsResponse, confirmationCertificateTask, loadCertificateCheck, loadCertificateForm } from "./index";

// The certificate's public pages (ADR 080): the form to type a code, the verification page (404 for an unknown
// code, "invalid" for a token that no longer verifies, the applicant's name masked), and the certificate PDF
// carrying its code, verification address and QR code, whichever of the document job and the serve hook runs first.

let db: TestDatabase;
let services: Services;
let context: AppLoadContext;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  services = testServices(db.sql);
  context = { services, cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.8" } as AppLoadContext;
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  ids.office = a!.id;
  ids.clerk = await createStaff(db.sql, { email: "xn-pages@test.local", fullName: "Cán bộ Xác nhận", password: "not-used-in-this-test", roles: [{ role: "clerk", agencyId: a!.id }] });
});
afterAll(async () => {
  await db?.drop();
});

async function confirmedCase() {
  const [related] = await makePairCases(db.sql, 1, { state: "officerAssigned" });
  const reference = `XN-2026-${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const { caseId } = await db.sql.begin(async (tx) => {
    const [s] = await tx<{ id: string }[]>`
      insert into submissions (procedure, reference, access_code_hash, agency_id, applicant_name, answers, related_case_id)
      values ('confirmation', ${reference}, '\\x00', ${ids.office!}, 'Nguyễn Văn Bình', '{}'::jsonb, ${related!.caseId}) returning id`;
    return openCase(tx, { caseType: CONFIRMATION_CASE, submissionId: s!.id, reference, agencyId: ids.office!, applicantName: "Nguyễn Văn Bình", receivedAt: new Date() });
  });
  const r = await fireEvent(db.sql, {
    caseId,
    event: "confirm",
    actor: { type: "staff", staffId: ids.clerk! },
    input: { amountCollected: "15.000.000", amountPaidOut: "10.000.000", obligations: "Trả nợ 15.000.000 đồng: đã thi hành xong" },
  });
  if (!r.ok) throw new Error(r.reason);
  return { caseId, reference, eventId: r.eventId, seq: r.seq };
}

const flat = (s: string) => s.replace(/[-\s]/g, "");
const pageArgs = (code: string) => ({ request: new Request(`http://localhost/xac-minh-xac-nhan/${code}`), params: { code }, context }) as never;
const formArgs = (query: string) => ({ request: new Request(`http://localhost/xac-minh-xac-nhan${query}`), params: {}, context }) as never;

describe("the certificate PDF", () => {
  it("the document job prints the certificate's code, address and QR code", async () => {
    const c = await confirmedCase();
    await confirmationCertificateTask(services, caseDocumentTask(services))({ caseId: c.caseId, eventId: c.eventId, document: "confirmation-certificate" }, {} as never);
    const [cert] = await db.sql<{ code: string }[]>`select code from confirmation_certificates where case_id = ${c.caseId}`;
    const pdf = await findDocument(db.sql, caseDocumentKey(c.caseId, c.seq));
    const text = await pdfText(pdf!.bytes!);
    expect(flat(text)).toContain(flat(`${services.config.BASE_URL}/xac-minh-xac-nhan/${cert!.code}`));
    expect(text).toContain(`Mã kiểm tra: ${cert!.code.replace(/(.{4})(?=.)/g, "$1-")}`);
  });

  it("the serve hook running first still serves the copy with the code (it runs the document job first)", async () => {
    const c = await confirmedCase();
    const caseDocument = confirmationCertificateTask(services, caseDocumentTask(services));
    let served = 0;
    await certificateBeforeService(services, caseDocument, async () => {
      served++;
    })({ caseId: c.caseId, eventId: c.eventId }, {} as never);
    expect(served).toBe(1);
    const [cert] = await db.sql<{ code: string }[]>`select code from confirmation_certificates where case_id = ${c.caseId}`;
    const text = await pdfText((await findDocument(db.sql, caseDocumentKey(c.caseId, c.seq)))!.bytes!);
    expect(text).toContain(`Mã kiểm tra: ${cert!.code.replace(/(.{4})(?=.)/g, "$1-")}`);
    // Any other event goes straight to the hook and renders nothing.
    await certificateBeforeService(services, async () => {
      throw new Error("no document job for another event");
    }, async () => {
      served++;
    })({ caseId: c.caseId, eventId: c.eventId + 100000 }, {} as never);
    expect(served).toBe(2);
  });
});

describe("the public verification of a certificate", () => {
  it("the form: empty, a malformed code kept with a 400, a printed code sent to its page", async () => {
    const empty = (await loadCertificateForm(formArgs(""))) as unknown as { data: { error: null; value: string } };
    expect(empty.data).toEqual({ error: null, value: "" });
    const bad = (await loadCertificateForm(formArgs("?ma=abc%3Cscript%3E"))) as unknown as { init: { status: number }; data: { error: string; value: string } };
    expect(bad.init.status).toBe(400);
    expect(bad.data).toEqual({ error: "code", value: "abc<script>" });
    const sent = await loadCertificateForm(formArgs("?ma=abcd-efgh-jkmn-pqrs")).catch((r: unknown) => r);
    expect(sent).toBeInstanceOf(Response);
    expect((sent as Response).headers.get("location")).toBe("/xac-minh-xac-nhan/ABCDEFGHJKMNPQRS");
  });

  it("an unknown code: 404, nothing shown; a valid one: what was signed, the name masked; a changed token: invalid, no content", async () => {
    for (const code of ["ABCDEFGHJKMNPQRS", "x", "A".repeat(400)]) {
      const r = (await loadCertificateCheck(pageArgs(code))) as unknown as { init: { status: number }; data: { check: unknown } };
      expect(r.init.status).toBe(404);
      expect(r.data.check).toBeNull();
    }
    const c = await confirmedCase();
    await confirmationCertificateTask(services, async () => {})({ caseId: c.caseId, eventId: c.eventId, document: "confirmation-certificate" }, {} as never);
    const [cert] = await db.sql<{ code: string; jws: string }[]>`select code, jws from confirmation_certificates where case_id = ${c.caseId}`;
    const ok = (await loadCertificateCheck(pageArgs(cert!.code.toLowerCase()))) as unknown as { data: { check: { verdict: string; certificate: Record<string, unknown> } } };
    expect(ok.data.check).toMatchObject({ verdict: "valid", certificate: { reference: c.reference, applicantName: "Nguyễn V** B***", amountCollected: "15000000" }, jws: `/xac-minh-xac-nhan/${cert!.code}/jws` });
    const raw = await certificateJwsResponse(pageArgs(cert!.code));
    expect(raw.headers.get("content-type")).toBe("application/jose");
    expect(await raw.text()).toBe(cert!.jws);
    expect((await certificateJwsResponse(pageArgs("ABCDEFGHJKMNPQRS"))).status).toBe(404);

    const [h, p, s] = cert!.jws.split(".") as [string, string, string];
    const sig = Buffer.from(s, "base64url");
    sig[3] = sig[3]! ^ 1;
    await db.sql`update confirmation_certificates set jws = ${`${h}.${p}.${sig.toString("base64url")}`} where code = ${cert!.code}`;
    const bad = (await loadCertificateCheck(pageArgs(cert!.code))) as unknown as { data: { check: { verdict: string; certificate: unknown } } };
    expect(bad.data.check).toMatchObject({ verdict: "invalid", certificate: null });
  });
});
