import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo, DEMO_PASSWORD } from "../seed.server";
import { signInStaff, SESSION_COOKIE } from "../accounts";
import { loader, action } from "../../app/routes/staff.admin.calendar";
import { invalidateCalendar, startClock } from "./clocks.server";
import { ANNOUNCED_DAYS } from "./announced-days";

let db: TestDatabase;
let context: AppLoadContext;
let admin: string;
let head: string;

async function cookieOf(email: string): Promise<string> {
  const s = await signInStaff(db.sql, { email, password: DEMO_PASSWORD, ip: "203.0.113.90", userAgent: "vitest", locale: "vi" });
  if (!s.ok) throw new Error(s.reason);
  return `${SESSION_COOKIE}=${s.token}`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "req-cal", locale: "vi", clientIp: "203.0.113.91" };
  admin = await cookieOf("quantri@thads.local");
  head = await cookieOf("thutruong@thads.local");
  invalidateCalendar();
});
afterAll(async () => {
  invalidateCalendar();
  await db.drop();
});

const URL_ = "http://localhost/staff/admin/calendar";
const get = (cookie: string, query = "") => loader({ request: new Request(`${URL_}${query}`, { headers: { cookie } }), context, params: {} });
const post = (cookie: string, fields: Record<string, string>) =>
  action({
    request: new Request(URL_, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) }),
    context,
    params: {},
  });

/** What a thrown Response or data() answered. */
async function outcome(p: Promise<unknown>): Promise<{ status: number; location?: string | null; body?: unknown }> {
  try {
    const r = await p;
    const d = r as { type?: string; init?: { status?: number }; data?: unknown };
    if (d && d.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, body: d.data };
    return { status: 200, body: r };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, location: e.headers.get("location") };
    const d = e as { type?: string; init?: { status?: number } };
    if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 500 };
    throw e;
  }
}

describe("/staff/admin/calendar", () => {
  it("is for administrators only", async () => {
    expect((await outcome(get(head))).status).toBe(403);
    expect((await outcome(post(head, { intent: "set", day: "2026-09-01", kind: "holiday", note: "x" }))).status).toBe(403);
  });

  it("lists the seeded Tết break and the library's holidays of the year read-only", async () => {
    const view = await get(admin, "?year=2026");
    expect(view.year).toBe(2026);
    expect(view.rows.map((r) => r.day)).toEqual(ANNOUNCED_DAYS.map((d) => d.day));
    expect(view.library.find((h) => h.day === "2026-04-27")).toMatchObject({ substitute: true });
    expect(view.library.find((h) => h.day === "2026-02-17")).toMatchObject({ overridden: true });
  });

  it("records a day (dd/mm/yyyy), audits it, and the next clock uses it at once", async () => {
    const before = await startClock(db.sql, { ruleId: "enforcement.ask-corrections", at: new Date("2026-08-31T10:00:00+07:00") });
    expect(before.dueOn).toBe("2026-09-01");
    const r = await outcome(post(admin, { intent: "set", day: "01/09/2026", kind: "holiday", note: "Nghỉ liền kề Quốc khánh 2026" }));
    expect(r).toMatchObject({ status: 302, location: "/staff/admin/calendar?year=2026&done=set" });
    const after = await startClock(db.sql, { ruleId: "enforcement.ask-corrections", at: new Date("2026-08-31T10:00:00+07:00") });
    expect(after.dueOn).toBe("2026-09-03");
    const [entry] = await db.sql<{ action: string; target_id: string; details: { kind: string } }[]>`
      select action, target_id, details from audit_log where target_type = 'calendar_day' order by id desc limit 1`;
    expect(entry).toMatchObject({ action: "calendar.day-set", target_id: "2026-09-01", details: { kind: "holiday" } });
  });

  it("says how many running deadlines a change recounted", async () => {
    expect(await get(admin, "?year=2026&done=set&moved=3")).toMatchObject({ done: "set", moved: 3 });
    expect(await get(admin, "?year=2026&moved=3")).toMatchObject({ done: null, moved: 0 });
    expect(await get(admin, "?year=2026&done=removed&moved=x")).toMatchObject({ done: "removed", moved: 0 });
  });

  it("refuses bad input with localised keys and keeps what was typed", async () => {
    const r = await outcome(post(admin, { intent: "set", day: "31/02/2026", kind: "weekend", note: "" }));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      errors: { day: "deadlines.errors.dayInvalid", kind: "deadlines.errors.kindRequired", note: "deadlines.errors.noteRequired" },
      values: { day: "31/02/2026", kind: "weekend", note: "" },
    });
    const gone = await outcome(post(admin, { intent: "remove", day: "2026-10-05" }));
    expect(gone).toMatchObject({ status: 400, body: { errors: { _form: "deadlines.errors.notFound" } } });
  });

  it("removes a day: audited, and the day follows the law again", async () => {
    await post(admin, { intent: "set", day: "2026-12-05", kind: "working", note: "Làm bù" }).catch(() => {});
    const due = () => startClock(db.sql, { ruleId: "enforcement.ask-corrections", at: new Date("2026-12-04T10:00:00+07:00") });
    expect((await due()).dueOn).toBe("2026-12-05");
    const r = await outcome(post(admin, { intent: "remove", day: "2026-12-05" }));
    expect(r).toMatchObject({ status: 302, location: "/staff/admin/calendar?year=2026&done=removed" });
    expect((await due()).dueOn).toBe("2026-12-07");
    const [entry] = await db.sql<{ action: string }[]>`select action from audit_log where target_id = '2026-12-05' order by id desc limit 1`;
    expect(entry?.action).toBe("calendar.day-removed");
  });
});
