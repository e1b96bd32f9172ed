import { describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import { testServices } from "../../test/services";
import type { Pool } from "../db";
import * as receipt from "../../app/routes/staff.receipts.$id";
import * as receiptCancel from "../../app/routes/staff.receipts.$id_.cancel";
import * as refund from "../../app/routes/staff.refunds.$id";
import * as run from "../../app/routes/staff.reconciliation.$id";
import * as runCsv from "../../app/routes/staff.reconciliation.$id[.csv]";
import * as officeRequest from "../../app/routes/staff.requests.$id";
import * as officePdf from "../../app/routes/staff.requests.$id.pdf";
import * as officeFile from "../../app/routes/staff.requests.$id.files.$fileId";
import * as staffCase from "../../app/routes/staff.cases.$id";
import * as caseEvent from "../../app/routes/staff.cases.$id_.$event";
import * as caseDocument from "../../app/routes/staff.cases.$id_.documents.$seq";
import * as receiptPage from "../../app/routes/bien-lai.$code";
import * as receiptPdf from "../../app/routes/bien-lai.$code_.pdf";
import * as verification from "../../app/routes/xac-minh-bien-lai.$code";
import * as verificationJws from "../../app/routes/xac-minh-bien-lai.$code_.jws";
import * as resume from "../../app/routes/dich-vu.yeu-cau-thi-hanh-an.tiep-tuc.$token";
import * as paymentResult from "../../app/routes/dich-vu.nop-tien.ket-qua";
import * as notice from "../../app/routes/dich-vu.nop-tien.thong-bao";
import { isUuid } from "../../vocabulary/identity";

// Every route with an id in its URL (or query), given garbage ids, answers a 404 (410 for an unusable
// resume link) before any query, the session lookup included: the database here throws on first use.
const queried: string[] = [];
const noDatabase = new Proxy(() => {}, {
  get: (_t, p) => {
    queried.push(String(p));
    throw new Error("queried the database");
  },
  apply: () => {
    queried.push("call");
    throw new Error("queried the database");
  },
}) as unknown as Pool;
const context = { services: testServices(noDatabase), cspNonce: "n", requestId: "r", locale: "vi", clientIp: "127.0.0.1" } as AppLoadContext;

const GARBAGE = [
  "-".repeat(36),
  "not-a-uuid",
  "\u0000",
  "a\u0000b",
  "' or 1=1 --",
  "x".repeat(5000),
  "123e4567-e89b-12d3-a456-42661417400", // 35
  "123e4567-e89b-12d3-a456-4266141740000", // 37
  "123e4567e89b12d3a456426614174000", // no dashes (PostgreSQL would take it; ids are never written so)
  "g23e4567-e89b-12d3-a456-426614174000",
  "{123e4567-e89b-12d3-a456-426614174000}",
  "123e4567-e89b-12d3-a456-426614174000\n",
  "../../etc/passwd",
  "😀",
  "\ud800",
  "%00",
];
const VALID = "123e4567-e89b-12d3-a456-426614174000";

type Fn = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>;
const post = (path: string) => new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams({ reason: "Lý do huỷ biên lai đủ dài", action: "cancel", decision: "approve" }) });
const get = (path: string) => new Request(`http://localhost${path}`);

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RECEIPT_CODE = /^[A-Za-z0-9]{20,40}$/;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const TXN_REF = /^[A-Za-z0-9_-]{1,100}$/;
const withRef = (ref: string) => {
  const u = new URL("http://localhost/dich-vu/nop-tien/ket-qua");
  u.searchParams.set("ref", ref);
  return get(u.pathname + u.search);
};

