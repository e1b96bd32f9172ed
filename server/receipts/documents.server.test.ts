import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AppLoadContext } from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.server";
import { detectLocale } from "../../vocabulary/i18n/config";
import { pdfText } from "../../test/pdf-text";
import * as receiptPdfRoute from "../../app/routes/bien-lai.$code_.pdf";
import { cancelReceipt } from "./receipts.server";
import { deliverReceipt } from "./jobs.server";
import { receiptQrDataUri } from "./documents.server";
import { paidNotice, staffId, startHarness, type Harness } from "./test-harness";

// The receipt PDF route (its Remix loader) behind the portal's own middleware, no-store for personal
// paths included, so what is checked is what a browser gets.
let h: Harness;
let server: http.Server;
let base: string;

async function asExpress(req: ExpressRequest, res: ExpressResponse) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const request = new Request(`http://localhost${req.originalUrl}`, { headers });
  const context = { services: h.services, locale: detectLocale(req.get("cookie"), req.get("accept-language")) } as AppLoadContext;
  const response = (await receiptPdfRoute.loader({ request, params: { code: req.params.code! }, context })) as Response;
  res.status(response.status);
  for (const [k, v] of response.headers.entries()) res.append(k, v);
  res.end(Buffer.from(await response.arrayBuffer()));
}

beforeAll(async () => {
  h = await startHarness();
  const app = createApp({
    services: h.services,
    build: () => Promise.reject(new Error("no Remix in this test")),
    beforeRemix: (a) => a.get("/bien-lai/:code/pdf", (req, res, next) => void asExpress(req, res).catch(next)),
  });
  server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await h?.close();
});

type Sent = { attachments?: { filename: string; content: Buffer }[] };
async function delivered(receiptId: string): Promise<Buffer> {
  const sent: Sent[] = [];
  await deliverReceipt({ ...h.services, mailer: { mode: "outbox", close: () => {}, send: async (m) => (sent.push(m), { messageId: "x" }) } })({ receiptId }, {} as never);
  return sent[0]!.attachments![0]!.content;
}
const receiptOf = async (attemptId: string) =>
  (await h.db.sql<{ id: string; code: string }[]>`select id, code from receipts where attempt_id = ${attemptId} order by number limit 1`)[0]!;
const stored = (ownerId: string) =>
  h.db.sql<{ kind: string; version: number; locale: string; sha256: string }[]>`
    select kind, version, locale, sha256 from stored_documents where owner_id = ${ownerId} order by kind, version, locale`;
// Through the Remix route's loader (this file's server) or the Express mount that answers it first (the harness's).
let via: "remix" | "express" = "remix";
const get = (code: string, headers: Record<string, string> = {}) =>
  fetch(`${via === "remix" ? base : h.base}/bien-lai/${code}/pdf`, { headers: { "accept-language": "vi", ...headers } });
const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");

