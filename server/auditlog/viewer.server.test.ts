import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo, DEMO_PASSWORD } from "../seed.server";
import { signInStaff, SESSION_COOKIE } from "../accounts";
import { audit } from "../audit";
import { loader } from "../../app/routes/staff.audit";
import { normaliseForSearch } from "../cases/browser";
import { AUDIT_PAGE_SIZE, listAuditEntries, normalisedSql, targetHref, TRANSLATE_FROM, TRANSLATE_TO } from "./viewer.server";

let db: TestDatabase;
let context: AppLoadContext;
let kv01: string;
let kv02: string;
let headId: string;
let clerkId: string;
const caseA = "0b7c2f0e-4f4e-4c3a-9a39-6f1d1b7e0a01";

async function cookieOf(email: string): Promise<string> {
  const s = await signInStaff(db.sql, { email, password: DEMO_PASSWORD, ip: "203.0.113.95", userAgent: "vitest", locale: "vi" });
  if (!s.ok) throw new Error(s.reason);
  return `${SESSION_COOKIE}=${s.token}`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "req-audit", locale: "vi", clientIp: "203.0.113.96" };
  const ids = await db.sql<{ code: string; id: string }[]>`select code, id from agencies where code in ('HNI-KV01', 'HNI-KV02')`;
  kv01 = ids.find((r) => r.code === "HNI-KV01")!.id;
  kv02 = ids.find((r) => r.code === "HNI-KV02")!.id;
  const staff = await db.sql<{ email: string; id: string }[]>`select email, id from staff`;
  headId = staff.find((s) => s.email === "thutruong@thads.local")!.id;
  clerkId = staff.find((s) => s.email === "tiepnhan@thads.local")!.id;
  await audit(db.sql, { actorType: "staff", actorId: clerkId, agencyId: kv01, action: "case.accept", targetType: "case", targetId: caseA, details: { n: 1 } });
  await audit(db.sql, { actorType: "system", agencyId: kv02, action: "case.refuse", targetType: "case", targetId: "0b7c2f0e-4f4e-4c3a-9a39-6f1d1b7e0a02" });
  await audit(db.sql, { actorType: "system", action: "calendar.day-set", targetType: "calendar_day", targetId: "2026-09-01" });
});
afterAll(async () => {
  await db.drop();
});

const entriesOf = (r: { entries: { action: string; agencyCode: string | null }[] }) => r.entries;

describe("the audit log viewer's scope", () => {
  it("a head of office A does not see office B's entries (nor office-less ones)", async () => {
    const r = await listAuditEntries(db.sql, { staffId: headId, admin: false }, {});
    expect(entriesOf(r).every((e) => e.agencyCode === "HNI-KV01")).toBe(true);
    expect(entriesOf(r).map((e) => e.action)).toContain("case.accept");
    expect(entriesOf(r).map((e) => e.action)).not.toContain("case.refuse");
    // Asking for office B's entries by id gives nothing either.
    expect((await listAuditEntries(db.sql, { staffId: headId, admin: false }, { agencyId: kv02 })).entries).toEqual([]);
  });

  it("an administrator sees every entry", async () => {
    const actions = entriesOf(await listAuditEntries(db.sql, { staffId: headId, admin: true }, {})).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["case.accept", "case.refuse", "calendar.day-set"]));
  });

  it("links a case entry to its case page", async () => {
    const [e] = (await listAuditEntries(db.sql, { staffId: headId, admin: false }, { action: "case.accept" })).entries;
    expect(e?.targetHref).toBe(`/staff/cases/${caseA}`);
    expect(e?.actorName).toBe("Nguyễn Thị Thu Hà");
    expect(targetHref("calendar_day", "2026-09-01")).toBe("/staff/admin/calendar?year=2026");
    expect(targetHref("case", "not-a-uuid")).toBeNull();
  });
});

