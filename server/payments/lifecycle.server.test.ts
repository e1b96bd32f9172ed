import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { queuedJobs, queuedJobsAbout } from "../../test/jobs";
import { createApp } from "../app.server";
import type { Services } from "../services";
import { seedDemo } from "../seed.server";
import { mountPayments, type PaymentsMount } from "./http.server";
import { handleIpn, startCheckout, sweepOpenAttempts } from "./lifecycle.server";
import { vnpayFor } from "./gateway.server";
import { noticePage, paymentResultPage } from "../receipts";
import { verifyNoticeToken } from "./access.server";
import { insertNotice } from "./notices.server";
import { signParams } from "./vnpay";
import { flushJobOutbox } from "../jobs";
import { taskList } from "../tasks.server";

let db: TestDatabase;
let server: http.Server;
let base: string;
let services: Services;
let payments: PaymentsMount;

async function listen(s: http.Server): Promise<string> {
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  server = http.createServer();
  base = await listen(server);
  services = testServices(db.sql, { env: { BASE_URL: base } });
  const app = createApp({
    services,
    build: () => Promise.reject(new Error("no Remix in this test")),
    beforeRemix: (a) => (payments = mountPayments(a, services, { sandbox: { retry: { attempts: 3, intervalMs: 30 } } })),
  });
  server.on("request", app);
});

afterAll(async () => {
  payments?.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await db.drop();
});

const mailCount = async () => (await db.sql<{ n: number }[]>`select count(*)::int as n from mail_outbox`)[0]!.n;

async function newNotice(amount = 1_250_000) {
  const [court] = await db.sql<{ id: string }[]>`select id from courts where code = 'TAND-HNI-KV01'`;
  const [agency] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  return insertNotice(db.sql, {
    courtCode: "TAND-HNI-KV01",
    caseReference: "Vụ án dân sự số 1/2026/TLST-DS",
    payerName: "Lê Văn Bình",
    payerIdNumber: "001085012345",
    payerAddress: "Hà Nội",
    amount,
    dueDate: "2026-12-31",
    courtId: court!.id,
    agencyId: agency!.id,
    source: "form",
  });
}

async function checkout(noticeId: string, locale: "vi" | "en" = "vi") {
  const r = await startCheckout(services, { noticeId, email: "payer@example.vn", locale, ip: "::1" });
  if (!r.ok) throw new Error(r.reason);
  return r;
}

/** Opens the sandbox page like a browser and submits the tester's choice; returns the return URL. */
async function payInSandbox(url: string, form: Record<string, string>) {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  const pageId = /name="page" value="([0-9a-f]+)"/.exec(html)![1]!;
  const res = await fetch(`${base}/sandbox/vnpay/paymentv2/pay`, {
    method: "POST",
    body: new URLSearchParams({ page: pageId, bank: "NCB", ...form }),
    redirect: "manual",
  });
  expect(res.status).toBe(303);
  return new URL(res.headers.get("location")!);
}

const attempt = async (txnRef: string) =>
  (await db.sql<{ state: string; refund_review: boolean; refund_review_reason: string | null; notice_id: string }[]>`
    select state, refund_review, refund_review_reason, notice_id from payment_attempts where txn_ref = ${txnRef}`)[0]!;
const notice = async (id: string) =>
  (await db.sql<{ status: string; paid_attempt_id: string | null }[]>`select status, paid_attempt_id from fee_notices where id = ${id}`)[0]!;
const notifications = (txnRef: string) =>
  db.sql<{ rsp_code: string; signature_ok: boolean | null }[]>`select rsp_code, signature_ok from gateway_notifications where txn_ref = ${txnRef} order by id`;
