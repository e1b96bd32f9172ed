import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff } from "../accounts";
import { listNoticesForAccountant } from "../payments";
import { cancelReceipt, getReceiptForAccountant, listReceiptsForAccountant } from "./receipts.server";
import { decideRefund, getRefundForStaff, listRefundReview, listRefundsForStaff, proposeRefund, refundablePayment } from "./refunds.server";
import { latestRun, listRuns, reconcile, runItems, vietnamDay } from "./reconciliation.server";
import { checkout, concurrentGets, ipnUrl, newNotice, paidNotice, paidParams, staffId, startHarness, type Harness } from "./test-harness";

// The agency scope of every staff list, detail and review query: with several offices, two of them
// siblings under one province and one in another province, a staff member sees exactly the rows of the
// offices where they hold the role, never a sibling's, another province's, or (from the province) a
// sub-office's: roles are held per office and do not reach the offices below.
let h: Harness;
const OFFICES = ["HNI-KV01", "HNI-KV02", "HCM-KV01"] as const;
type Office = (typeof OFFICES)[number];
type Rows = { notice: string; unpaidNotice: string; receipt: string; txnRef: string; refund: string; reviewTxnRef: string; run: string };
const rows = {} as Record<Office, Rows>;
const agency = {} as Record<Office | "HNI", string>;
const accountants = {} as Record<Office, string>;
const heads = {} as Record<Office, string>;
let provinceAccountant: string;
let twoOffices: string;

