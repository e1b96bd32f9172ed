import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyOutcome } from "../payments";
import { checkout, newNotice, startHarness, type Harness } from "./test-harness";

// Receipt numbers run per office and per year, and the year is Vietnam's (UTC+7): a payment at
// 31/12 23:30 in Hà Nội is 16:30 UTC, one at 01/01 00:30 is still 31/12 17:30 UTC.
let h: Harness;
const OFFICE = "NAN-KV02"; // an office no other receipt test pays into
beforeAll(async () => {
  h = await startHarness();
  await h.db.sql`create schema test_clock`;
});
afterAll(async () => {
  await h?.close();
});

/**
 * A payment credited by an IPN at a given instant: the transaction's now() is that instant (a test_clock
 * schema put before pg_catalog in the search path, for this transaction only).
 */
async function paidAt(instant: string, amount: number) {
  const n = await newNotice(h, { amount, agencyCode: OFFICE });
  const c = await checkout(h, n.id);
  await h.db.sql.begin(async (tx) => {
    await tx.unsafe(`create or replace function test_clock.now() returns timestamptz language sql as $$ select '${instant}'::timestamptz $$`);
    await tx.unsafe("set local search_path = test_clock, pg_catalog, public");
    const [clock] = await tx<{ now: Date }[]>`select now() as now`;
    expect(clock!.now.toISOString()).toBe(new Date(instant).toISOString());
    const verdict = await applyOutcome(
      tx,
      c.txnRef,
      { paid: true, amount, responseCode: "00", transactionStatus: "00", transactionNo: String(20_000_000 + amount), bankCode: "NCB", payDate: new Date(instant) },
      "ipn",
    );
    expect(verdict).toBe("applied");
  });
  const [r] = await h.db.sql<{ year: number; number: number; symbol: string; payload: { year: number; number: string; symbol: string } }[]>`
    select r.year, r.number, r.symbol, r.payload from receipts r join payment_attempts p on p.id = r.attempt_id where p.txn_ref = ${c.txnRef}`;
  return r!;
}

describe("receipt numbering at the year change, in Vietnam's time zone", () => {
  it("31/12 23:30 +07 is numbered in the old year's series, 01/01 00:30 +07 (still 31/12 in UTC) starts the new one", async () => {
    const lastOfYear = await paidAt("2026-12-31T16:30:00Z", 101_000); // 31/12/2026 23:30 in Hà Nội
    const justBefore = await paidAt("2026-12-31T16:59:59Z", 102_000); // 23:59:59
    const firstOfYear = await paidAt("2026-12-31T17:30:00Z", 103_000); // 01/01/2027 00:30
    const atMidnight = await paidAt("2026-12-31T17:00:00Z", 104_000); // 01/01/2027 00:00:00

    expect(lastOfYear).toMatchObject({ year: 2026, symbol: "TA/26E", payload: { year: 2026, symbol: "TA/26E" } });
    expect(justBefore).toMatchObject({ year: 2026, number: lastOfYear.number + 1, symbol: "TA/26E" });
    // A new series: number 1 of 2027, not the next number of 2026.
    expect(firstOfYear).toMatchObject({ year: 2027, number: 1, symbol: "TA/27E", payload: { year: 2027, number: "0000001", symbol: "TA/27E" } });
    expect(atMidnight).toMatchObject({ year: 2027, number: 2, symbol: "TA/27E" });

    const counters = await h.db.sql<{ year: number; last_number: number }[]>`
      select c.year, c.last_number from receipt_counters c join agencies a on a.id = c.agency_id where a.code = ${OFFICE} order by c.year`;
    expect(counters).toEqual([
      { year: 2026, last_number: justBefore.number },
      { year: 2027, last_number: 2 },
    ]);
  });
});