// name, loader or action, its params, its request, the shape its id must have (anything else is garbage)
const ROUTES: [string, Fn, (id: string) => Record<string, string>, (id: string) => Request, RegExp, number[]?][] = [
  ["GET /staff/receipts/:id", receipt.loader as Fn, (id) => ({ id }), () => get("/staff/receipts/x"), UUID_SHAPE],
  ["GET /staff/receipts/:id/cancel", receiptCancel.loader as Fn, (id) => ({ id }), () => get("/staff/receipts/x/cancel"), UUID_SHAPE],
  ["POST /staff/receipts/:id/cancel", receiptCancel.action as Fn, (id) => ({ id }), () => post("/staff/receipts/x/cancel"), UUID_SHAPE],
  ["GET /staff/refunds/:id", refund.loader as Fn, (id) => ({ id }), () => get("/staff/refunds/x"), UUID_SHAPE],
  ["POST /staff/refunds/:id", refund.action as Fn, (id) => ({ id }), () => post("/staff/refunds/x"), UUID_SHAPE],
  ["GET /staff/reconciliation/:id", run.loader as Fn, (id) => ({ id }), () => get("/staff/reconciliation/x"), UUID_SHAPE],
  ["GET /staff/reconciliation/:id.csv", runCsv.loader as Fn, (id) => ({ id }), () => get("/staff/reconciliation/x.csv"), UUID_SHAPE],
  ["GET /staff/requests/:id", officeRequest.loader as Fn, (id) => ({ id }), () => get("/staff/requests/x"), UUID_SHAPE],
  ["GET /staff/cases/:id", staffCase.loader as Fn, (id) => ({ id }), () => get("/staff/cases/x"), UUID_SHAPE],
  ["GET /staff/requests/:id/pdf", officePdf.loader as Fn, (id) => ({ id }), () => get("/staff/requests/x/pdf"), UUID_SHAPE],
  ["GET /staff/requests/:id/files/:fileId (request id)", officeFile.loader as Fn, (id) => ({ id, fileId: VALID }), () => get("/staff/requests/x/files/y"), UUID_SHAPE],
  ["GET /staff/requests/:id/files/:fileId (file id)", officeFile.loader as Fn, (fileId) => ({ id: VALID, fileId }), () => get("/staff/requests/x/files/y"), UUID_SHAPE],
  ["GET /staff/cases/:id/:event", caseEvent.loader as Fn, (id) => ({ id, event: "accept" }), () => get("/staff/cases/x/accept"), UUID_SHAPE],
  ["POST /staff/cases/:id/:event", caseEvent.action as Fn, (id) => ({ id, event: "accept" }), () => post("/staff/cases/x/accept"), UUID_SHAPE],
  ["GET /staff/cases/:id/documents/:seq (case id)", caseDocument.loader as Fn, (id) => ({ id, seq: "2" }), () => get("/staff/cases/x/documents/2"), UUID_SHAPE],
  ["GET /staff/cases/:id/documents/:seq (seq)", caseDocument.loader as Fn, (seq) => ({ id: VALID, seq }), () => get("/staff/cases/x/documents/y"), /^\d{1,7}$/],
  ["GET /bien-lai/:code", receiptPage.loader as Fn, (code) => ({ code }), () => get("/bien-lai/x"), RECEIPT_CODE],
  ["GET /bien-lai/:code/pdf", receiptPdf.loader as Fn, (code) => ({ code }), () => get("/bien-lai/x/pdf"), RECEIPT_CODE],
  ["GET /xac-minh-bien-lai/:code", verification.loader as Fn, (code) => ({ code }), () => get("/xac-minh-bien-lai/x"), RECEIPT_CODE],
  ["GET /xac-minh-bien-lai/:code/jws", verificationJws.loader as Fn, (code) => ({ code }), () => get("/xac-minh-bien-lai/x/jws"), RECEIPT_CODE],
  ["GET /dich-vu/yeu-cau-thi-hanh-an/tiep-tuc/:token", resume.loader as Fn, (token) => ({ token }), () => get("/dich-vu/yeu-cau-thi-hanh-an/tiep-tuc/x"), TOKEN],
  ["GET /dich-vu/nop-tien/ket-qua?ref=", paymentResult.loader as Fn, () => ({}), withRef, TXN_REF],
  // A notice token that is not one the portal signed: back to the lookup ("expired"), before a query.
  ["GET /dich-vu/nop-tien/thong-bao?token=", notice.loader as Fn, () => ({}), (t) => get(`/dich-vu/nop-tien/thong-bao?token=${encodeURIComponent(t.replace(/[\ud800-\udfff]/g, ""))}`), /^$/, [302]],
];

/** The status a loader or action answered with, whether it returned or threw (Response or data()). */
async function statusOf(p: Promise<unknown>): Promise<number> {
  const read = (v: unknown) => (v instanceof Response ? v.status : ((v as { init?: { status?: number } })?.init?.status ?? 200));
  try {
    return read(await p);
  } catch (e) {
    if (e instanceof Error) throw e;
    return read(e);
  }
}

describe.each(ROUTES)("%s", (_name, fn, params, request, shape, expected = [404, 410]) => {
  const garbage = GARBAGE.filter((g) => !shape.test(g));
  it("is given at least ten garbage ids", () => expect(garbage.length).toBeGreaterThanOrEqual(10));
  it.each(garbage.map((g) => [JSON.stringify(g).slice(0, 40), g]))("%s → 404 without a query", async (_label, garbage) => {
    queried.length = 0;
    const status = await statusOf(fn({ request: request(garbage), params: params(garbage), context }));
    expect(expected).toContain(status);
    expect(queried).toEqual([]);
  });
});

describe("isUuid", () => {
  it("takes the 8-4-4-4-12 hex form only", () => {
    expect(isUuid(VALID)).toBe(true);
    expect(isUuid(VALID.toUpperCase())).toBe(true);
    for (const g of GARBAGE) expect(isUuid(g)).toBe(false);
    expect(isUuid(undefined)).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});
