import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo, DEMO_PASSWORD, DEMO_STAFF } from "../seed.server";
import { signInStaff } from "./staff.server";
import { SESSION_COOKIE } from "./session.server";
import { staffStatus } from "./guards.server";
import { STAFF_AREAS, type StaffArea } from "./staff-areas";
import { loader as noticesLoader } from "../../app/routes/staff.notices._index";
import { loader as receiptsLoader } from "../../app/routes/staff.receipts._index";
import { loader as reconciliationLoader } from "../../app/routes/staff.reconciliation._index";
import { loader as refundsLoader } from "../../app/routes/staff.refunds._index";
import { loader as casesLoader } from "../../app/routes/staff.cases._index";
import { loader as adminLoader } from "../../app/routes/staff.admin._index";
import { loader as auditLoader } from "../../app/routes/staff.audit";
import { loader as handoffLoader } from "../../app/routes/staff.handoff";
import { loader as debtorListLoader } from "../../app/routes/staff.debtor-list._index";
import { loader as statisticsLoader } from "../../app/routes/staff.statistics";

// The header shows a staff member exactly the areas whose pages let them in: both come from STAFF_AREAS.
let db: TestDatabase;
let context: AppLoadContext;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.80" };
});
afterAll(async () => {
  await db.drop();
});

const loaders: Record<StaffArea, (args: never) => Promise<unknown>> = {
  cases: casesLoader as never,
  notices: noticesLoader as never,
  receipts: receiptsLoader as never,
  reconciliation: reconciliationLoader as never,
  refunds: refundsLoader as never,
  admin: adminLoader as never,
  audit: auditLoader as never,
  handoff: handoffLoader as never,
  debtorList: debtorListLoader as never,
  statistics: statisticsLoader as never,
};

/** May this cookie use the area's page? A 403 (thrown) is no. */
async function letsIn(area: StaffArea, cookie: string): Promise<boolean> {
  const request = new Request(`http://localhost${STAFF_AREAS[area].path}`, { headers: { cookie } });
  try {
    await loaders[area]({ request, context, params: {} } as never);
    return true;
  } catch (e) {
    const status = e instanceof Response ? e.status : (e as { init?: { status?: number } })?.init?.status;
    if (status === 403) return false;
    throw e;
  }
}

describe("staff areas", () => {
  it.each(DEMO_STAFF.map((s) => [s.role, s] as const))("%s: the header's links are exactly the areas the guards open", async (_role, staff) => {
    const signedIn = await signInStaff(db.sql, { email: staff.email, password: DEMO_PASSWORD, ip: "203.0.113.81", userAgent: "vitest", locale: "vi" });
    if (!signedIn.ok) throw new Error(signedIn.reason);
    const cookie = `${SESSION_COOKIE}=${signedIn.token}`;
    const status = await staffStatus(new Request("http://localhost/", { headers: { cookie } }), context);
    expect(status?.fullName).toBe(staff.fullName);
    const shown = status!.areas.map((a) => a.area).sort();
    const open: StaffArea[] = [];
    for (const area of Object.keys(STAFF_AREAS) as StaffArea[]) if (await letsIn(area, cookie)) open.push(area);
    expect(shown).toEqual(open.sort());
  });

  it("show the accountant money and the clerk the work inbox, not the other way round", async () => {
    const areasOf = async (email: string) => {
      const s = await signInStaff(db.sql, { email, password: DEMO_PASSWORD, ip: "203.0.113.82", userAgent: "vitest", locale: "vi" });
      if (!s.ok) throw new Error(s.reason);
      return (await staffStatus(new Request("http://localhost/", { headers: { cookie: `${SESSION_COOKIE}=${s.token}` } }), context))!.areas.map((a) => a.area);
    };
    expect(await areasOf("ketoan@thads.local")).toEqual(["cases", "notices", "receipts", "reconciliation", "refunds"]);
    expect(await areasOf("tiepnhan@thads.local")).toEqual(["cases"]);
    expect(await areasOf("thutruong@thads.local")).toEqual(["cases", "refunds", "audit", "statistics", "handoff", "debtorList"]);
  });

  it("is null for a visitor and for a citizen session", async () => {
    expect(await staffStatus(new Request("http://localhost/"), context)).toBeNull();
    expect(await staffStatus(new Request("http://localhost/", { headers: { cookie: `${SESSION_COOKIE}=not-a-session` } }), context)).toBeNull();
  });
});
