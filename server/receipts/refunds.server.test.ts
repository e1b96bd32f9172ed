import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queuedJobs } from "../../test/jobs";
import { createStaff } from "../accounts";
import { decideRefund, executeRefund, proposeRefund, refundsForPayment } from "./refunds.server";
import { paidNotice, staffId, startHarness, type Harness } from "./test-harness";
import { ProposeRefundSchema } from "./schemas";
import { getZodConstraint } from "@conform-to/zod/v4";

let h: Harness;
let accountant: string;
let head: string;
let accountantAndHead: string;
let otherHead: string;
beforeAll(async () => {
  h = await startHarness();
  accountant = await staffId(h, "ketoan@thads.local");
  head = await staffId(h, "thutruong@thads.local");
  const [kv1] = await h.db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  const [kv2] = await h.db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV02'`;
  accountantAndHead = await createStaff(h.db.sql, { email: "kiemnhiem@thads.local", fullName: "Cán bộ kiêm nhiệm", password: "x".repeat(12), roles: [{ role: "accountant", agencyId: kv1!.id }, { role: "head", agencyId: kv1!.id }] });
  otherHead = await createStaff(h.db.sql, { email: "thutruong2@thads.local", fullName: "Thủ trưởng KV2", password: "x".repeat(12), roles: [{ role: "head", agencyId: kv2!.id }] });
});
afterAll(async () => {
  await h?.close();
});

const actor = (staffId: string) => ({ staffId, ip: "127.0.0.1", requestId: "test" });
const sandboxRefunded = (txnRef: string) => h.payments.sandbox!.store.transactions.get(txnRef)!.refunded;

