import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queuedJobs } from "../../test/jobs";
import { createStaff } from "../accounts";
import type { Config, ReceiptJwk } from "../config";
import { cancelReceipt, checkReceipt, getReceipt, receiptClaims, receiptDocument, receiptForPayment, type ReceiptContent } from "./receipts.server";
import { signReceipt } from "./signing.server";
import { deliverReceipt } from "./jobs.server";
import { renderReceiptPdf } from "./pdf.server";
import { pdfText } from "../../test/pdf-text";
import { checkout, concurrentGets, ipnUrl, newNotice, paidNotice, paidParams, staffId, startHarness, type Harness } from "./test-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const receiptsOf = (attemptId: string) =>
  h.db.sql<{ id: string; number: number; code: string; status: string; jws: string | null }[]>`
    select id, number, code, status, jws from receipts where attempt_id = ${attemptId} order by number`;

describe("issuing the e-receipt with the credit", () => {
  it("issues one receipt in the crediting transaction, with the facts, the amount in words and a delivery job", async () => {
    const { attempt } = await paidNotice(h);
    const rows = await receiptsOf(attempt.id);
    expect(rows).toHaveLength(1);
    const unsigned = (await getReceipt(h.db.sql, { id: rows[0]!.id }))!;
    expect(unsigned.jws).toBeNull(); // signed right after commit, by the delivery job or the first reader
    const r = (await receiptDocument(h.services, { code: unsigned.code }))!.row;
    const c: ReceiptContent = r.payload;
    expect(c).toMatchObject({
      formNumber: "01BLTP-001",
      symbol: expect.stringMatching(/^TA\/\d\dE$/),
      number: expect.stringMatching(/^\d{7}$/),
      office: { code: "HNI-KV01", name: "Phòng Thi hành án dân sự khu vực 1 – Hà Nội" },
      payer: { name: "Nguyễn Văn An", idNumber: "••••••••2345" },
      reason: { court: "Tòa án nhân dân khu vực 1 – Hà Nội", caseReference: "Vụ án dân sự số 45/2026/TLST-DS" },
      amount: 1_250_000,
      amountInWords: "Một triệu hai trăm năm mươi nghìn đồng",
      method: { name: "VNPay", txnRef: attempt.txn_ref, transactionNo: expect.stringMatching(/^\d+$/), bankCode: "NCB" },
    });
    expect(c.reason.text).toContain("Nộp tiền tạm ứng án phí theo thông báo số TB-");
    const jobs = await queuedJobs<{ receiptId: string }>(h.db.sql, "deliver_receipt");
    expect(jobs.filter((j) => j.receiptId === r.id)).toHaveLength(1);
    expect(await receiptForPayment(h.db.sql, { txnRef: attempt.txn_ref })).toMatchObject({ code: r.code, status: "valid" });
  });

  it("one receipt per success even with duplicate and 30 concurrent IPNs", async () => {
    const n = await newNotice(h, { amount: 700_000 });
    const c = await checkout(h, n.id);
    const url = ipnUrl(h, paidParams(h, c.txnRef, 700_000));
    const replies = await concurrentGets(Array.from({ length: 30 }, () => url));
    expect(replies.filter((r) => r === "00")).toHaveLength(1);
    expect(replies.filter((r) => r === "02")).toHaveLength(29);
    const [a] = await h.db.sql<{ id: string }[]>`select id from payment_attempts where txn_ref = ${c.txnRef}`;
    expect(await receiptsOf(a!.id)).toHaveLength(1);
    // And again, later (VNPay retries): still one.
    expect((await concurrentGets([url, url]))).toEqual(["02", "02"]);
    expect(await receiptsOf(a!.id)).toHaveLength(1);
  });

  it("no receipt for a failed payment, a wrong amount, or a second payment of a paid notice", async () => {
    const n = await newNotice(h, { amount: 400_000 });
    const c = await checkout(h, n.id);
    expect((await concurrentGets([ipnUrl(h, paidParams(h, c.txnRef, 390_000))]))[0]).toBe("04");
    const [a] = await h.db.sql<{ id: string; refund_review: boolean }[]>`select id, refund_review from payment_attempts where txn_ref = ${c.txnRef}`;
    expect(a!.refund_review).toBe(true);
    expect(await receiptsOf(a!.id)).toHaveLength(0);
    expect(await receiptForPayment(h.db.sql, { txnRef: c.txnRef })).toBeNull();
  });

  it("numbers are gapless and unique per office and year under 100 concurrent successes", async () => {
    const office = "DNG-KV02"; // an office no other test pays into
    const attempts = [];
    for (let i = 0; i < 100; i++) {
      const n = await newNotice(h, { amount: 100_000 + i, agencyCode: office });
      attempts.push({ c: await checkout(h, n.id), amount: 100_000 + i });
    }
    const replies = await concurrentGets(attempts.map(({ c, amount }, i) => ipnUrl(h, paidParams(h, c.txnRef, amount, String(15_000_000 + i)))));
    expect(replies.every((r) => r === "00")).toBe(true);
    const rows = await h.db.sql<{ number: number; amount: number; txn_ref: string }[]>`
      select r.number, r.amount, p.txn_ref from receipts r join payment_attempts p on p.id = r.attempt_id
      join agencies a on a.id = r.agency_id where a.code = ${office} order by r.number`;
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.txn_ref)).size).toBe(100);
    const [counter] = await h.db.sql<{ last_number: number }[]>`
      select last_number from receipt_counters c join agencies a on a.id = c.agency_id where a.code = ${office}`;
    expect(counter!.last_number).toBe(100);
  }, 60_000);
});

