// Test-only helpers shared by the receipts tests: a real HTTP server with the payment endpoints, the
// VNPay sandbox and the receipt endpoints mounted, and helpers to pay through the sandbox.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { createApp } from "../app.server";
import type { Services } from "../services";
import { seedDemo } from "../seed.server";
import { mountPayments, type PaymentsMount, startCheckout, insertNotice, signParams } from "../payments";
import { mountReceipts } from "./http.server";

export type Harness = {
  db: TestDatabase;
  base: string;
  services: Services;
  payments: PaymentsMount;
  close: () => Promise<void>;
};

export async function startHarness(): Promise<Harness> {
  const db = await createTestDatabase();
  await seedDemo(db.sql);
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const services = testServices(db.sql, { env: { BASE_URL: base } });
  let payments!: PaymentsMount;
  const app = createApp({
    services,
    build: () => Promise.reject(new Error("no Remix in this test")),
    beforeRemix: (a) => {
      payments = mountPayments(a, services, { sandbox: { retry: { attempts: 2, intervalMs: 30 } } });
      mountReceipts(a, services);
    },
  });
  server.on("request", app);
  return {
    db,
    base,
    services,
    payments,
    close: async () => {
      payments.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await db.drop();
    },
  };
}

type NoticeOptions = { amount?: number; agencyCode?: string; payerName?: string; payerIdNumber?: string; payerAddress?: string };

export async function newNotice(
  h: Harness,
  { amount = 1_250_000, agencyCode = "HNI-KV01", payerName = "Nguyễn Văn An", payerIdNumber = "001085012345", payerAddress = "Số 12 phố Huế, Hà Nội" }: NoticeOptions = {},
) {
  const [court] = await h.db.sql<{ id: string }[]>`select id from courts where code = 'TAND-HNI-KV01'`;
  const [agency] = await h.db.sql<{ id: string }[]>`select id from agencies where code = ${agencyCode}`;
  return insertNotice(h.db.sql, {
    courtCode: "TAND-HNI-KV01",
    courtDocumentNumber: "125/2026/TB-TA",
    caseReference: "Vụ án dân sự số 45/2026/TLST-DS",
    payerName,
    payerIdNumber,
    payerAddress,
    amount,
    dueDate: "2026-12-31",
    courtId: court!.id,
    agencyId: agency!.id,
    source: "form",
  });
}

export async function checkout(h: Harness, noticeId: string, locale: "vi" | "en" = "vi") {
  const r = await startCheckout(h.services, { noticeId, email: "payer@example.vn", locale, ip: "127.0.0.1" });
  if (!r.ok) throw new Error(r.reason);
  return r;
}

/** Opens the sandbox page like a browser and submits the tester's choice; waits for the IPNs. */
export async function payInSandbox(h: Harness, url: string, form: Record<string, string> = { outcome: "success" }) {
  const html = await (await fetch(url)).text();
  const pageId = /name="page" value="([0-9a-f]+)"/.exec(html)![1]!;
  const res = await fetch(`${h.base}/sandbox/vnpay/paymentv2/pay`, {
    method: "POST",
    body: new URLSearchParams({ page: pageId, bank: "NCB", ...form }),
    redirect: "manual",
  });
  expect(res.status).toBe(303);
  await h.payments.sandbox!.ipn.idle();
  await h.payments.outbox.idle(); // the receipt's delivery job and the e-mail are in the queue
}

/** A notice paid through the sandbox; returns the attempt. */
export async function paidNotice(h: Harness, opts: NoticeOptions & { locale?: "vi" | "en" } = {}) {
  const n = await newNotice(h, opts);
  const c = await checkout(h, n.id, opts.locale);
  await payInSandbox(h, c.url);
  const [a] = await h.db.sql<{ id: string; state: string; txn_ref: string }[]>`select id, state, txn_ref from payment_attempts where txn_ref = ${c.txnRef}`;
  return { notice: n, attempt: a!, checkout: c };
}

/** A signed IPN URL as VNPay would call it. */
export function ipnUrl(h: Harness, params: Record<string, string>) {
  const { query, hash } = signParams(h.services.config.VNPAY_HASH_SECRET, params);
  return `${h.base}/payments/vnpay/ipn?${query}&vnp_SecureHash=${hash}`;
}

export const paidParams = (h: Harness, txnRef: string, amount: number, transactionNo = "14000001") => ({
  vnp_Amount: String(amount * 100),
  vnp_BankCode: "NCB",
  vnp_OrderInfo: "Nop tam ung an phi",
  vnp_PayDate: "20260102100405",
  vnp_ResponseCode: "00",
  vnp_TmnCode: h.services.config.VNPAY_TMN_CODE,
  vnp_TransactionNo: transactionNo,
  vnp_TransactionStatus: "00",
  vnp_TxnRef: txnRef,
});

/** GETs many URLs at the same moment on separate sockets; returns the RspCodes. */
export async function concurrentGets(urls: string[]): Promise<string[]> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: urls.length });
  try {
    return await Promise.all(
      urls.map(
        (url) =>
          new Promise<string>((resolve, reject) =>
            http
              .get(url, { agent }, (res) => {
                let body = "";
                res.on("data", (d) => (body += d));
                res.on("end", () => resolve((JSON.parse(body) as { RspCode: string }).RspCode));
              })
              .on("error", reject),
          ),
      ),
    );
  } finally {
    agent.destroy();
  }
}

export async function staffId(h: Harness, email: string) {
  const [s] = await h.db.sql<{ id: string }[]>`select id from staff where email = ${email}`;
  return s!.id;
}