describe.each(["remix", "express"] as const)("the receipt PDF, stored per version (%s)", (through) => {
  beforeAll(() => {
    via = through;
  });

  it("is the PDF the e-mail attached, byte for byte, on every request, with its SHA-256 as a strong ETag", async () => {
    const { attempt } = await paidNotice(h, { locale: "en" });
    const r = await receiptOf(attempt.id);
    const attached = await delivered(r.id);
    const first = await get(r.code, { "accept-language": "en" });
    expect(first.status).toBe(200);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.equals(attached)).toBe(true);
    expect(first.headers.get("etag")).toBe(`"${sha(attached)}"`);
    expect(first.headers.get("cache-control")).toBe("private, no-cache, no-transform");
    expect(first.headers.get("content-type")).toBe("application/pdf");
    expect(first.headers.get("x-thads-stored-document")).toBeNull();
    const again = await get(r.code, { "accept-language": "en" });
    expect(Buffer.from(await again.arrayBuffer()).equals(attached)).toBe(true);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    // Stored once, in the payer's language; the other language is its own document.
    expect(await stored(r.id)).toEqual([{ kind: "receipt-pdf", version: 1, locale: "en", sha256: sha(attached) }]);
    const vi = await get(r.code);
    expect(vi.headers.get("etag")).not.toBe(first.headers.get("etag"));
    expect(await pdfText(Buffer.from(await vi.arrayBuffer()))).toContain("BIÊN LAI");
  });

  it("If-None-Match with the current ETag: 304 without a body; another tag: the document", async () => {
    const { attempt } = await paidNotice(h);
    const r = await receiptOf(attempt.id);
    const first = await get(r.code);
    const etag = first.headers.get("etag")!;
    const revalidated = await get(r.code, { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect((await revalidated.arrayBuffer()).byteLength).toBe(0);
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(revalidated.headers.get("cache-control")).toBe("private, no-cache, no-transform");
    expect((await get(r.code, { "if-none-match": `W/${etag}` })).status).toBe(304);
    const other = await get(r.code, { "if-none-match": `"${"0".repeat(64)}"` });
    expect(other.status).toBe(200);
    expect(sha(new Uint8Array(await other.arrayBuffer()))).toBe(etag.slice(1, -1));
  });

  it("renders on first request a receipt that was never stored (issued before storage, or not delivered yet)", async () => {
    const { attempt } = await paidNotice(h);
    const r = await receiptOf(attempt.id);
    expect(await stored(r.id)).toEqual([]);
    const res = await get(r.code);
    expect(res.status).toBe(200);
    const [row] = await stored(r.id);
    expect(row).toMatchObject({ kind: "receipt-pdf", version: 1, locale: "vi", sha256: res.headers.get("etag")!.slice(1, -1) });
  });

  it("a cancelled receipt is a new version: a new ETag at the same URL, stamped, and the old copy is no longer current", async () => {
    const { attempt } = await paidNotice(h);
    const r = await receiptOf(attempt.id);
    const before = await get(r.code);
    const oldTag = before.headers.get("etag")!;
    expect(await pdfText(Buffer.from(await before.arrayBuffer()))).not.toContain("đã bị hủy ngày");
    const accountant = await staffId(h, "ketoan@thads.local");
    expect(await cancelReceipt(h.db.sql, { receiptId: r.id, reason: "Thanh toán bị trùng, đã hoàn trả", replace: false }, { staffId: accountant, ip: null, requestId: null })).toMatchObject({ ok: true });
    const after = await get(r.code, { "if-none-match": oldTag });
    expect(after.status).toBe(200);
    const newTag = after.headers.get("etag")!;
    expect(newTag).not.toBe(oldTag);
    expect(await pdfText(Buffer.from(await after.arrayBuffer()))).toContain("đã bị hủy ngày");
    expect((await get(r.code, { "if-none-match": newTag })).status).toBe(304);
    expect((await stored(r.id)).map((d) => [d.kind, d.version])).toEqual([["receipt-pdf", 1], ["receipt-pdf", 2]]);
  });

  it("is read by its code only, as before: an unknown code is a 404 whatever the If-None-Match, and nothing is stored", async () => {
    const { attempt } = await paidNotice(h);
    const r = await receiptOf(attempt.id);
    const tag = (await get(r.code)).headers.get("etag")!;
    const [count] = await h.db.sql<{ n: number }[]>`select count(*)::int as n from stored_documents`;
    for (const code of ["A".repeat(24), r.code.slice(0, -1) + (r.code.endsWith("A") ? "B" : "A"), "not a code"]) {
      for (const inm of [tag, "*", undefined]) {
        const res = await get(code, inm ? { "if-none-match": inm } : {});
        expect([code, inm, res.status]).toEqual([code, inm, 404]);
        expect(res.headers.get("etag")).toBeNull();
        expect(res.headers.get("cache-control")).toBe("no-store");
      }
    }
    const [after] = await h.db.sql<{ n: number }[]>`select count(*)::int as n from stored_documents`;
    expect(after!.n).toBe(count!.n);
  });
});

describe("the receipt's QR code", () => {
  it("is stored once and served from storage, the verification address in it", async () => {
    const { attempt } = await paidNotice(h);
    const r = await receiptOf(attempt.id);
    const one = await receiptQrDataUri(h.services, r);
    const two = await receiptQrDataUri(h.services, r);
    expect(two).toBe(one);
    expect(one).toMatch(/^data:image\/svg\+xml;base64,/);
    expect((await stored(r.id)).map((d) => d.kind)).toEqual(["receipt-qr"]);
    const [row] = await h.db.sql<{ bytes: Buffer }[]>`select bytes from stored_documents where owner_id = ${r.id} and kind = 'receipt-qr'`;
    expect(row!.bytes.toString()).toMatch(/^<svg/);
  });
});
