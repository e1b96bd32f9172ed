import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../seed.server";
import { signInStaff, SESSION_COOKIE } from "../accounts";
import { proposeRefund } from "./refunds.server";
import { paidNotice, staffId, startHarness, type Harness } from "./test-harness";
import { loader as receiptLoader } from "../../app/routes/staff.receipts.$id";
import { action as cancelAction, loader as cancelLoader } from "../../app/routes/staff.receipts.$id_.cancel";

// The staff receipt page shows the payment's refunds; cancelling is a step of its own where nothing is chosen
// for the accountant.
let h: Harness;
let context: AppLoadContext;
let cookie: string;
beforeAll(async () => {
  h = await startHarness();
  context = { services: h.services, cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.90" };
  const s = await signInStaff(h.db.sql, { email: "ketoan@thads.local", password: DEMO_PASSWORD, ip: "203.0.113.90", userAgent: "vitest", locale: "vi" });
  if (!s.ok) throw new Error(s.reason);
  cookie = `${SESSION_COOKIE}=${s.token}`;
});
afterAll(async () => {
  await h?.close();
});

async function paidReceipt() {
  const { attempt } = await paidNotice(h);
  const [r] = await h.db.sql<{ id: string }[]>`select id from receipts where attempt_id = ${attempt.id}`;
  return { receiptId: r!.id, txnRef: attempt.txn_ref };
}
const get = (path: string) => new Request(`${h.base}${path}`, { headers: { cookie } });
const post = (path: string, values: Record<string, string>) => new Request(`${h.base}${path}`, { method: "POST", body: new URLSearchParams(values), headers: { cookie } });
const status = async (id: string) => (await h.db.sql<{ status: string }[]>`select status from receipts where id = ${id}`)[0]!.status;

describe("the staff receipt page", () => {
  it("lists the refunds of the receipt's payment", async () => {
    const { receiptId, txnRef } = await paidReceipt();
    const before = (await receiptLoader({ request: get(`/staff/receipts/${receiptId}`), context, params: { id: receiptId } } as never)) as { refunds: unknown[] };
    expect(before.refunds).toEqual([]);
    const accountant = await staffId(h, "ketoan@thads.local");
    const p = await proposeRefund(h.db.sql, { txnRef, amount: 500_000, reason: "Tòa án đình chỉ vụ án" }, { staffId: accountant, ip: null, requestId: null });
    expect(p.ok).toBe(true);
    const after = (await receiptLoader({ request: get(`/staff/receipts/${receiptId}`), context, params: { id: receiptId } } as never)) as {
      refunds: { amount: number; state: string }[];
      refundable: { max: number };
    };
    expect(after.refunds).toMatchObject([{ amount: 500_000, state: "proposed" }]);
  });
});

describe("cancelling a receipt", () => {
  it("is its own step that asks for the choice: without one the receipt stays valid", async () => {
    const { receiptId } = await paidReceipt();
    const page = (await cancelLoader({ request: get(`/staff/receipts/${receiptId}/cancel`), context, params: { id: receiptId } } as never)) as { receipt: { status: string } };
    expect(page.receipt.status).toBe("valid");
    const noChoice = (await cancelAction({ request: post(`/staff/receipts/${receiptId}/cancel`, { reason: "Ghi sai họ tên người nộp tiền" }), context, params: { id: receiptId } } as never)) as {
      init: { status: number };
      data: { result: { error: Record<string, string[]> } };
    };
    expect(noChoice.init.status).toBe(400);
    expect(noChoice.data.result.error.action).toEqual(["receipts.cancelErrors.actionRequired"]);
    expect(await status(receiptId)).toBe("valid");
    const done = (await cancelAction({
      request: post(`/staff/receipts/${receiptId}/cancel`, { reason: "Ghi sai họ tên người nộp tiền", action: "cancel" }),
      context,
      params: { id: receiptId },
    } as never)) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toMatch(/^\/staff\/receipts\?cancelled=/);
    expect(await status(receiptId)).toBe("cancelled");
  });
});
