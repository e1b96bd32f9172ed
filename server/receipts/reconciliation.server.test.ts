import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff } from "../accounts/staff.server";
import { itemsCsv, reconcile, reconcileDay, reconciliationTotals, runItems, vietnamDay } from "./reconciliation.server";
import { reconciliationCsvWords } from "./csv-words.server";
import vi from "../../vocabulary/i18n/vi";
import en from "../../vocabulary/i18n/en";
import { checkout, newNotice, paidNotice, payInSandbox, staffId, startHarness, type Harness } from "./test-harness";

let h: Harness;
let office: string;
let accountant: string;
beforeAll(async () => {
  h = await startHarness();
  const [a] = await h.db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV02'`;
  office = a!.id;
  accountant = await createStaff(h.db.sql, { email: "ketoan.kv2@thads.local", fullName: "Kế toán KV2", password: "x".repeat(12), roles: [{ role: "accountant", agencyId: office }] });
});
afterAll(async () => {
  await h?.close();
});

const today = () => vietnamDay(0);
const run = () => reconcile(h.services, { agencyId: office, day: today(), triggeredBy: accountant });
const opts = { agencyCode: "HNI-KV02" };
const itemFor = (r: Awaited<ReturnType<typeof run>>, txnRef: string) => r.items.filter((i) => i.txnRef === txnRef);

describe("a run's totals", () => {
  it("count and sum per state and per outcome: matched, resolved by the run, mismatched", () => {
    const states = [
      { id: "a", state: "succeeded", amount: 1_250_000 },
      { id: "b", state: "succeeded", amount: 700_000 },
      { id: "c", state: "succeeded", amount: 300_000 },
      { id: "d", state: "failed", amount: 500_000 },
      { id: "e", state: "redirected", amount: 900_000 },
    ];
    const items = [
      { attemptId: "b", resolved: true },
      { attemptId: "c", resolved: true },
      { attemptId: "c", resolved: false }, // one of its findings left: mismatched
      { attemptId: "e", resolved: false },
    ];
    expect(reconciliationTotals(states, items)).toEqual({
      byState: { succeeded: { count: 3, sum: 2_250_000 }, failed: { count: 1, sum: 500_000 }, redirected: { count: 1, sum: 900_000 } },
      matched: { count: 2, sum: 1_750_000 },
      resolved: { count: 1, sum: 700_000 },
      mismatched: { count: 2, sum: 1_200_000 },
      all: { count: 5, sum: 3_650_000 },
    });
    expect(reconciliationTotals([], [])).toEqual({ byState: {}, matched: { count: 0, sum: 0 }, resolved: { count: 0, sum: 0 }, mismatched: { count: 0, sum: 0 }, all: { count: 0, sum: 0 } });
  });
});