describe("filters and pages", () => {
  it("filters by person (part of the e-mail or name), action and Vietnamese days", async () => {
    const admin = { staffId: headId, admin: true };
    expect(entriesOf(await listAuditEntries(db.sql, admin, { person: "tiepnhan" })).map((e) => e.action)).toEqual(["case.accept"]);
    expect(entriesOf(await listAuditEntries(db.sql, admin, { person: "Thu Hà" })).map((e) => e.action)).toEqual(["case.accept"]);
    expect((await listAuditEntries(db.sql, admin, { person: "%" })).entries).toEqual([]);
    // Without diacritics, in any case, with stray spacing: the name is compared as normaliseForSearch has it.
    for (const person of ["nguyen thi thu ha", "NGUYEN THI THU HA", "  thu   ha ", "Nguyễn Thị Thu Hà", "nguyễn thi"]) {
      expect(entriesOf(await listAuditEntries(db.sql, admin, { person })).map((e) => e.action), person).toEqual(["case.accept"]);
    }
    expect((await listAuditEntries(db.sql, admin, { person: "nguyen thi thu hb" })).entries).toEqual([]);
    expect(entriesOf(await listAuditEntries(db.sql, admin, { action: "case.refuse" }))).toHaveLength(1);
    expect((await listAuditEntries(db.sql, admin, { to: "2020-01-01" })).entries).toEqual([]);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    expect((await listAuditEntries(db.sql, admin, { from: today, to: today, action: "case.accept" })).entries).toHaveLength(1);
  });

  it("normalise names in SQL exactly as normaliseForSearch does", async () => {
    expect(TRANSLATE_FROM.length).toBe(TRANSLATE_TO.length);
    const names = [
      "Nguyễn Thị Thu Hà", "ĐỖ QUỐC VIỆT", "Trần Thị Ánh Tuyết", "Lê Thị Hồng Nhung", "Phạm Ngọc Ẩn", "Hoàng Thủy Tiên",
      "Vũ Đức Thắng", "Bùi Thị Mỹ Dung", "Ông Văn Ước-Lượng", "Dương Quỳnh Anh (Phó)", "ỨNG THỊ HƯỜNG", "Khổng Minh  Ỷ",
    ];
    const rows = await db.sql<{ name: string; normalised: string }[]>`
      select n as name, ${normalisedSql(db.sql, "n")} as normalised from unnest(${names}::text[]) as n`;
    for (const r of rows) expect(r.normalised, r.name).toBe(normaliseForSearch(r.name));
  });

  it("pages newest first with a keyset cursor", async () => {
    await db.sql`
      insert into audit_log (actor_type, agency_id, action)
      select 'system', ${kv01}, 'bench.page' from generate_series(1, ${AUDIT_PAGE_SIZE + 5})`;
    const viewer = { staffId: headId, admin: false };
    const first = await listAuditEntries(db.sql, viewer, { action: "bench.page" });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.nextBefore).not.toBeNull();
    const ids = first.entries.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const second = await listAuditEntries(db.sql, viewer, { action: "bench.page", before: first.nextBefore! });
    expect(second.entries).toHaveLength(5);
    expect(second.nextBefore).toBeNull();
    expect(Math.max(...second.entries.map((e) => e.id))).toBeLessThan(Math.min(...ids));
  });
});

describe("/staff/audit", () => {
  const get = (cookie: string, query = "") => loader({ request: new Request(`http://localhost/staff/audit${query}`, { headers: { cookie } }), context, params: {} });

  it("is for heads and administrators", async () => {
    const clerk = await cookieOf("tiepnhan@thads.local");
    await expect(get(clerk)).rejects.toMatchObject({ init: { status: 403 } });
    const head = await get(await cookieOf("thutruong@thads.local"));
    expect(head.offices.map((o) => o.id)).toEqual([kv01]);
    expect(head.actions).not.toContain("case.refuse");
  });

  it("answers a bad filter with localised messages, not a 500", async () => {
    const head = await cookieOf("thutruong@thads.local");
    const r = await get(head, `?from=32/13/2026&to=2026-01-01&office=${kv02}`);
    expect(r.errors).toEqual({ from: "auditlog.errors.dateInvalid", office: "auditlog.errors.officeInvalid" });
    expect(r.entries).toEqual([]);
    expect(r.values.from).toBe("32/13/2026");
    const range = await get(head, "?from=02/12/2026&to=01/12/2026");
    expect(range.errors).toEqual({ to: "auditlog.errors.rangeInvalid" });
  });
});
