import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff } from "../accounts";
import { listRuns, reconcileForStaff, runItems, vietnamDay } from "./reconciliation.server";
import { getRefundForStaff, proposeRefund, refundDecisionRight, refundRoles } from "./refunds.server";
import { paidNotice, staffId, startHarness, type Harness } from "./test-harness";

// What the staff pages (reconciliation, refunds) add on top of the domain: the button's office check,
// the list of past runs, the refund roles and who may decide.
let h: Harness;
let kv1: string;
let kv2: string;
let accountant: string;
let head: string;
let accountantKv2: string;
beforeAll(async () => {
  h = await startHarness();
  const [a1] = await h.db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  const [a2] = await h.db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV02'`;
  kv1 = a1!.id;
  kv2 = a2!.id;
  accountant = await staffId(h, "ketoan@thads.local");
  head = await staffId(h, "thutruong@thads.local");
  accountantKv2 = await createStaff(h.db.sql, { email: "ketoan.kv2@thads.local", fullName: "Kế toán KV2", password: "x".repeat(12), roles: [{ role: "accountant", agencyId: kv2 }] });
});
afterAll(async () => {
  await h?.close();
});

describe("the reconciliation button and the list of runs", () => {
  it("an accountant runs it for their own office; the run is listed for them and not for another office's accountant", async () => {
    await paidNotice(h, { agencyCode: "HNI-KV01" });
    const r = await reconcileForStaff(h.services, { agencyId: kv1, day: vietnamDay(0), staffId: accountant });
    if (!r.ok) throw new Error(r.error);
    const mine = await listRuns(h.db.sql, { staffId: accountant });
    expect(mine[0]).toMatchObject({ id: r.runId, day: vietnamDay(0), checked: 1, open_items: 0, triggered_by_name: "Lê Thị Minh Phương" });
    expect(mine[0]!.summary).toMatchObject({ amount_mismatch: 0, paid_without_receipt: 0 });
    expect((await listRuns(h.db.sql, { staffId: accountantKv2 })).map((x) => x.id)).not.toContain(r.runId);
    expect(await runItems(h.db.sql, { runId: r.runId, staffId: accountantKv2 })).toBeNull();
    expect(await listRuns(h.db.sql, { staffId: head })).toEqual([]); // the head is not an accountant
  });

  it("refuses an office where the staff member is not an accountant, and stores nothing", async () => {
    const before = await h.db.sql`select count(*)::int as n from reconciliation_runs`;
    expect(await reconcileForStaff(h.services, { agencyId: kv1, day: vietnamDay(0), staffId: accountantKv2 })).toEqual({ ok: false, error: "notAccountant" });
    expect(await reconcileForStaff(h.services, { agencyId: kv1, day: vietnamDay(0), staffId: head })).toEqual({ ok: false, error: "notAccountant" });
    expect(await reconcileForStaff(h.services, { agencyId: "not-a-uuid", day: vietnamDay(0), staffId: accountant })).toEqual({ ok: false, error: "notAccountant" });
    const after = await h.db.sql`select count(*)::int as n from reconciliation_runs`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe("refund roles and the right to decide", () => {
  it("roles come from SQL: the accountant proposes, the head decides", async () => {
    expect(await refundRoles(h.db.sql, { staffId: accountant })).toEqual({ accountantOf: [kv1], headOf: [] });
    expect(await refundRoles(h.db.sql, { staffId: head })).toEqual({ accountantOf: [], headOf: [kv1] });
    const clerk = await staffId(h, "tiepnhan@thads.local");
    expect(await refundRoles(h.db.sql, { staffId: clerk })).toEqual({ accountantOf: [], headOf: [] });
  });

  it("only a head of the office who did not propose may decide an open proposal", async () => {
    const { attempt } = await paidNotice(h, { amount: 700_000 });
    const p = await proposeRefund(h.db.sql, { txnRef: attempt.txn_ref, amount: 700_000, reason: "Tòa án đình chỉ vụ án" }, { staffId: accountant, ip: null, requestId: null });
    if (!p.ok) throw new Error(p.error);
    const r = (await getRefundForStaff(h.db.sql, { id: p.id, staffId: head }))!;
    expect(r.agency_id).toBe(kv1);
    expect(refundDecisionRight(r, { staffId: head, headOf: [kv1] })).toBe("ok");
    expect(refundDecisionRight(r, { staffId: accountant, headOf: [] })).toBe("samePerson");
    expect(refundDecisionRight(r, { staffId: accountant, headOf: [kv1] })).toBe("samePerson"); // a head who proposed
    expect(refundDecisionRight(r, { staffId: accountantKv2, headOf: [kv2] })).toBe("notHead");
    expect(refundDecisionRight({ ...r, state: "approved" }, { staffId: head, headOf: [kv1] })).toBe("notOpen");
    expect(await getRefundForStaff(h.db.sql, { id: p.id, staffId: accountantKv2 })).toBeNull(); // other office: not visible
  });
});