describe("reconciliation (đối soát) for one office and day", () => {
  it("a clean day: everything matches, nothing listed", async () => {
    const { attempt } = await paidNotice(h, opts);
    const r = await run();
    expect(itemFor(r, attempt.txn_ref)).toEqual([]);
    expect(r.checked).toBeGreaterThanOrEqual(1);
  });

  it("paid without receipt: detected and resolved by issuing the receipt", async () => {
    const { attempt } = await paidNotice(h, opts);
    await h.db.sql`delete from receipts where attempt_id = ${attempt.id}`; // lost, as if never issued
    const r = await run();
    expect(itemFor(r, attempt.txn_ref)).toEqual([expect.objectContaining({ kind: "paid_without_receipt", resolved: true, resolution: "receipt_issued" })]);
    const [receipt] = await h.db.sql`select 1 from receipts where attempt_id = ${attempt.id} and status = 'valid'`;
    expect(receipt).toBeTruthy();
    expect(itemFor(await run(), attempt.txn_ref)).toEqual([]); // and the next run is clean
  });

  it("receipt without payment: the gateway does not know the payment as successful", async () => {
    const { attempt } = await paidNotice(h, opts);
    h.payments.sandbox!.store.transactions.get(attempt.txn_ref)!.transactionStatus = "02";
    const r = await run();
    expect(itemFor(r, attempt.txn_ref)).toEqual([expect.objectContaining({ kind: "receipt_without_payment", resolved: false, gatewayStatus: "02" })]);
  });

  it("amount mismatch: the gateway took another amount; the payment goes to refund review and is listed", async () => {
    const { attempt } = await paidNotice(h, { ...opts, amount: 900_000 });
    h.payments.sandbox!.store.transactions.get(attempt.txn_ref)!.amount = String(990_000 * 100);
    const r = await run();
    expect(itemFor(r, attempt.txn_ref)).toEqual([
      expect.objectContaining({ kind: "amount_mismatch", resolved: false, resolution: "refund_review", ourAmount: 900_000, gatewayAmount: 990_000 }),
    ]);
    const [a] = await h.db.sql<{ refund_review: boolean; refund_review_reason: string }[]>`select refund_review, refund_review_reason from payment_attempts where id = ${attempt.id}`;
    expect(a).toEqual({ refund_review: true, refund_review_reason: "amount-mismatch" });
  });

  it("amount mismatch from the IPN: still pending at our side, never settled as paid by reconciliation", async () => {
    const n = await newNotice(h, { ...opts, amount: 600_000 });
    const c = await checkout(h, n.id);
    await payInSandbox(h, c.url, { outcome: "success", wrongAmount: "1" });
    const r = await run();
    expect(itemFor(r, c.txnRef)).toEqual([expect.objectContaining({ kind: "amount_mismatch", resolution: "refund_review" })]);
    const [a] = await h.db.sql<{ state: string }[]>`select state from payment_attempts where txn_ref = ${c.txnRef}`;
    expect(a!.state).toBe("redirected");
    const [notice] = await h.db.sql<{ status: string }[]>`select status from fee_notices where id = ${n.id}`;
    expect(notice!.status).toBe("unpaid");
  });

  it("gateway success while we think pending: settled with querydr (and the receipt issued)", async () => {
    const n = await newNotice(h, opts);
    const c = await checkout(h, n.id);
    await payInSandbox(h, c.url, { outcome: "success", drop: "1" });
    const r = await run();
    expect(itemFor(r, c.txnRef)).toEqual([expect.objectContaining({ kind: "gateway_paid_we_pending", resolved: true, resolution: "settled", ourState: "succeeded" })]);
    const [receipt] = await h.db.sql`select 1 from receipts r join payment_attempts p on p.id = r.attempt_id where p.txn_ref = ${c.txnRef}`;
    expect(receipt).toBeTruthy();
  });

  it("gateway success for an attempt we closed: listed for the accountant", async () => {
    const n = await newNotice(h, opts);
    const c = await checkout(h, n.id);
    await payInSandbox(h, c.url, { outcome: "success", drop: "1" });
    await h.db.sql`update payment_attempts set state = 'expired', settled_at = now() where txn_ref = ${c.txnRef}`;
    const r = await run();
    expect(itemFor(r, c.txnRef)).toEqual([
      expect.objectContaining({ kind: "gateway_paid_we_pending", resolved: false, ourState: "expired", gatewayStatus: "00", note: "closed-before-gateway-success" }),
    ]);
    // The run page says all three in words, in both languages.
    for (const dict of [vi, en]) {
      const words = dict.receipts.reconciliation;
      expect(words.notes["closed-before-gateway-success"]).toBeTruthy();
      expect(words.ourStates.expired).toBeTruthy();
      expect(words.gatewayStatuses["00"]).toBeTruthy();
    }
  });

  it("stores the run, lists it for the office's accountant only, exports CSV", async () => {
    const r = await run();
    const view = (await runItems(h.db.sql, { runId: r.runId, staffId: accountant }))!;
    expect(view.items.length).toBe(r.items.length);
    expect(await runItems(h.db.sql, { runId: r.runId, staffId: await staffId(h, "ketoan@thads.local") })).toBeNull(); // another office's accountant
    const csv = itemsCsv(view.run, view.items, reconciliationCsvWords("vi"));
    const [header, ...lines] = csv.slice(1).split("\r\n");
    expect(csv.startsWith("\uFEFF")).toBe(true); // BOM kept
    expect(header).toBe(
      '"Ngày giao dịch","Đơn vị","Loại chênh lệch","Mã giao dịch","Trạng thái trên Cổng","Trạng thái VNPay","Số tiền trên Cổng (đồng)","Số tiền VNPay (đồng)","Biên lai","Đã xử lý","Cách xử lý","Ghi chú"',
    );
    expect(lines.filter(Boolean)).toHaveLength(view.items.length);
    expect(csv).toContain('"Có biên lai nhưng không có khoản thu thành công"');
    expect(csv).toContain('"Phòng Thi hành án dân sự khu vực 2 – Hà Nội"');
    expect(csv).toMatch(/"Thành công","Thành công","900000","990000"/); // amounts in plain whole đồng
    expect(csv).not.toMatch(/receipt_without_payment|amount_mismatch|succeeded|"yes"|"no"/);
    expect(itemsCsv(view.run, view.items, reconciliationCsvWords("en")).split("\r\n")[0]).toBe(
      '\uFEFF"Transaction day","Office","Discrepancy","Transaction reference","Portal status","VNPay status","Portal amount (VND)","VNPay amount (VND)","Receipt","Resolved","Resolution","Note"',
    );
    // The run's totals add up: per outcome and per state, over every attempt it checked.
    const t = view.run.totals!;
    expect(t.all.count).toBe(r.checked);
    expect(t.matched.count + t.resolved.count + t.mismatched.count).toBe(t.all.count);
    expect(t.matched.sum + t.resolved.sum + t.mismatched.sum).toBe(t.all.sum);
    expect(Object.values(t.byState).reduce((s, v) => s + v!.count, 0)).toBe(t.all.count);
    expect(Object.values(t.byState).reduce((s, v) => s + v!.sum, 0)).toBe(t.all.sum);
    expect(t.mismatched.count).toBe(new Set(r.items.filter((i) => !i.resolved).map((i) => i.attemptId)).size);
    expect(t).toEqual(r.totals);
  });

  it("the daily job covers every office with payments on the day, each in its own run", async () => {
    // Payments today in three offices of two provinces (this file's own office among them).
    const codes = ["HNI-KV02", "HNI-KV01", "DNG-KV01"];
    for (const agencyCode of codes) await paidNotice(h, { agencyCode });
    const ids = await h.db.sql<{ id: string; code: string }[]>`select id, code from agencies where code in ${h.db.sql(codes)}`;
    const daily = await reconcileDay(h.services, { day: today() });
    const runs = await h.db.sql<{ id: string; agency_id: string; triggered_by: string | null; day: string }[]>`
      select id, agency_id, triggered_by, to_char(day, 'YYYY-MM-DD') as day from reconciliation_runs where id in ${h.db.sql(daily.map((d) => d.runId))}`;
    expect(runs).toHaveLength(daily.length);
    expect(runs.every((r) => r.triggered_by === null && r.day === today())).toBe(true);
    // One run per office, every office that had a payment.
    expect(runs.map((r) => r.agency_id).sort()).toEqual(ids.map((a) => a.id).sort());
    // Each office's run checked that office's payments.
    const checked = Object.fromEntries(daily.map((d) => [runs.find((r) => r.id === d.runId)!.agency_id, d.checked]));
    for (const a of ids) expect(checked[a.id], a.code).toBeGreaterThanOrEqual(1);
  });
});
