import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { AppLoadContext } from "@remix-run/node";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { pdfText } from "../../test/pdf-text";
import { seedDemo } from "../seed.server";
import { accessCodeHash, defineCaseType, fireEvent, issueCaseDocument, openCase, registerCaseType } from "../cases";
import { createLocalJWKSet, jwtVerify } from "jose";
import { publicJwks, signPortalJws } from "../receipts";
import type { Services } from "../services";
import {
  checkServiceReceipt,
  giveConsent,
  issueServiceReceipt,
  loadServedPage,
  loadServiceReceiptCheck,
  normaliseReceiptCode,
  openServedFromForm,
  openServedDocument,
  recordPaperService,
  serveDocument,
  serviceReceiptJwsResponse,
  serviceReceiptPdfResponse,
  SERVICE_RECEIPT_JWT_TYPE,
  verifyServiceReceipt,
} from "./index";

// The signed receipt of service (ADR 080): made once the proof is complete (the party's first opening, or
// paper service), signed like receipts and verified with the published keys alone; one changed byte fails;
// the receipt row and the proof of service both stay immutable; the public page and the PDF say what was signed.

const SERVED = registerCaseType(
  defineCaseType({
    id: "test-service-receipt",
    content: "cases.test",
    initial: "open",
    states: ["open", "done"],
    final: ["done"],
    viewers: ["clerk", "officer", "head"],
    clocks: {},
    events: {
      decide: { from: ["open"], to: "done", roles: ["officer", "head"], fields: [], schema: z.object({}), public: true, notify: false, document: "closing-decision" },
    },
  }),
);

let db: TestDatabase;
let services: Services;
let context: AppLoadContext;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  services = testServices(db.sql);
  context = { services, cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.7" } as AppLoadContext;
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  ids.office = a!.id;
  const [o] = await db.sql<{ id: string }[]>`select id from staff where email = 'chaphanhvien@thads.local'`;
  ids.officer = o!.id;
  const [c] = await db.sql<{ id: string }[]>`insert into citizens (email, full_name) values ('receipt-owner@example.vn', 'Owner') returning id`;
  ids.owner = c!.id;
});
afterAll(async () => {
  await db?.drop();
});

let n = 0;
async function decidedCase() {
  n += 1;
  const reference = `TN-2026-${String(n).padStart(6, "0")}`;
  const { caseId } = await db.sql.begin((tx) =>
    openCase(tx, {
      caseType: SERVED,
      submissionId: crypto.randomUUID(),
      reference,
      agencyId: ids.office!,
      applicantName: "Nguyễn Thị Hồng Nhung",
      receivedAt: new Date(Date.now() - 3600_000),
      accessCodeHash: accessCodeHash("ABCD2345EFGH"),
      citizenId: ids.owner!,
      applicantEmail: "receipt-owner@example.vn",
    }),
  );
  const fired = await fireEvent(db.sql, { caseId, event: "decide", actor: { type: "staff", staffId: ids.officer! }, input: {} });
  if (!fired.ok) throw new Error(fired.reason);
  await issueCaseDocument(db.sql, { caseId, eventId: fired.eventId, document: "closing-decision" });
  return { caseId, reference, seq: fired.seq };
}

async function servedAndOpened() {
  const c = await decidedCase();
  await giveConsent(db.sql, { caseId: c.caseId, citizenId: ids.owner!, provedBy: "account", email: "receipt-owner@example.vn" });
  const served = await serveDocument(db.sql, { caseId: c.caseId, seq: c.seq, actor: { type: "staff", staffId: ids.officer! } });
  if (!served.ok) throw new Error(served.reason);
  return { ...c, serviceId: served.serviceId, sha256: served.sha256 };
}

const args = (code: string) => ({ request: new Request(`http://localhost/xac-minh-tong-dat/${code}`), params: { code }, context }) as never;