beforeAll(async () => {
  h = await startHarness();
  for (const code of [...OFFICES, "HNI"] as const) {
    const [a] = await h.db.sql<{ id: string }[]>`select id from agencies where code = ${code}`;
    agency[code] = a!.id;
  }
  const [parent] = await h.db.sql<{ parent_id: string }[]>`select parent_id from agencies where code = 'HNI-KV02'`;
  expect(parent!.parent_id).toBe(agency.HNI); // HNI-KV01 and HNI-KV02 are sub-offices of the province HNI
  accountants["HNI-KV01"] = await staffId(h, "ketoan@thads.local");
  heads["HNI-KV01"] = await staffId(h, "thutruong@thads.local");
  for (const code of ["HNI-KV02", "HCM-KV01"] as const) {
    const slug = code.toLowerCase();
    accountants[code] = await createStaff(h.db.sql, { email: `ketoan.${slug}@thads.local`, fullName: `Kế toán ${code}`, password: "x".repeat(12), roles: [{ role: "accountant", agencyId: agency[code] }] });
    heads[code] = await createStaff(h.db.sql, { email: `thutruong.${slug}@thads.local`, fullName: `Thủ trưởng ${code}`, password: "x".repeat(12), roles: [{ role: "head", agencyId: agency[code] }] });
  }
  provinceAccountant = await createStaff(h.db.sql, { email: "ketoan.cuc-hni@thads.local", fullName: "Kế toán Cục HNI", password: "x".repeat(12), roles: [{ role: "accountant", agencyId: agency.HNI }, { role: "head", agencyId: agency.HNI }] });
  twoOffices = await createStaff(h.db.sql, {
    email: "ketoan.hai-phong@thads.local", fullName: "Kế toán hai phòng", password: "x".repeat(12),
    roles: [{ role: "accountant", agencyId: agency["HNI-KV01"] }, { role: "accountant", agencyId: agency["HCM-KV01"] }],
  });

  for (const code of OFFICES) {
    const { notice, attempt } = await paidNotice(h, { agencyCode: code, amount: 800_000 });
    const unpaid = await newNotice(h, { agencyCode: code });
    const [receipt] = await h.db.sql<{ id: string }[]>`select id from receipts where attempt_id = ${attempt.id}`;
    const p = await proposeRefund(h.db.sql, { txnRef: attempt.txn_ref, amount: 100_000, reason: "Nộp thừa" }, { staffId: accountants[code], ip: null, requestId: null });
    if (!p.ok) throw new Error(p.error);
    // A payment of the wrong amount: flagged for refund review in its office.
    const review = await newNotice(h, { agencyCode: code, amount: 300_000 });
    const c = await checkout(h, review.id);
    expect(await concurrentGets([ipnUrl(h, paidParams(h, c.txnRef, 310_000, String(17_000_000 + OFFICES.indexOf(code))))])).toEqual(["04"]);
    const run = await reconcile(h.services, { agencyId: agency[code], day: vietnamDay(0), triggeredBy: accountants[code] });
    rows[code] = { notice: notice.id, unpaidNotice: unpaid.id, receipt: receipt!.id, txnRef: attempt.txn_ref, refund: p.id, reviewTxnRef: c.txnRef, run: run.runId };
  }
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** Who sees which offices: each staff member with the offices whose rows they must see. */
const viewers = (): { name: string; staffId: string; accountantOf: Office[]; headOf: Office[] }[] => [
  { name: "accountant of HNI-KV01", staffId: accountants["HNI-KV01"], accountantOf: ["HNI-KV01"], headOf: [] },
  { name: "accountant of HNI-KV02 (a sibling)", staffId: accountants["HNI-KV02"], accountantOf: ["HNI-KV02"], headOf: [] },
  { name: "accountant of HCM-KV01 (another province)", staffId: accountants["HCM-KV01"], accountantOf: ["HCM-KV01"], headOf: [] },
  { name: "head of HNI-KV01", staffId: heads["HNI-KV01"], accountantOf: [], headOf: ["HNI-KV01"] },
  { name: "head of HNI-KV02", staffId: heads["HNI-KV02"], accountantOf: [], headOf: ["HNI-KV02"] },
  { name: "head of HCM-KV01", staffId: heads["HCM-KV01"], accountantOf: [], headOf: ["HCM-KV01"] },
  { name: "accountant and head of the province HNI (parent)", staffId: provinceAccountant, accountantOf: [], headOf: [] },
  { name: "accountant of HNI-KV01 and HCM-KV01", staffId: twoOffices, accountantOf: ["HNI-KV01", "HCM-KV01"], headOf: [] },
];
const of = (offices: Office[], key: keyof Rows) => offices.map((o) => rows[o][key]).sort();
const only = (ids: string[], key: keyof Rows) => ids.filter((id) => OFFICES.some((o) => rows[o][key] === id)).sort();

describe("staff of one office never see another office's rows", () => {
  it("the receipts list and a receipt's detail", async () => {
    for (const v of viewers()) {
      const list = await listReceiptsForAccountant(h.db.sql, { staffId: v.staffId });
      expect(only(list.map((r) => r.id), "receipt"), v.name).toEqual(of(v.accountantOf, "receipt"));
      for (const o of OFFICES) {
        const detail = await getReceiptForAccountant(h.db.sql, { id: rows[o].receipt, staffId: v.staffId });
        expect(detail?.id ?? null, `${v.name} opens ${o}'s receipt`).toBe(v.accountantOf.includes(o) ? rows[o].receipt : null);
      }
    }
  });

  it("the notices list", async () => {
    for (const v of viewers()) {
      const ids = (await listNoticesForAccountant(h.db.sql, { staffId: v.staffId })).map((n) => n.id);
      expect(only(ids, "notice"), v.name).toEqual(of(v.accountantOf, "notice"));
      expect(only(ids, "unpaidNotice"), v.name).toEqual(of(v.accountantOf, "unpaidNotice"));
    }
  });

  it("the refunds list and a refund's detail (accountant or head of its office)", async () => {
    for (const v of viewers()) {
      const mine = [...new Set([...v.accountantOf, ...v.headOf])];
      const ids = (await listRefundsForStaff(h.db.sql, { staffId: v.staffId })).map((r) => r.id);
      expect(only(ids, "refund"), v.name).toEqual(of(mine, "refund"));
      for (const o of OFFICES) {
        const detail = await getRefundForStaff(h.db.sql, { id: rows[o].refund, staffId: v.staffId });
        expect(detail?.id ?? null, `${v.name} opens ${o}'s refund`).toBe(mine.includes(o) ? rows[o].refund : null);
      }
    }
  });

  it("the refund-review list and the payment a refund may be proposed for", async () => {
    for (const v of viewers()) {
      const review = (await listRefundReview(h.db.sql, { staffId: v.staffId })).map((r) => r.txn_ref);
      expect(only(review, "reviewTxnRef"), v.name).toEqual(of(v.accountantOf, "reviewTxnRef"));
      for (const o of OFFICES) {
        const p = await refundablePayment(h.db.sql, { txnRef: rows[o].txnRef, staffId: v.staffId });
        expect(p?.txnRef ?? null, `${v.name} may refund ${o}'s payment`).toBe(v.accountantOf.includes(o) ? rows[o].txnRef : null);
      }
    }
  });

  it("reconciliation runs, their items and the latest run of a day", async () => {
    for (const v of viewers()) {
      const runs = (await listRuns(h.db.sql, { staffId: v.staffId })).map((r) => r.id);
      expect(only(runs, "run"), v.name).toEqual(of(v.accountantOf, "run"));
      for (const o of OFFICES) {
        const mayRead = v.accountantOf.includes(o);
        expect((await runItems(h.db.sql, { runId: rows[o].run, staffId: v.staffId }))?.run.id ?? null, `${v.name} reads ${o}'s run`).toBe(mayRead ? rows[o].run : null);
        const latest = await latestRun(h.db.sql, { agencyId: agency[o], day: vietnamDay(0), staffId: v.staffId });
        expect(latest !== null, `${v.name} sees ${o}'s latest run`).toBe(mayRead);
      }
    }
  });

  it("acting on another office's rows is refused and changes nothing", async () => {
    const actor = { ip: null, requestId: null };
    const kv2 = rows["HNI-KV02"];
    for (const staff of [accountants["HNI-KV01"], accountants["HCM-KV01"], provinceAccountant]) {
      expect(await cancelReceipt(h.db.sql, { receiptId: kv2.receipt, reason: "không có quyền hủy", replace: false }, { staffId: staff, ...actor })).toEqual({ ok: false, error: "not-found" });
      expect(await proposeRefund(h.db.sql, { txnRef: kv2.txnRef, amount: 1_000, reason: "không có quyền" }, { staffId: staff, ...actor })).toEqual({ ok: false, error: "notFound" });
    }
    for (const head of [heads["HNI-KV01"], heads["HCM-KV01"], provinceAccountant]) {
      expect(await decideRefund(h.db.sql, { refundId: kv2.refund, approve: true }, { staffId: head, ...actor })).toEqual({ ok: false, error: "notHead" });
    }
    const [receipt] = await h.db.sql<{ status: string }[]>`select status from receipts where id = ${kv2.receipt}`;
    const [refund] = await h.db.sql<{ state: string }[]>`select state from refunds where id = ${kv2.refund}`;
    expect([receipt!.status, refund!.state]).toEqual(["valid", "proposed"]);
    // And the office's own head may decide it: the refusals above are about the office, not the refund.
    expect(await decideRefund(h.db.sql, { refundId: kv2.refund, approve: false, note: "Không đủ căn cứ" }, { staffId: heads["HNI-KV02"], ...actor })).toEqual({ ok: true, state: "rejected" });
  });
});