describe("verification with the published keys alone", () => {
  async function fetchedJwks(): Promise<JSONWebKeySet> {
    const res = await fetch(`${h.base}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/jwk-set+json");
    const jwks = (await res.json()) as JSONWebKeySet;
    for (const k of jwks.keys) expect(k).not.toHaveProperty("d");
    return jwks;
  }

  it("an independent verifier (jose over the fetched JWKS) accepts a real receipt", async () => {
    const { attempt } = await paidNotice(h, { amount: 2_345_000 });
    const [row] = await receiptsOf(attempt.id);
    const doc = (await receiptDocument(h.services, { code: row!.code }))!; // signs it
    const jws = doc.row.jws!;
    const header = decodeProtectedHeader(jws);
    expect(header).toMatchObject({ alg: "ES256", typ: "thads-receipt+jwt", kid: h.services.config.RECEIPT_SIGNING_KEYS[0]!.kid });
    const { payload } = await jwtVerify(jws, createLocalJWKSet(await fetchedJwks()), { issuer: h.base });
    expect(payload).toMatchObject({ jti: row!.id, receipt: { amount: 2_345_000, amountInWords: "Hai triệu ba trăm bốn mươi lăm nghìn đồng", method: { txnRef: attempt.txn_ref } } });
    expect(await checkReceipt(h.services, { code: row!.code })).toMatchObject({ state: "valid", signature: { ok: true }, replacedBy: null });
  });

  it("a tampered receipt is rejected: changed payload, changed signature, changed record", async () => {
    const { attempt } = await paidNotice(h, { amount: 500_000 });
    const [row] = await receiptsOf(attempt.id);
    const jws = (await receiptDocument(h.services, { code: row!.code }))!.row.jws!;
    const [head, body, sig] = jws.split(".");
    const claims = JSON.parse(Buffer.from(body!, "base64url").toString("utf8"));
    claims.receipt.amount = 5_000_000;
    const forged = `${head}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${sig}`;
    const jwks = createLocalJWKSet(await fetchedJwks());
    await expect(jwtVerify(forged, jwks)).rejects.toThrow(/signature verification failed/);
    const badSig = `${head}.${body}.${sig!.slice(0, -4)}${sig!.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(jwtVerify(badSig, jwks)).rejects.toThrow();

    // A forged JWS stored in the database, or a record changed after signing: the public page says invalid.
    await h.db.sql`update receipts set jws = ${forged} where id = ${row!.id}`;
    expect((await checkReceipt(h.services, { code: row!.code }))!.signature).toMatchObject({ ok: false });
    // Exactly the claims the record holds, but signed by a key that is not ours (under our key id): invalid.
    const stored = (await getReceipt(h.db.sql, { id: row!.id }))!;
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const otherKey = { ...(await exportJWK(privateKey)), kid: h.services.config.RECEIPT_SIGNING_KEYS[0]!.kid } as ReceiptJwk;
    const otherJws = (await signReceipt({ RECEIPT_SIGNING_KEYS: [otherKey] } as unknown as Config, receiptClaims(h.services.config, stored))).jws;
    await h.db.sql`update receipts set jws = ${otherJws} where id = ${row!.id}`;
    const byOtherKey = (await checkReceipt(h.services, { code: row!.code }))!;
    expect(byOtherKey.signature).toEqual({ ok: false, reason: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    expect(byOtherKey.signed).toBeNull();
    await h.db.sql`update receipts set jws = ${jws}, payload = jsonb_set(payload, '{payer,name}', '"Người Khác"') where id = ${row!.id}`;
    expect((await checkReceipt(h.services, { code: row!.code }))!.signature).toEqual({ ok: false, reason: "content-differs" });
  });
});

describe("delivery", () => {
  it("e-mails the receipt as a PDF with an embedded Vietnamese font, in the payer's language", async () => {
    const { attempt } = await paidNotice(h, { amount: 1_250_000, locale: "en" });
    const [row] = await receiptsOf(attempt.id);
    const sent: { to: string; subject: string; text: string; attachments?: { filename: string; content: Buffer }[] }[] = [];
    const task = deliverReceipt({ ...h.services, mailer: { mode: "outbox", close: () => {}, send: async (m) => (sent.push(m), { messageId: "x" }) } });
    await task({ receiptId: row!.id }, {} as never);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe("payer@example.vn");
    expect(sent[0]!.subject).toMatch(/^Electronic receipt TA\/\d\dE no\. \d{7}/);
    expect(sent[0]!.text).toContain(`/xac-minh-bien-lai/${row!.code}`);
    const pdf = sent[0]!.attachments![0]!;
    expect(pdf.filename).toMatch(/^bien-lai-TA-\d\dE-\d{7}\.pdf$/);
    expect(pdf.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.content.toString("latin1")).toMatch(/NotoSans/);
    expect((await getReceipt(h.db.sql, { id: row!.id }))!.jws).toBeTruthy();
  });

  it("renders a cancelled receipt with its stamp", async () => {
    const { attempt } = await paidNotice(h);
    const [row] = await receiptsOf(attempt.id);
    const r = (await receiptDocument(h.services, { code: row!.code }))!.row;
    const pdf = await renderReceiptPdf({ content: r.payload, verifyUrl: "http://x/y", kid: "k", status: "cancelled", cancelledAt: new Date(), replacedByNumber: "0000009", locale: "vi" });
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});

describe("who paid, on the receipt", () => {
  const render = (c: ReceiptContent, locale: "vi" | "en" = "vi") =>
    renderReceiptPdf({ content: c, verifyUrl: "http://x/y", kid: "k", status: "valid", cancelledAt: null, replacedByNumber: null, locale }).then(pdfText);

  it("a person: full name and the ID number masked; the PDF's text layer reads every letter back", async () => {
    const { attempt } = await paidNotice(h, { payerName: "Đặng Thị Hồng Ngọc", payerAddress: "Số 5 ngõ Huyện, quận Hoàn Kiếm, Hà Nội" });
    const [row] = await receiptsOf(attempt.id);
    const c = (await receiptDocument(h.services, { code: row!.code }))!.content;
    expect(c.payer).toEqual({ kind: "person", name: "Đặng Thị Hồng Ngọc", idNumber: "••••••••2345", address: "Số 5 ngõ Huyện, quận Hoàn Kiếm, Hà Nội" });
    const text = await render(c);
    expect(text).toContain("Họ và tên người nộp tiền: Đặng Thị Hồng Ngọc");
    expect(text).toContain("Số giấy tờ: ••••••••2345");
    expect(text).toContain("Địa chỉ: Số 5 ngõ Huyện, quận Hoàn Kiếm, Hà Nội");
    expect(text).toContain("BIÊN LAI THU TIỀN TẠM ỨNG ÁN PHÍ");
    expect(text).toContain("Một triệu hai trăm năm mươi nghìn đồng");
    expect(text).not.toMatch(/Mã số thuế|Tên tổ chức/);
  });

  it("an organisation (named by a tax code): its tax code in full, its name labelled as an organisation's", async () => {
    const { attempt } = await paidNotice(h, { payerName: "Công ty TNHH Thương mại Hải Đăng", payerIdNumber: "0100109106", payerAddress: "Số 1 Đại Cồ Việt, Hà Nội" });
    const [row] = await receiptsOf(attempt.id);
    const doc = (await receiptDocument(h.services, { code: row!.code }))!;
    expect(doc.content.payer).toEqual({ kind: "organisation", name: "Công ty TNHH Thương mại Hải Đăng", idNumber: "0100109106", address: "Số 1 Đại Cồ Việt, Hà Nội" });
    const vi = await render(doc.content);
    expect(vi).toContain("Tên tổ chức nộp tiền: Công ty TNHH Thương mại Hải Đăng");
    expect(vi).toContain("Mã số thuế: 0100109106");
    expect(vi).not.toMatch(/Họ và tên người nộp|•/);
    const en = await render(doc.content, "en");
    expect(en).toContain("Paying organisation: Công ty TNHH Thương mại Hải Đăng");
    expect(en).toContain("Tax code: 0100109106");
    // The signed payload says the same (what the verification page shows).
    expect(await checkReceipt(h.services, { code: row!.code })).toMatchObject({ signed: { receipt: { payer: { kind: "organisation", idNumber: "0100109106" } } } });
  });
});

describe("cancellation and replacement", () => {
  it("the issuing office's accountant cancels with a reason (audited); the receipt stays verifiable as cancelled", async () => {
    const { attempt } = await paidNotice(h);
    const [row] = await receiptsOf(attempt.id);
    const accountant = await staffId(h, "ketoan@thads.local");
    const r = await cancelReceipt(h.db.sql, { receiptId: row!.id, reason: "Thanh toán bị trùng, đã hoàn trả", replace: false }, { staffId: accountant, ip: "127.0.0.1", requestId: "req-1" });
    expect(r).toMatchObject({ ok: true, replacement: null });
    expect(await checkReceipt(h.services, { code: row!.code })).toMatchObject({ state: "cancelled", signature: { ok: true }, replacedBy: null });
    const [log] = await h.db.sql<{ action: string; details: { reason: string } }[]>`
      select action, details from audit_log where target_id = ${row!.id}`;
    expect(log).toMatchObject({ action: "receipt.cancel", details: { reason: "Thanh toán bị trùng, đã hoàn trả" } });
    expect(await cancelReceipt(h.db.sql, { receiptId: row!.id, reason: "again and again", replace: false }, { staffId: accountant, ip: null, requestId: null })).toEqual({ ok: false, error: "already-cancelled" });
  });

  it("replacement: a new number with corrected details; the old one says 'cancelled, replaced by N'", async () => {
    const { attempt } = await paidNotice(h);
    const [row] = await receiptsOf(attempt.id);
    const accountant = await staffId(h, "ketoan@thads.local");
    const r = await cancelReceipt(
      h.db.sql,
      { receiptId: row!.id, reason: "Ghi sai họ tên người nộp tiền", replace: true, payerName: "Nguyễn Văn Ân", payerAddress: "Số 12 phố Huế, Hà Nội" },
      { staffId: accountant, ip: null, requestId: null },
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.replacement!.number).toBeGreaterThan(row!.number);
    const old = (await checkReceipt(h.services, { code: row!.code }))!;
    expect(old).toMatchObject({ state: "cancelled", signature: { ok: true }, replacedBy: { code: r.replacement!.code } });
    const repl = (await checkReceipt(h.services, { code: r.replacement!.code }))!;
    expect(repl).toMatchObject({ state: "valid", signature: { ok: true } });
    expect(repl.receipt.payload).toMatchObject({ payer: { name: "Nguyễn Văn Ân" }, replaces: { code: row!.code } });
    expect(await receiptForPayment(h.db.sql, { txnRef: attempt.txn_ref })).toMatchObject({ code: r.replacement!.code, status: "valid" });
    const jobs = await queuedJobs<{ receiptId: string }>(h.db.sql, "deliver_receipt");
    expect(jobs.some((j) => j.receiptId === r.replacement!.id)).toBe(true);
  });

  it("only an accountant of the issuing office may cancel", async () => {
    const { attempt } = await paidNotice(h);
    const [row] = await receiptsOf(attempt.id);
    const head = await staffId(h, "thutruong@thads.local");
    const [hcm] = await h.db.sql<{ id: string }[]>`select id from agencies where code = 'HCM-KV01'`;
    const other = await createStaff(h.db.sql, { email: "ketoan.hcm@thads.local", fullName: "Kế toán HCM", password: "x".repeat(12), roles: [{ role: "accountant", agencyId: hcm!.id }] });
    for (const actor of [head, other]) {
      expect(await cancelReceipt(h.db.sql, { receiptId: row!.id, reason: "không có quyền hủy", replace: false }, { staffId: actor, ip: null, requestId: null })).toEqual({ ok: false, error: "not-found" });
    }
    expect((await receiptsOf(attempt.id))[0]!.status).toBe("valid");
  });
});