describe("the receipt of an electronic service", () => {
  it("is made only once the party opened the document, once, and verifies with what was served", async () => {
    const s = await servedAndOpened();
    expect(await issueServiceReceipt(db.sql, services.config, { serviceId: s.serviceId })).toBeNull(); // not opened yet
    // Staff opening the document records nothing, so still no receipt.
    await openServedDocument(db.sql, s.serviceId, { type: "staff", staffId: ids.officer! });
    expect(await issueServiceReceipt(db.sql, services.config, { serviceId: s.serviceId })).toBeNull();

    const opened = await openServedDocument(db.sql, s.serviceId, { type: "citizen", citizenId: ids.owner! });
    const first = await issueServiceReceipt(db.sql, services.config, { serviceId: s.serviceId });
    const again = await issueServiceReceipt(db.sql, services.config, { serviceId: s.serviceId });
    expect(first).not.toBeNull();
    expect(again).toEqual(first);
    expect(await db.sql`select 1 from service_receipts where service_id = ${s.serviceId}`).toHaveLength(1);

    const check = await checkServiceReceipt(db.sql, services.config, { code: first!.code });
    expect(check).toMatchObject({
      verdict: "valid",
      receipt: {
        code: first!.code,
        serviceId: s.serviceId,
        reference: s.reference,
        party: "Nguyễn T** H*** N****",
        document: "closing-decision",
        documentTitle: "Quyết định kết thúc thi hành án",
        method: "electronic",
        sha256: s.sha256,
        openedSha256: opened!.sha256,
        openedAt: opened!.proof.openedAt!.toISOString(),
      },
    });
    // No name in clear, no ID number anywhere in what is signed.
    const claims = JSON.parse(Buffer.from(first!.jws.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
    expect(JSON.stringify(claims)).not.toContain("Hồng Nhung");
    expect(JSON.parse(Buffer.from(first!.jws.split(".")[0]!, "base64url").toString("utf8"))).toMatchObject({ typ: SERVICE_RECEIPT_JWT_TYPE });

    // The code as printed (dashes, lower case) finds the same receipt; a malformed or unknown one finds none.
    const printed = first!.code.toLowerCase().replace(/(.{4})(?=.)/g, "$1-");
    expect(await checkServiceReceipt(db.sql, services.config, { code: printed })).toMatchObject({ verdict: "valid", code: first!.code });
    expect(normaliseReceiptCode("not a code")).toBeNull();
    expect(await checkServiceReceipt(db.sql, services.config, { code: "AAAAAAAAAAAAAAAA" })).toBeNull();
    expect(await checkServiceReceipt(db.sql, services.config, { code: "'; drop table service_receipts; --" })).toBeNull();
  });

  it("one changed byte in the signed token fails verification; another type signed with our key never passes", async () => {
    const s = await servedAndOpened();
    await openServedDocument(db.sql, s.serviceId, { type: "citizen", citizenId: ids.owner! });
    const { code, jws } = (await issueServiceReceipt(db.sql, services.config, { serviceId: s.serviceId }))!;
    expect(await verifyServiceReceipt(services.config, jws, code)).toMatchObject({ verdict: "valid" });

    const [h, p, sig] = jws.split(".") as [string, string, string];
    const forged: string[] = [];
    // A byte of the claims: one hex digit of the SHA-256 changed.
    const claims = Buffer.from(p, "base64url");
    const at = claims.indexOf(s.sha256) + 5;
    claims[at] = claims[at] === "0".charCodeAt(0) ? "1".charCodeAt(0) : "0".charCodeAt(0);
    forged.push(`${h}.${claims.toString("base64url")}.${sig}`);
    // A byte of the header, and a byte of the signature.
    const header = Buffer.from(h, "base64url");
    header[header.length - 2] = header[header.length - 2]! ^ 1;
    forged.push(`${header.toString("base64url")}.${p}.${sig}`);
    const signature = Buffer.from(sig, "base64url");
    signature[0] = signature[0]! ^ 1;
    forged.push(`${h}.${p}.${signature.toString("base64url")}`);
    for (const f of forged) expect(await verifyServiceReceipt(services.config, f, code), f).toMatchObject({ verdict: "invalid" });
    // A valid signature over another code is not this receipt.
    expect(await verifyServiceReceipt(services.config, jws, "AAAAAAAAAAAAAAAA")).toMatchObject({ verdict: "invalid", reason: "code-mismatch" });

    // The same claims signed as a certificate (our key, another type) are not a receipt of service.
    const asCertificate = await signPortalJws(services.config, "thads-confirmation+jwt", JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as Record<string, unknown>);
    expect(await verifyServiceReceipt(services.config, asCertificate.jws)).toMatchObject({ verdict: "invalid" });

    // A stored token changed behind the trigger's back shows as invalid on the public page, never as valid.
    await db.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update service_receipts set jws = ${forged[0]!} where code = ${code}`;
    });
    expect(await checkServiceReceipt(db.sql, services.config, { code })).toMatchObject({ verdict: "invalid" });
    const page = (await loadServiceReceiptCheck(args(code))) as unknown as { data: { check: { verdict: string; receipt: unknown } } };
    expect(page.data.check).toMatchObject({ verdict: "invalid", receipt: null });
  });

  it("the receipt row and the proof of service stay immutable", async () => {
    const s = await servedAndOpened();
    await openServedDocument(db.sql, s.serviceId, { type: "citizen", citizenId: ids.owner! });
    const { code } = (await issueServiceReceipt(db.sql, services.config, { serviceId: s.serviceId }))!;
    await expect(db.sql`update service_receipts set kid = 'other' where code = ${code}`).rejects.toThrow(/never changed or deleted/);
    await expect(db.sql`delete from service_receipts where code = ${code}`).rejects.toThrow(/never changed or deleted/);
    await expect(db.sql`update document_services set opened_at = now() where id = ${s.serviceId}`).rejects.toThrow(/first opening/);
    await expect(db.sql`delete from document_services where id = ${s.serviceId}`).rejects.toThrow(/never deleted/);
  });
});

describe("the receipt of a service on paper", () => {
  it("is made when the officer records it, with the method", async () => {
    const c = await decidedCase();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    const paper = await recordPaperService(db.sql, { caseId: c.caseId, seq: c.seq, staffId: ids.officer!, servedOn: today, method: "post" });
    if (!paper.ok) throw new Error(paper.reason);
    const r = await issueServiceReceipt(db.sql, services.config, { serviceId: paper.serviceId });
    expect(await checkServiceReceipt(db.sql, services.config, { code: r!.code })).toMatchObject({
      verdict: "valid",
      receipt: { method: "paper", paperMethod: "post", openedAt: null, openedSha256: null, reference: c.reference },
    });
  });
});

describe("the public page and the PDF", () => {
  it("an unknown or malformed code is a 404 with nothing in it, never an error", async () => {
    for (const code of ["AAAAAAAAAAAAAAAA", "x", "%00", "A".repeat(500)]) {
      const r = (await loadServiceReceiptCheck(args(code))) as unknown as { init: { status: number }; data: { check: unknown } };
      expect(r.init.status).toBe(404);
      expect(r.data.check).toBeNull();
      const pdf = await serviceReceiptPdfResponse(args(code));
      expect(pdf.status).toBe(404);
    }
  });

  it("a valid receipt: the page shows what was signed; the PDF carries the code, the hashes and the verification address", async () => {
    const s = await servedAndOpened();
    const opened = await openServedDocument(db.sql, s.serviceId, { type: "citizen", citizenId: ids.owner! });
    const { code } = (await issueServiceReceipt(db.sql, services.config, { serviceId: s.serviceId }))!;
    const page = (await loadServiceReceiptCheck(args(code))) as unknown as { data: { check: { verdict: string; receipt: { sha256: string }; pdf: string } } };
    expect(page.data.check).toMatchObject({ verdict: "valid", receipt: { sha256: s.sha256 }, pdf: `/xac-minh-tong-dat/${code}/pdf` });
    const res = await serviceReceiptPdfResponse(args(code));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = (await pdfText(Buffer.from(await res.arrayBuffer()))).replace(/\s+/g, " ");
    expect(text).toContain("BIÊN NHẬN TỐNG ĐẠT VĂN BẢN");
    expect(text).toContain(s.reference);
    expect(text).toContain("Nguyễn T** H*** N****");
    expect(text).toContain("Quyết định kết thúc thi hành án");
    expect(text).toContain(code.replace(/(.{4})(?=.)/g, "$1-"));
    expect(text.replace(/ /g, "")).toContain(opened!.sha256);
    // (a narrow column may break the address at its hyphen: compare without them)
    expect(text.replace(/[-\s]/g, "")).toContain(`${services.config.BASE_URL}/xac-minh-tong-dat/${code}`.replace(/-/g, ""));
  });
});

describe("opening from the page with the lookup pair (the resource route /tong-dat/:id/mo)", () => {
  const post = (id: string, body: Record<string, string>) =>
    ({ request: new Request(`http://localhost/tong-dat/${id}/mo`, { method: "POST", body: new URLSearchParams(body) }), params: { id }, context }) as never;

  it("a wrong pair goes back to the page with the reference (never the code); the right pair answers the PDF and signs the receipt", async () => {
    const s = await servedAndOpened();
    const wrong = await openServedFromForm(post(s.serviceId, { reference: s.reference, accessCode: "ZZZZ-ZZZZ-ZZZZ" }));
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toBe(`/tong-dat/${s.serviceId}?sai=1&ma-ho-so=${encodeURIComponent(s.reference)}`);
    const page = (await loadServedPage({ request: new Request(`http://localhost${wrong.headers.get("location")}`), params: { id: s.serviceId }, context } as never)) as unknown as {
      init: { status: number };
      data: { wrongPair: boolean; reference: string; proof: null; openPath: string };
    };
    expect(page.init.status).toBe(400);
    expect(page.data).toMatchObject({ wrongPair: true, reference: s.reference, proof: null, openPath: `/tong-dat/${s.serviceId}/mo` });
    expect(await db.sql`select 1 from service_receipts where service_id = ${s.serviceId}`).toHaveLength(0);

    const right = await openServedFromForm(post(s.serviceId, { reference: s.reference, accessCode: "ABCD-2345-EFGH" }));
    expect(right.status).toBe(200);
    expect(right.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await right.arrayBuffer());
    expect((await import("node:crypto")).createHash("sha256").update(bytes).digest("hex")).toBe(s.sha256);
    const [receipt] = await db.sql<{ code: string }[]>`select code from service_receipts where service_id = ${s.serviceId}`;
    expect(await checkServiceReceipt(db.sql, services.config, { code: receipt!.code })).toMatchObject({ verdict: "valid", receipt: { sha256: s.sha256, openedSha256: s.sha256 } });
  });
});

describe("the raw JWS", () => {
  it("is served as signed and verifies with the published key set alone (what /.well-known/jwks.json holds)", async () => {
    const s = await servedAndOpened();
    await openServedDocument(db.sql, s.serviceId, { type: "citizen", citizenId: ids.owner! });
    const { code, jws } = (await issueServiceReceipt(db.sql, services.config, { serviceId: s.serviceId }))!;
    const res = await serviceReceiptJwsResponse(args(code));
    expect(res.headers.get("content-type")).toBe("application/jose");
    const body = await res.text();
    expect(body).toBe(jws);
    const jwks = JSON.parse(JSON.stringify(publicJwks(services.config.RECEIPT_SIGNING_KEYS))) as ReturnType<typeof publicJwks>;
    for (const k of jwks.keys) expect(k).not.toHaveProperty("d");
    const { payload, protectedHeader } = await jwtVerify(body, createLocalJWKSet(jwks), { typ: SERVICE_RECEIPT_JWT_TYPE });
    expect(protectedHeader.typ).toBe(SERVICE_RECEIPT_JWT_TYPE);
    expect(payload).toMatchObject({ jti: code, service: { code, sha256: s.sha256 } });
    expect((await serviceReceiptJwsResponse(args("AAAAAAAAAAAAAAAA"))).status).toBe(404);
  });
});