describe("refunds only by the office's decision", () => {
  it("proposed → approved by another person (the head) → refunded at the gateway; e-mail at each step; visible to the citizen", async () => {
    const { attempt } = await paidNotice(h, { amount: 1_000_000 });
    const p = await proposeRefund(h.db.sql, { txnRef: attempt.txn_ref, amount: 1_000_000, reason: "Tòa án đình chỉ vụ án" }, actor(accountant));
    if (!p.ok) throw new Error(p.error);
    expect(await executeRefund(h.services, { refundId: p.id })).toBe("proposed"); // nothing is sent before approval
    expect(sandboxRefunded(attempt.txn_ref)).toBe(0);
    expect(await decideRefund(h.db.sql, { refundId: p.id, approve: true, note: "Đồng ý" }, actor(head))).toEqual({ ok: true, state: "approved" });
    expect((await queuedJobs<{ refundId: string }>(h.db.sql, "run_refund")).filter((j) => j.refundId === p.id)).toHaveLength(1);
    expect(await executeRefund(h.services, { refundId: p.id })).toBe("refunded");
    expect(sandboxRefunded(attempt.txn_ref)).toBe(1_000_000);
    expect(await executeRefund(h.services, { refundId: p.id })).toBe("refunded"); // a second run sends nothing
    expect(sandboxRefunded(attempt.txn_ref)).toBe(1_000_000);
    const mails = (await queuedJobs<{ refundId: string; state: string }>(h.db.sql, "send_refund_update")).filter((j) => j.refundId === p.id);
    expect(mails.map((m) => m.state)).toEqual(["proposed", "approved", "refunded"]);
    expect(await refundsForPayment(h.db.sql, { txnRef: attempt.txn_ref })).toEqual([expect.objectContaining({ amount: 1_000_000, state: "refunded" })]);
    const actions = await h.db.sql<{ action: string }[]>`select action from audit_log where target_id = ${p.id} order by id`;
    expect(actions.map((a) => a.action)).toEqual(["refund.propose", "refund.approve", "refund.refunded"]);
  });

  it("impossible without a second person's approval: the proposer cannot approve, in code and in SQL", async () => {
    const { attempt } = await paidNotice(h, { amount: 500_000 });
    const p = await proposeRefund(h.db.sql, { txnRef: attempt.txn_ref, amount: 200_000, reason: "Nộp thừa tiền" }, actor(accountantAndHead));
    if (!p.ok) throw new Error(p.error);
    expect(await decideRefund(h.db.sql, { refundId: p.id, approve: true }, actor(accountantAndHead))).toEqual({ ok: false, error: "samePerson" });
    await expect(
      h.db.sql`update refunds set state = 'approved', decided_by = proposed_by, decided_at = now() where id = ${p.id}`,
    ).rejects.toThrow(/refunds_second_person/);
    await expect(h.db.sql`update refunds set state = 'approved' where id = ${p.id}`).rejects.toThrow(/refunds_decided/);
    expect(await decideRefund(h.db.sql, { refundId: p.id, approve: true }, actor(accountant))).toEqual({ ok: false, error: "notHead" });
    expect(await decideRefund(h.db.sql, { refundId: p.id, approve: true }, actor(otherHead))).toEqual({ ok: false, error: "notHead" });
    expect(await executeRefund(h.services, { refundId: p.id })).toBe("proposed");
    expect(sandboxRefunded(attempt.txn_ref)).toBe(0);
    // The head rejects: nothing ever reaches the gateway.
    expect(await decideRefund(h.db.sql, { refundId: p.id, approve: false, note: "Không có căn cứ" }, actor(head))).toEqual({ ok: true, state: "rejected" });
    expect(await decideRefund(h.db.sql, { refundId: p.id, approve: true }, actor(head))).toEqual({ ok: false, error: "notOpen" });
    expect(await executeRefund(h.services, { refundId: p.id })).toBe("rejected");
    expect(sandboxRefunded(attempt.txn_ref)).toBe(0);
  });

  it("amount ≤ paid, one refund in progress, only the collecting office's accountant, only paid payments", async () => {
    const { attempt } = await paidNotice(h, { amount: 300_000 });
    const propose = (amount: number, who = accountant) => proposeRefund(h.db.sql, { txnRef: attempt.txn_ref, amount, reason: "Hoàn trả một phần" }, actor(who));
    expect(await propose(300_001)).toEqual({ ok: false, error: "amountTooHigh" });
    expect(await propose(100_000, head)).toEqual({ ok: false, error: "notFound" });
    const first = await propose(100_000);
    expect(first.ok).toBe(true);
    expect(await propose(50_000)).toEqual({ ok: false, error: "alreadyOpen" });
    await decideRefund(h.db.sql, { refundId: (first as { id: string }).id, approve: true }, actor(head));
    expect(await executeRefund(h.services, { refundId: (first as { id: string }).id })).toBe("refunded");
    expect(await propose(200_001)).toEqual({ ok: false, error: "amountTooHigh" });
    // A second partial refund while the first is still processed at the gateway: refused (94) → failed, shown.
    const second = await propose(200_000);
    await decideRefund(h.db.sql, { refundId: (second as { id: string }).id, approve: true }, actor(head));
    expect(await executeRefund(h.services, { refundId: (second as { id: string }).id })).toBe("failed");
    const [failed] = await h.db.sql<{ gateway_response_code: string }[]>`select gateway_response_code from refunds where id = ${(second as { id: string }).id}`;
    expect(failed!.gateway_response_code).toBe("94");
    expect(await proposeRefund(h.db.sql, { txnRef: "TNOTAPAYMENT", amount: 1, reason: "không có" }, actor(accountant))).toEqual({ ok: false, error: "notFound" });
  });

  it("the refund form takes the amount as people write it (\"500.000\" was refused) and refuses decimals with the field's message", async () => {
    const { attempt } = await paidNotice(h, { amount: 1_250_000 });
    const form = (amount: string) => ProposeRefundSchema.safeParse({ txnRef: attempt.txn_ref, amount, reason: "Hoàn trả một phần" });
    for (const typed of ["500.000", "500,000", "500 000", "500\u202F000", "500000", "500.000 ₫"]) expect(form(typed)).toMatchObject({ success: true, data: { amount: 500_000 } });
    const refused: [string, string][] = [
      ["500.000,00", "amountFraction"], ["500000.5", "amountFraction"], ["5.00.000", "amountGrouping"], ["500.000,000", "amountGrouping"],
      ["-500000", "amountFormat"], ["5e5", "amountFormat"], ["0", "amountTooSmall"], ["", "amountRequired"], ["10.000.000.000", "amountTooLarge"],
    ];
    for (const [typed, key] of refused) expect(form(typed).error?.issues.map((i) => [i.path[0], i.message]), typed).toEqual([["amount", `receipts.refunds.errors.${key}`]]);
    // no HTML pattern either: without JavaScript the browser itself refused "500.000" under a digits-only pattern
    expect(getZodConstraint(ProposeRefundSchema).amount).not.toHaveProperty("pattern");
    const parsed = form("500.000");
    const p = await proposeRefund(h.db.sql, { txnRef: attempt.txn_ref, amount: parsed.data!.amount, reason: parsed.data!.reason }, actor(accountant));
    expect(p.ok).toBe(true);
    const [row] = await h.db.sql<{ amount: number }[]>`select amount from refunds where id = ${(p as { id: string }).id}`;
    expect(row!.amount).toBe(500_000);
  });
});