const ipn = async (params: Record<string, string>, hash?: string) => {
  const { query, hash: good } = signParams(services.config.VNPAY_HASH_SECRET, params);
  const res = await fetch(`${base}/payments/vnpay/ipn?${query}&vnp_SecureHash=${hash ?? good}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { RspCode: string; Message: string };
};
const paidParams = (txnRef: string, amount: number, extra: Record<string, string> = {}) => ({
  vnp_Amount: String(amount * 100),
  vnp_BankCode: "NCB",
  vnp_OrderInfo: "Nop tam ung an phi",
  vnp_PayDate: "20260102100405",
  vnp_ResponseCode: "00",
  vnp_TmnCode: services.config.VNPAY_TMN_CODE,
  vnp_TransactionNo: "14000001",
  vnp_TransactionStatus: "00",
  vnp_TxnRef: txnRef,
  ...extra,
});

describe("the payment journey through the sandbox", () => {
  it("pays: signed redirect back, IPN applied once, notice credited, one e-mail (the receipt) in the payer's language", async () => {
    const n = await newNotice();
    const c = await checkout(n.id, "en");
    expect((await attempt(c.txnRef)).state).toBe("redirected");
    const back = await payInSandbox(c.url, { outcome: "success" });
    expect(back.pathname).toBe("/dich-vu/nop-tien/ket-qua");
    expect(vnpayFor(services.config).returns.verify(back.searchParams)).toMatchObject({ paid: true, amount: 1_250_000, txnRef: c.txnRef });
    await payments.sandbox!.ipn.idle();
    expect((await attempt(c.txnRef)).state).toBe("succeeded");
    expect(await notice(n.id)).toMatchObject({ status: "paid" });
    expect(await notifications(c.txnRef)).toEqual([{ rsp_code: "00", signature_ok: true }]);
    await payments.outbox.idle(); // the IPN asked for the job outbox to be flushed
    const [a] = await db.sql<{ id: string }[]>`select id from payment_attempts where txn_ref = ${c.txnRef}`;
    expect(await queuedJobs(db.sql, "send_payment_confirmation")).toEqual([]);
    const events = await db.sql<{ kind: string; to_state: string | null }[]>`
      select kind, to_state from payment_events where attempt_id = ${a!.id} order by id`;
    expect(events).toEqual([
      { kind: "created", to_state: "created" },
      { kind: "redirected", to_state: "redirected" },
      { kind: "ipn", to_state: "succeeded" },
    ]);
    // Every job the credit queued, run for real into the outbox: exactly one e-mail, the receipt that
    // confirms the payment, in the payer's language (English here).
    const [receipt] = await db.sql<{ id: string }[]>`select id from receipts where attempt_id = ${a!.id}`;
    const owed = await queuedJobsAbout(db.sql, [a!.id, receipt!.id]);
    expect(owed.map((j) => j.task)).toEqual(["deliver_receipt"]);
    const before = await mailCount();
    const tasks = taskList(services);
    for (const j of owed) await tasks[j.task]!(j.payload, {} as never);
    expect((await mailCount()) - before).toBe(1);
    const [mail] = await db.sql<{ to_address: string; subject: string; text_body: string }[]>`
      select to_address, subject, text_body from mail_outbox order by id desc limit 1`;
    expect(mail!.to_address).toBe("payer@example.vn");
    expect(mail!.subject).toMatch(new RegExp(`^Electronic receipt TA/\\d\\dE no\\. \\d{7}: advance court fee received for notice ${n.noticeNumber}$`));
    expect(mail!.text_body).toContain("Amount paid: VND 1,250,000");
    expect(mail!.text_body).toContain("Dear Lê Văn Bình,");
    expect(mail!.text_body).toContain(`Transaction reference: ${c.txnRef}`);
    expect(mail!.text_body).not.toMatch(/will issue|sẽ được/);
    // A confirmation job queued before issue 10 (one e-mail per credit) sends nothing.
    await tasks.send_payment_confirmation!({ attemptId: a!.id }, {} as never);
    expect((await mailCount()) - before).toBe(1);
    // A paid notice cannot be paid again.
    expect(await startCheckout(services, { noticeId: n.id, email: "x@example.vn", locale: "vi", ip: null })).toEqual({ ok: false, reason: "paid" });
  });

  it.each([
    ["cancel", "cancelled"],
    ["insufficient", "failed"],
    ["timeout", "expired"],
  ])("records %s as %s and answers 00", async (outcome, state) => {
    const n = await newNotice();
    const c = await checkout(n.id);
    await payInSandbox(c.url, { outcome });
    await payments.sandbox!.ipn.idle();
    expect((await attempt(c.txnRef)).state).toBe(state);
    expect(await notice(n.id)).toMatchObject({ status: "unpaid" });
    expect((await notifications(c.txnRef)).map((x) => x.rsp_code)).toEqual(["00"]);
  });

  it("a duplicated IPN is applied once: 00 then 02", async () => {
    const n = await newNotice();
    const c = await checkout(n.id);
    await payInSandbox(c.url, { outcome: "success", duplicate: "1" });
    await payments.sandbox!.ipn.idle();
    expect((await notifications(c.txnRef)).map((x) => x.rsp_code).sort()).toEqual(["00", "02"]);
    expect(await notice(n.id)).toMatchObject({ status: "paid" });
  });

  it("a signed IPN with a wrong amount answers 04, is retried like VNPay, credits nothing and goes to refund review", async () => {
    const n = await newNotice();
    const c = await checkout(n.id);
    await payInSandbox(c.url, { outcome: "success", wrongAmount: "1" });
    await payments.sandbox!.ipn.idle();
    expect((await notifications(c.txnRef)).map((x) => x.rsp_code)).toEqual(["04", "04", "04"]);
    expect(payments.sandbox!.ipn.deliveries.filter((d) => d.txnRef === c.txnRef)).toHaveLength(3);
    expect(await attempt(c.txnRef)).toMatchObject({ state: "redirected", refund_review: true, refund_review_reason: "amount-mismatch" });
    expect(await notice(n.id)).toMatchObject({ status: "unpaid" });
  });

  it("a lost IPN is settled by the sweep with querydr", async () => {
    const n = await newNotice();
    const c = await checkout(n.id);
    await payInSandbox(c.url, { outcome: "success", drop: "1" });
    await payments.sandbox!.ipn.idle();
    expect(await notifications(c.txnRef)).toEqual([]);
    expect((await attempt(c.txnRef)).state).toBe("redirected");
    await db.sql`update payment_attempts set expires_at = now() - interval '10 minutes' where txn_ref = ${c.txnRef}`;
    const result = await sweepOpenAttempts({ sql: db.sql, vnpay: vnpayFor(services.config), log: services.log });
    expect(result.settled.succeeded).toBeGreaterThanOrEqual(1);
    expect((await attempt(c.txnRef)).state).toBe("succeeded");
    expect(await notice(n.id)).toMatchObject({ status: "paid" });
    // The querydr credit flushed its own e-mail into the queue.
    const [a] = await db.sql<{ id: string }[]>`select id from payment_attempts where txn_ref = ${c.txnRef}`;
    const [receipt] = await db.sql<{ id: string }[]>`select id from receipts where attempt_id = ${a!.id}`;
    expect((await queuedJobsAbout(db.sql, [a!.id, receipt!.id])).map((j) => j.task)).toEqual(["deliver_receipt"]);
  });

  it("the receipt delivery (the one e-mail) owed by a credit whose process stopped before flushing is moved by the cron task, once", async () => {
    const n = await newNotice(700_000);
    const c = await checkout(n.id);
    const { query, hash } = signParams(services.config.VNPAY_HASH_SECRET, paidParams(c.txnRef, 700_000));
    // No onCredit: as if the process stopped right after the commit.
    const r = await handleIpn({ sql: db.sql, vnpay: vnpayFor(services.config), log: services.log }, { rawQuery: `${query}&vnp_SecureHash=${hash}`, remoteIp: null });
    expect(r.RspCode).toBe("00");
    const [a] = await db.sql<{ id: string }[]>`select id from payment_attempts where txn_ref = ${c.txnRef}`;
    const [receipt] = await db.sql<{ id: string }[]>`select id from receipts where attempt_id = ${a!.id}`;
    const deliveries = async () => (await queuedJobs<{ receiptId: string }>(db.sql, "deliver_receipt")).filter((j) => j.receiptId === receipt!.id);
    expect(await deliveries()).toHaveLength(0);
    await taskList(services).flush_job_outbox!({}, {} as never);
    expect(await deliveries()).toHaveLength(1);
    expect(await flushJobOutbox(db.sql)).toBe(0);
    expect(await deliveries()).toHaveLength(1);
    expect((await queuedJobsAbout(db.sql, [a!.id, receipt!.id])).map((j) => j.task)).toEqual(["deliver_receipt"]);
  });

  it("the sweep expires an attempt the customer never paid", async () => {
    const n = await newNotice();
    const c = await checkout(n.id);
    await fetch(c.url); // the customer looked at the gateway page and left
    await db.sql`update payment_attempts set expires_at = now() - interval '10 minutes' where txn_ref = ${c.txnRef}`;
    await sweepOpenAttempts({ sql: db.sql, vnpay: vnpayFor(services.config), log: services.log });
    expect((await attempt(c.txnRef)).state).toBe("expired");
    // A new checkout can start.
    const again = await checkout(n.id);
    expect(again.txnRef).not.toBe(c.txnRef);
  });

  it("reuses the open attempt while its window lasts, and supersedes it when close to expiry", async () => {
    const n = await newNotice();
    const first = await checkout(n.id);
    const second = await checkout(n.id);
    expect(second).toMatchObject({ reused: true, txnRef: first.txnRef });
    await db.sql`update payment_attempts set expires_at = now() + interval '30 seconds' where txn_ref = ${first.txnRef}`;
    const third = await checkout(n.id);
    expect(third.reused).toBe(false);
    expect((await attempt(first.txnRef)).state).toBe("expired");
  });

  it("a second success at the gateway (race) is recorded and flagged for refund review, never credited twice", async () => {
    const n = await newNotice();
    const a = await checkout(n.id);
    const pageA = await fetch(a.url).then((r) => r.text());
    await db.sql`update payment_attempts set expires_at = now() + interval '30 seconds' where txn_ref = ${a.txnRef}`;
    const b = await checkout(n.id); // supersedes A while A's gateway page is still open
    await payInSandbox(b.url, { outcome: "success" });
    await payments.sandbox!.ipn.idle(); // B's IPN first: B credits the notice
    const pageId = /name="page" value="([0-9a-f]+)"/.exec(pageA)![1]!;
    await fetch(`${base}/sandbox/vnpay/paymentv2/pay`, { method: "POST", body: new URLSearchParams({ page: pageId, outcome: "success" }), redirect: "manual" });
    await payments.sandbox!.ipn.idle();
    expect(await attempt(b.txnRef)).toMatchObject({ state: "succeeded", refund_review: false });
    expect(await attempt(a.txnRef)).toMatchObject({ state: "succeeded", refund_review: true, refund_review_reason: "notice-already-paid" });
    const [paidBy] = await db.sql<{ txn_ref: string }[]>`
      select p.txn_ref from fee_notices n join payment_attempts p on p.id = n.paid_attempt_id where n.id = ${n.id}`;
    expect(paidBy!.txn_ref).toBe(b.txnRef);
  });
});

describe("the IPN endpoint's answers", () => {
  it("97 for a tampered signature: stored raw, no state changed", async () => {
    const n = await newNotice();
    const c = await checkout(n.id);
    const params = paidParams(c.txnRef, 1_250_000);
    const { hash } = signParams(services.config.VNPAY_HASH_SECRET, params);
    const tampered = hash.slice(0, -1) + (hash.endsWith("0") ? "1" : "0");
    expect(await ipn(params, tampered)).toEqual({ RspCode: "97", Message: "Invalid signature" });
    expect(await ipn({ ...params, vnp_Amount: "1" }, hash)).toMatchObject({ RspCode: "97" });
    expect(await attempt(c.txnRef)).toMatchObject({ state: "redirected", refund_review: false });
    expect(await notice(n.id)).toMatchObject({ status: "unpaid" });
    expect(await notifications(c.txnRef)).toEqual([
      { rsp_code: "97", signature_ok: false },
      { rsp_code: "97", signature_ok: false },
    ]);
    const [raw] = await db.sql<{ raw_query: string }[]>`select raw_query from gateway_notifications where txn_ref = ${c.txnRef} limit 1`;
    expect(raw!.raw_query).toContain(`vnp_SecureHash=${tampered}`);
  });

  it("an unsigned IPN with NUL and other control characters in its fields is recorded (97), not lost to a database error (99)", async () => {
    for (const ref of ["T\u0000X", "\u001b[2J", "T\u007f"]) {
      expect(await ipn({ vnp_TmnCode: services.config.VNPAY_TMN_CODE, vnp_TxnRef: ref, vnp_Amount: "100000" }, "00".repeat(64))).toMatchObject({ RspCode: "97" });
    }
    const rows = await db.sql<{ txn_ref: string }[]>`select txn_ref from gateway_notifications where txn_ref in ('TX', '[2J')`;
    expect(rows.map((r) => r.txn_ref).sort()).toEqual(["TX", "[2J"]);
  });

  it("01 for an unknown order, 04 for a wrong amount, 00 then 02 for the same success, 99 for a signed message without fields", async () => {
    expect(await ipn(paidParams("TUNKNOWN", 1000))).toMatchObject({ RspCode: "01" });
    const n = await newNotice(500_000);
    const c = await checkout(n.id);
    expect(await ipn(paidParams(c.txnRef, 400_000))).toMatchObject({ RspCode: "04" });
    expect(await ipn(paidParams(c.txnRef, 500_000))).toEqual({ RspCode: "00", Message: "Confirm Success" });
    expect(await ipn(paidParams(c.txnRef, 500_000))).toEqual({ RspCode: "02", Message: "Order already confirmed" });
    expect(await ipn({ vnp_TmnCode: services.config.VNPAY_TMN_CODE, vnp_ResponseCode: "00" })).toMatchObject({ RspCode: "99" });
    const res = await fetch(`${base}/payments/vnpay/ipn`);
    expect(await res.json()).toMatchObject({ RspCode: "97" });
  });

  it("99 for anything unexpected while applying: logged, the raw row kept with the error, nothing half-applied", async () => {
    const n = await newNotice(600_000);
    const c = await checkout(n.id);
    // A real database failure in the middle of the credit (a trigger refusing the notice update).
    await db.sql.unsafe(`
      create function refuse_credit() returns trigger language plpgsql as $$ begin raise exception 'disk on fire'; end; $$;
      create trigger refuse_credit before update on fee_notices for each row when (new.id = '${n.id}') execute function refuse_credit();`);
    try {
      expect(await ipn(paidParams(c.txnRef, 600_000))).toEqual({ RspCode: "99", Message: "Unknown error" });
      const [raw] = await db.sql<{ rsp_code: string; note: string }[]>`select rsp_code, note from gateway_notifications where txn_ref = ${c.txnRef}`;
      expect(raw).toMatchObject({ rsp_code: "99", note: expect.stringContaining("disk on fire") });
      expect(await attempt(c.txnRef)).toMatchObject({ state: "redirected" });
    } finally {
      await db.sql.unsafe(`drop trigger refuse_credit on fee_notices; drop function refuse_credit();`);
    }
    // VNPay retries; once the fault is gone the same IPN applies.
    expect(await ipn(paidParams(c.txnRef, 600_000))).toMatchObject({ RspCode: "00" });
  });

  it("fifty identical IPNs at the same moment credit the notice exactly once", async () => {
    const n = await newNotice(2_000_000);
    const c = await checkout(n.id);
    const { query, hash } = signParams(services.config.VNPAY_HASH_SECRET, paidParams(c.txnRef, 2_000_000));
    const url = `${base}/payments/vnpay/ipn?${query}&vnp_SecureHash=${hash}`;
    const agent = new http.Agent({ keepAlive: false, maxSockets: 50 });
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        new Promise<string>((resolve, reject) =>
          http.get(url, { agent }, (res) => {
            let body = "";
            res.on("data", (d) => (body += d));
            res.on("end", () => resolve((JSON.parse(body) as { RspCode: string }).RspCode));
          }).on("error", reject),
        ),
      ),
    );
    agent.destroy();
    expect(replies.filter((r) => r === "00")).toHaveLength(1);
    expect(replies.filter((r) => r === "02")).toHaveLength(49);
    expect(await notice(n.id)).toMatchObject({ status: "paid" });
    const [a] = await db.sql<{ id: string }[]>`select id from payment_attempts where txn_ref = ${c.txnRef}`;
    const [events] = await db.sql<{ count: number }[]>`select count(*)::int as count from payment_events where attempt_id = ${a!.id} and to_state = 'succeeded'`;
    expect(events!.count).toBe(1);
    await payments.outbox.idle();
    expect(await queuedJobs(db.sql, "send_payment_confirmation")).toEqual([]);
    const [receipt] = await db.sql<{ id: string }[]>`select id from receipts where attempt_id = ${a!.id}`;
    expect((await queuedJobs<{ receiptId: string }>(db.sql, "deliver_receipt")).filter((j) => j.receiptId === receipt!.id)).toHaveLength(1);
    const [owed] = await db.sql<{ count: number }[]>`select count(*)::int as count from job_outbox where payload->>'attemptId' = ${a!.id} or payload->>'receiptId' = ${receipt!.id}`;
    expect(owed!.count).toBe(0);
    expect(await notifications(c.txnRef)).toHaveLength(50);
  });
});

describe("the IPN's money checks (issue 10)", () => {
  it("04, not 99, for a signed IPN whose amount does not end in 00: never credited, even when its whole part matches; refund review when money was taken", async () => {
    const n = await newNotice(500_000);
    const c = await checkout(n.id);
    // 500,000.50 đồng: its whole part equals the attempt's amount, and still it is not that amount
    for (const vnpAmount of ["50000050", "50000001", "1"]) {
      expect(await ipn(paidParams(c.txnRef, 500_000, { vnp_Amount: vnpAmount })), vnpAmount).toEqual({ RspCode: "04", Message: "Invalid amount" });
    }
    expect(await notice(n.id)).toMatchObject({ status: "unpaid" });
    expect(await attempt(c.txnRef)).toMatchObject({ state: "redirected", refund_review: true, refund_review_reason: "amount-mismatch" });
    const [review] = await db.sql<{ details: { amount: number; vnpAmount: string } }[]>`
      select e.details from payment_events e join payment_attempts p on p.id = e.attempt_id where p.txn_ref = ${c.txnRef} and e.kind = 'refund_review'`;
    expect(review!.details).toMatchObject({ amount: 500_000, vnpAmount: "50000050" });
    expect((await notifications(c.txnRef)).map((x) => [x.rsp_code, x.signature_ok])).toEqual([["04", true], ["04", true], ["04", true]]);
    // unknown order: 01; a failed payment with such an amount: 04 and no refund review (no money taken)
    expect(await ipn(paidParams("TNOSUCHORDER", 1, { vnp_Amount: "100050" }))).toMatchObject({ RspCode: "01" });
    const m = await newNotice(600_000);
    const d = await checkout(m.id);
    expect(await ipn(paidParams(d.txnRef, 600_000, { vnp_Amount: "60000099", vnp_ResponseCode: "24", vnp_TransactionStatus: "02" }))).toMatchObject({ RspCode: "04" });
    expect(await attempt(d.txnRef)).toMatchObject({ state: "redirected", refund_review: false });
    // and the right amount still applies
    expect(await ipn(paidParams(d.txnRef, 600_000))).toMatchObject({ RspCode: "00" });
    expect(await notice(m.id)).toMatchObject({ status: "paid" });
  });

  it("a flood of unsigned IPNs is answered 97 and only sampled (at most 60 an hour, each cut to 2 KB) and counted; a valid IPN is still answered", async () => {
    const unsigned = async () => Number((await db.sql<{ n: string }[]>`select count(*) as n from gateway_notifications where signature_ok = false`)[0]!.n);
    const received = async () => Number((await db.sql<{ n: string }[]>`select coalesce(sum(received), 0) as n from gateway_rejections`)[0]!.n);
    const startRows = await unsigned();
    const startCount = await received();

    const long = new URLSearchParams({ vnp_TxnRef: "FLOOD", vnp_Amount: "100", vnp_OrderInfo: "x".repeat(7000), vnp_SecureHash: "0".repeat(128) });
    const first = await fetch(`${base}/payments/vnpay/ipn?${long}`);
    expect(await first.json()).toMatchObject({ RspCode: "97" });
    const [sample] = await db.sql<{ len: number }[]>`select length(raw_query) as len from gateway_notifications where signature_ok = false order by id desc limit 1`;
    expect(sample!.len).toBeLessThanOrEqual(2048);

    const agent = new http.Agent({ keepAlive: true, maxSockets: 25 });
    const flood = 600;
    const get = (i: number) =>
      new Promise<string>((resolve, reject) =>
        http.get(`${base}/payments/vnpay/ipn?vnp_TxnRef=FLOOD${i}&vnp_Amount=100&vnp_SecureHash=${"ab".repeat(64)}`, { agent }, (res) => {
          let body = "";
          res.on("data", (chunk) => (body += chunk));
          res.on("end", () => resolve((JSON.parse(body) as { RspCode: string }).RspCode));
        }).on("error", reject),
      );
    const replies = await Promise.all(Array.from({ length: flood }, (_, i) => get(i)));
    agent.destroy();
    expect(new Set(replies)).toEqual(new Set(["97"]));

    expect(await received()).toBe(startCount + flood + 1);
    const windows = await db.sql<{ received: number }[]>`select received::int from gateway_rejections`;
    const rows = await unsigned();
    // every row kept is a sample of its hour, and no hour keeps more than 60 (a run across an hour's end touches two)
    expect(rows).toBe(windows.reduce((sum, w) => sum + Math.min(w.received, 60), 0));
    expect(rows - startRows).toBeLessThanOrEqual(2 * 60);
    expect(rows).toBeLessThan(startRows + flood);

    const n = await newNotice(700_000);
    const c = await checkout(n.id);
    expect(await ipn(paidParams(c.txnRef, 700_000))).toEqual({ RspCode: "00", Message: "Confirm Success" });
    expect(await notice(n.id)).toMatchObject({ status: "paid" });
  });
});

describe("querydr and refund against the sandbox", () => {
  it("retrieves a paid transaction, refunds it once, refuses the rest", async () => {
    const vnpay = vnpayFor(services.config);
    const n = await newNotice(300_000);
    const c = await checkout(n.id);
    await payInSandbox(c.url, { outcome: "success" });
    await payments.sandbox!.ipn.idle();
    const [a] = await db.sql<{ vnp_create_date: string; order_info: string; transaction_no: string }[]>`
      select vnp_create_date, order_info, transaction_no from payment_attempts where txn_ref = ${c.txnRef}`;
    const info = await vnpay.transactions.retrieve({ txnRef: c.txnRef, orderInfo: a!.order_info, transactionDate: a!.vnp_create_date });
    expect(info).toMatchObject({ found: true, paid: true, amount: 300_000, transactionStatus: "00", transactionNo: a!.transaction_no });
    const unknown = await vnpay.transactions.retrieve({ txnRef: "TNOPE", orderInfo: "x", transactionDate: a!.vnp_create_date });
    expect(unknown).toMatchObject({ found: false, responseCode: "91", paid: false });

    const refund = { txnRef: c.txnRef, orderInfo: "Hoan tien", transactionDate: a!.vnp_create_date, transactionNo: a!.transaction_no, createBy: "ketoan@thads.local" };
    expect(await vnpay.refunds.create({ ...refund, amount: 100_000, type: "full" })).toMatchObject({ ok: false, responseCode: "03" });
    expect(await vnpay.refunds.create({ ...refund, amount: 300_000, type: "full" })).toMatchObject({ ok: true, responseCode: "00" });
    expect(await vnpay.refunds.create({ ...refund, amount: 300_000, type: "full" })).toMatchObject({ ok: false, responseCode: "94" });

    const m = await newNotice(300_000);
    const f = await checkout(m.id);
    await payInSandbox(f.url, { outcome: "insufficient" });
    const [fa] = await db.sql<{ vnp_create_date: string }[]>`select vnp_create_date from payment_attempts where txn_ref = ${f.txnRef}`;
    expect(await vnpay.refunds.create({ ...refund, txnRef: f.txnRef, transactionDate: fa!.vnp_create_date, amount: 300_000, type: "full" })).toMatchObject({ responseCode: "95" });
  });

  it("answers 97 to a request with a bad checksum", async () => {
    const res = await fetch(`${base}/sandbox/vnpay/merchant_webapi/api/transaction`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ vnp_Command: "querydr", vnp_SecureHash: "00" }),
    });
    expect(await res.json()).toMatchObject({ vnp_ResponseCode: "97" });
  });

  it("refuses a payment URL with a bad signature (localised page)", async () => {
    const n = await newNotice();
    const c = await checkout(n.id, "en");
    const res = await fetch(c.url.replace("vnp_Amount=125000000", "vnp_Amount=100"));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('lang="en"');
    expect(html).toContain("Invalid signature");
  });
});

describe("back from the gateway (issue 10)", () => {
  const returnUrlOf = (url: string) => new URL(url).searchParams.get("vnp_ReturnUrl");
  const twin = () => base.replace("127.0.0.1", "localhost");

  it("returns to the origin the citizen left from when it is one of the portal's; else to BASE_URL", async () => {
    const n = await newNotice();
    const start = (origin: string | null) => startCheckout(services, { noticeId: n.id, email: "payer@example.vn", locale: "en", ip: null, origin });
    const fromTwin = await start(twin());
    expect(fromTwin.ok && returnUrlOf(fromTwin.url)).toBe(`${twin()}/dich-vu/nop-tien/ket-qua`);
    const fromBase = await start(base);
    expect(fromBase.ok && returnUrlOf(fromBase.url)).toBe(`${base}/dich-vu/nop-tien/ket-qua`);
    const forged = await start("http://evil.example");
    expect(forged.ok && returnUrlOf(forged.url)).toBe(`${base}/dich-vu/nop-tien/ket-qua`);
    const prod = { ...services, config: { ...services.config, isProduction: true } };
    const inProduction = await startCheckout(prod, { noticeId: n.id, email: "payer@example.vn", locale: "vi", ip: null, origin: twin() });
    expect(inProduction.ok && returnUrlOf(inProduction.url)).toBe(`${base}/dich-vu/nop-tien/ket-qua`);
  });

  it("two tabs pay the same notice: the second tab's sandbox page goes back to the result (paid), each to its own origin", async () => {
    const n = await newNotice();
    const tab1 = await startCheckout(services, { noticeId: n.id, email: "payer@example.vn", locale: "vi", ip: null, origin: twin() });
    const tab2 = await startCheckout(services, { noticeId: n.id, email: "payer@example.vn", locale: "vi", ip: null, origin: base });
    if (!tab1.ok || !tab2.ok) throw new Error("checkout refused");
    expect(tab2.txnRef).toBe(tab1.txnRef); // the open attempt is reused
    const open = async (url: string) => /name="page" value="([0-9a-f]+)"/.exec(await (await fetch(url)).text())![1]!;
    const page1 = await open(tab1.url);
    const page2 = await open(tab2.url);
    const pay = (page: string) =>
      fetch(`${base}/sandbox/vnpay/paymentv2/pay`, { method: "POST", body: new URLSearchParams({ page, bank: "NCB", outcome: "success" }), redirect: "manual" });
    const first = await pay(page1);
    expect(first.status).toBe(303);
    expect(new URL(first.headers.get("location")!).origin).toBe(twin());
    await payments.sandbox!.ipn.idle();
    const second = await pay(page2);
    expect(second.status).toBe(303);
    const back = new URL(second.headers.get("location")!);
    expect(back.origin + back.pathname).toBe(`${base}/dich-vu/nop-tien/ket-qua`);
    expect(vnpayFor(services.config).returns.verify(back.searchParams)).toMatchObject({ paid: true, txnRef: tab1.txnRef });
    // Reopening the sandbox page (back button) goes back too, not to an error.
    const again = await fetch(tab2.url, { redirect: "manual" });
    expect(again.status).toBe(303);
    expect(new URL(again.headers.get("location")!).pathname).toBe("/dich-vu/nop-tien/ket-qua");
    const page = (await paymentResultPage(services, { txnRef: tab1.txnRef }))!;
    expect(page.payment).toMatchObject({ state: "succeeded", noticePaidAt: null });
    expect(await notice(n.id)).toMatchObject({ status: "paid" });
    expect(await notifications(tab1.txnRef)).toEqual([{ rsp_code: "00", signature_ok: true }]);
  });

  it("the result page: when it was paid, the receipt, and the way back to the notice; a paid notice shows its receipt", async () => {
    const n = await newNotice(700_000);
    const c = await checkout(n.id);
    const before = await paymentResultPage(services, { txnRef: c.txnRef });
    expect(before!.payment).toMatchObject({ paidAt: null, state: "redirected" });
    expect(verifyNoticeToken(services.config.SESSION_SECRET, before!.noticeToken)).toBe(n.id); // "Pay again" goes to the notice
    expect((await noticePage(services, { token: before!.noticeToken }))!.receipt).toBeNull();
    await payInSandbox(c.url, { outcome: "success" });
    await payments.sandbox!.ipn.idle();
    const [{ pay_date }] = [...(await db.sql<{ pay_date: Date }[]>`select pay_date from payment_attempts where txn_ref = ${c.txnRef}`)] as [{ pay_date: Date }];
    const after = (await paymentResultPage(services, { txnRef: c.txnRef }))!;
    expect(after.payment).toMatchObject({ state: "succeeded", amount: 700_000, paidAt: pay_date.toISOString() });
    expect(after.receipt).toMatchObject({ status: "valid", code: expect.stringMatching(/^[A-Z2-9]{24}$/) });
    const paid = (await noticePage(services, { token: after.noticeToken }))!;
    expect(paid.notice.status).toBe("paid");
    expect(paid.receipt).toEqual(after.receipt);
    expect(paid.notice.payer_id_number).not.toContain("001085012345");
  });

  it("an attempt that did not go through while another paid the notice says the notice is paid", async () => {
    const n = await newNotice();
    const a = await checkout(n.id);
    await db.sql`update payment_attempts set expires_at = now() + interval '30 seconds' where txn_ref = ${a.txnRef}`; // too close: superseded
    const b = await checkout(n.id);
    expect(b.txnRef).not.toBe(a.txnRef);
    await payInSandbox(b.url, { outcome: "success" });
    await payments.sandbox!.ipn.idle();
    const page = (await paymentResultPage(services, { txnRef: a.txnRef }))!;
    expect(page.payment.state).toBe("expired");
    expect(page.payment.noticePaidAt).toEqual(expect.any(String));
  });
});
