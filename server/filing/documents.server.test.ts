import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo, DEMO_PASSWORD } from "../seed.server";
import { signInStaff, SESSION_COOKIE } from "../accounts";
import { action as stepAction } from "../../app/routes/dich-vu.yeu-cau-thi-hanh-an.$step";
import { action as attachmentsAction } from "../../app/routes/dich-vu.yeu-cau-thi-hanh-an.tai-lieu";
import { createDraft, findDraft, DRAFT_COOKIE, submitDraft } from "./journey.server";
import { DONE_COOKIE } from "./submit.server";
import { officeRequestPdf, submittedRequestPdf } from "./staff.server";
import { pdfText } from "../../test/pdf-text";

// A filed request's PDF (ADR 057): rendered once per language, stored, served with a strong ETag after
// the same access check as before (the applicant's confirmation cookie; a receiving office's staff).
let db: TestDatabase;
let context: AppLoadContext;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "thads-filing-docs-"));
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql, { DATA_DIR: dataDir }), cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.9" };
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const BASE = "http://localhost/dich-vu/yeu-cau-thi-hanh-an";
const VALID: Record<string, Record<string, string | string[]>> = {
  "nguoi-nop-don": { role: "creditor", party: "person", actingAs: "self" },
  "thong-tin-ca-nhan": { fullName: "Nguyễn Văn An", birthDate: "1985-04-12", cccd: "001085012345", address: "Số 1 Tràng Tiền, Hà Nội", phone: "0912 345 678", email: "an@example.vn" },
  "ban-an": { court: "TAND-HNI-KV01", judgmentNumber: "125/2024/DS-ST", judgmentDate: "2024-03-01", effectiveDate: "2024-04-01" },
  "nguoi-phai-thi-hanh-an": { debtorKind: "person", debtorName: "Trần Thị Bình", debtorAddress: "Hà Nội" },
  "noi-dung-yeu-cau": { obligations: ["money"], amount: "150.000.000" },
  "tai-san-thu-nhap": { debtorAssets: "Căn hộ tại Cầu Giấy" },
  "cam-doan": { declaration: "on" },
};
const PDF = Buffer.from("%PDF-1.4\n% test\n1 0 obj <<>> endobj\n%%EOF\n");
const post = (slug: string, token: string, body: BodyInit) => new Request(`${BASE}/${slug}`, { method: "POST", body, headers: { cookie: `${DRAFT_COOKIE}=${token}` } });
const form = (values: Record<string, string | string[]>) => {
  const f = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
};
const settle = async (p: Promise<unknown>) => {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
};

async function filed() {
  const { token } = await createDraft(db.sql, { locale: "vi" });
  for (const [slug, values] of Object.entries(VALID)) {
    if (slug === "cam-doan") {
      const fd = new FormData();
      fd.append("documentType", "judgment");
      fd.append("file", new Blob([new Uint8Array(PDF)]), "Bản án 125.pdf");
      await settle(attachmentsAction({ request: post("tai-lieu", token, fd), context, params: {} } as never));
      await settle(attachmentsAction({ request: post("tai-lieu", token, form({ intent: "continue" })), context, params: {} } as never));
    }
    await settle(stepAction({ request: post(slug, token, form(values)), context, params: { step: slug } } as never));
  }
  const draft = (await findDraft(db.sql, { token }))!;
  const result = await submitDraft(db.sql, { draftId: draft.id, citizenId: null, ip: "203.0.113.9" });
  if (!result.ok) throw new Error(`not submitted: ${result.redirectTo}`);
  return result;
}

const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");
const applicant = (cookie: string, headers: Record<string, string> = {}) =>
  settle(submittedRequestPdf(new Request(`${BASE}/da-gui.pdf`, { headers: { cookie: `${DONE_COOKIE}=${cookie}`, ...headers } }), context)) as Promise<Response>;

describe("the filed request's PDF", () => {
  it("the applicant's copy: stored once, byte-identical on every request, strong ETag, 304 when current", async () => {
    const r = await filed();
    const cookie = `${r.reference}.${r.accessCode}`;
    const first = await applicant(cookie);
    expect(first.status).toBe(200);
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(first.headers.get("etag")).toBe(`"${sha(bytes)}"`);
    expect(first.headers.get("cache-control")).toBe("private, no-cache, no-transform");
    const text = await pdfText(Buffer.from(bytes));
    expect(text).toContain(r.reference);
    // Where to follow it: the lookup with the reference filled in, never the code (ADR 066).
    expect(text.replace(/\s+/g, "")).toContain(`/tra-cuu?ma-ho-so=${r.reference}`);
    expect(text.replace(/\s+/g, "")).not.toContain(r.accessCode.replaceAll("-", ""));
    expect(text).not.toContain(r.accessCode);
    const again = await applicant(cookie);
    expect(sha(new Uint8Array(await again.arrayBuffer()))).toBe(sha(bytes));
    const revalidated = await applicant(cookie, { "if-none-match": first.headers.get("etag")! });
    expect(revalidated.status).toBe(304);
    expect((await revalidated.arrayBuffer()).byteLength).toBe(0);
    const rows = await db.sql`select kind, version, locale from stored_documents where owner_id = ${r.requestId}`;
    expect(rows).toEqual([{ kind: "filing-request-pdf", version: 2, locale: "vi" }]);
    // Someone without the access code gets nothing, whatever they claim to hold.
    const wrong = await applicant(`${r.reference}.2222-2222-2222-2222`, { "if-none-match": first.headers.get("etag")! });
    expect(wrong.status).toBe(404);
    expect(wrong.headers.get("etag")).toBeNull();
  });

  it("the office's copy: the same stored document for the receiving office's staff, a 404 for another office's", async () => {
    const r = await filed();
    const session = async (email: string) => {
      const s = await signInStaff(db.sql, { email, password: DEMO_PASSWORD, ip: "203.0.113.9", userAgent: null, locale: "vi" });
      if (!s.ok) throw new Error("sign-in failed");
      return `${SESSION_COOKIE}=${s.token}`;
    };
    const office = (cookie: string, headers: Record<string, string> = {}) =>
      settle(officeRequestPdf(new Request(`http://localhost/staff/requests/${r.requestId}/pdf`, { headers: { cookie, ...headers } }), context, r.requestId)) as Promise<Response>;
    const clerk = await session("tiepnhan@thads.local");
    const first = await office(clerk);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(sha(new Uint8Array(await first.arrayBuffer()))).toBe(etag.slice(1, -1));
    expect((await office(clerk, { "if-none-match": etag })).status).toBe(304);
    const admin = await session("quantri@thads.local"); // an administrator of the central office: not a receiving office
    const refused = await office(admin, { "if-none-match": etag });
    expect(refused.status).toBe(404);
    expect((await office("", { "if-none-match": etag })).status).toBe(302); // not signed in: to the sign-in page
  });
});
