import crypto from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo } from "../seed.server";
import { createSession, createStaff, SESSION_COOKIE } from "../accounts";
import { searchTextOf } from "../cases/browser";
import { addDays, addMonths, vnDay, workingCalendar } from "../deadlines";
import { loader as publicLoader } from "../../app/routes/danh-sach-chua-co-dieu-kien-thi-hanh";
import { loader as csvLoader } from "../../app/routes/danh-sach-chua-co-dieu-kien-thi-hanh[.csv]";
import { loader as jsonLoader } from "../../app/routes/danh-sach-chua-co-dieu-kien-thi-hanh[.json]";
import { loader as staffListLoader } from "../../app/routes/staff.debtor-list._index";
import { loader as newLoader, action as newAction } from "../../app/routes/staff.debtor-list.new";
import { loader as entryLoader, action as entryAction } from "../../app/routes/staff.debtor-list.$id";
import { changeBy, publishBy, publishedUntil, removeBy } from "./rules";
import { markExpired } from "./entries.server";
import { resources } from "../../vocabulary/i18n/resources.server";

// The debtor list (docs/decisions/072-debtor-list.md) through its routes' loaders and actions on a real
// database: the periods by the rule in force, who may write (scope in SQL), the public search and open data
// (the law's fields only), expiry without a task, removal at once, bad input never a 500.
let db: TestDatabase;
let context: AppLoadContext;
const office: Record<string, string> = {};
const who: Record<string, { id: string; cookie: string }> = {};
const OFFICER_A = "dl-officer-a@thads.local";
const OFFICER_B = "dl-officer-b@thads.local";
const HEAD_HNI = "dl-head-hni@thads.local";
const CLERK_A = "dl-clerk-a@thads.local";
const STAFF_NAME_MARK = "Cán Bộ Bí Mật Zqx";

async function person(email: string, fullName: string, role: "clerk" | "officer" | "head", code: string, reach = false) {
  const id = await createStaff(db.sql, { email, fullName, password: "not-used-here-1", roles: [{ role, agencyId: office[code]! }] });
  if (reach) await db.sql`update staff_roles set reaches_sub_offices = true where staff_id = ${id}`;
  const s = await createSession(db.sql, { staffId: id });
  who[email] = { id, cookie: `${SESSION_COOKIE}=${s.token}` };
}

let seq = 0;
async function insertCase(code: string, applicant = "Ngân hàng Thử Nghiệm") {
  seq++;
  const reference = `YC-2026-D${String(seq).padStart(5, "0")}`;
  const [row] = await db.sql<{ id: string }[]>`
    insert into cases (case_type, submission_id, reference, agency_id, state, applicant_name, other_party_name, search_text, received_at, case_number)
    values ('enforcement-request', ${crypto.randomUUID()}, ${reference}, ${office[code]!}, 'accepted', ${applicant}, 'Nguyễn Văn An',
      ${searchTextOf([reference, applicant])}, now(), ${`${seq}/QĐ-THADS`})
    returning id`;
  return { id: row!.id, reference };
}

const req = (path: string, email?: string, body?: Record<string, string>) =>
  new Request(`http://localhost${path}`, {
    method: body ? "POST" : "GET",
    body: body ? new URLSearchParams(body) : undefined,
    headers: email ? { cookie: who[email]!.cookie } : {},
  });

/** Runs a loader/action: its status and body, whether it returned data, a Response, or threw one. */
async function run(fn: () => Promise<unknown> | unknown): Promise<{ status: number; body: unknown; location: string | null }> {
  let r: unknown;
  try {
    r = await fn();
  } catch (e) {
    r = e;
  }
  if (r instanceof Error) throw r;
  if (r instanceof Response) return { status: r.status, body: r.headers.get("content-type")?.includes("json") ? await r.json() : await r.text(), location: r.headers.get("location") };
  const d = r as { data?: unknown; init?: { status?: number } | null; type?: string };
  if (d && d.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, body: d.data, location: null };
  return { status: 200, body: r, location: null };
}

const today = () => vnDay(new Date());
const VALID = (over: Record<string, string> = {}) => ({
  debtorName: "Nguyễn Văn An",
  debtorAddress: "Số 1 phố Huế, phường Hai Bà Trưng, Hà Nội",
  judgment: "Bản án 12/2025/DS-ST ngày 01/03/2025 của TAND khu vực 1 – Hà Nội",
  enforcementDecision: "Quyết định thi hành án 45/QĐ-THADS ngày 10/04/2025",
  obligation: "Trả 150.000.000 ₫ cho Ngân hàng Thử Nghiệm",
  reason: "Không có tài sản, không có thu nhập (điểm a khoản 1 Điều 44a)",
  decidedOn: addDays(today(), -2),
  decisionBasis: "BASIS-MARK điểm a khoản 1 Điều 44a Luật Thi hành án dân sự",
  ...over,
});

async function addFor(caseId: string, email = OFFICER_A, over: Record<string, string> = {}) {
  const r = await run(() => newAction({ request: req(`/staff/debtor-list/new?case=${caseId}`, email, VALID(over)), context, params: {} } as never));
  const id = r.location ? /\/staff\/debtor-list\/([0-9a-f-]{36})/.exec(r.location)?.[1] : undefined;
  return { ...r, id };
}
const publicSearch = async (qs: string) => run(() => publicLoader({ request: req(`/danh-sach-chua-co-dieu-kien-thi-hanh${qs}`), context, params: {} } as never));
const names = (body: unknown) => (body as { rows: { name: string }[] }).rows.map((r) => r.name);
const openData = async (format: "csv" | "json") => {
  const loader = format === "csv" ? csvLoader : jsonLoader;
  const res = (await loader({ request: req(`/danh-sach-chua-co-dieu-kien-thi-hanh.${format}`), context, params: {} } as never)) as Response;
  return { res, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await res.arrayBuffer())) };
};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.90" };
  for (const r of await db.sql<{ id: string; code: string }[]>`select id, code from agencies`) office[r.code] = r.id;
  await person(OFFICER_A, STAFF_NAME_MARK, "officer", "HNI-KV01");
  await person(OFFICER_B, "Officer B", "officer", "HNI-KV02");
  await person(HEAD_HNI, "Head HNI", "head", "HNI", true);
  await person(CLERK_A, "Clerk A", "clerk", "HNI-KV01");
});
afterAll(async () => {
  await db?.drop();
});

describe("periods: each a legal rule chosen by its date, counted in working days", () => {
  const cal = workingCalendar([]);
  it("publish by: 5 working days, across a weekend and across Tết", () => {
    // Fri 04/12/2026 → Mon 07 … Fri 11/12 (the weekend not counted).
    expect(publishBy(cal, "2026-12-04").dueOn).toBe("2026-12-11");
    // Wed 03/02/2027: Thu 04 (1), Tết 05–11/02 not counted, Fri 12 (2), Mon 15, Tue 16, Wed 17 (5).
    expect(publishBy(cal, "2027-02-03").dueOn).toBe("2027-02-17");
  });
  it("change by: 3 working days, across a weekend and Tết", () => {
    expect(changeBy(cal, "2026-12-04").dueOn).toBe("2026-12-09");
    expect(changeBy(cal, "2027-02-04").dueOn).toBe("2027-02-16");
  });
  it("remove by: 2 working days until 30/06/2026, 3 from 01/07/2026 (by the day the ground arose), across a weekend and Tết", () => {
    expect(removeBy(cal, "case-ended", "2026-06-30")).toMatchObject({ dueOn: "2026-07-02", rule: { amount: 2 } });
    expect(removeBy(cal, "conditions-changed", "2026-07-03")).toMatchObject({ dueOn: "2026-07-08", rule: { amount: 3 } });
    expect(removeBy(cal, "decision-withdrawn", "2027-02-04").dueOn).toBe("2027-02-16");
  });
  it("an office's announced day off counts as in the calendar (a Monday holiday moves the date)", () => {
    const withDayOff = workingCalendar([{ day: "2026-12-07", kind: "holiday", note: "test" }]);
    expect(publishBy(withDayOff, "2026-12-04").dueOn).toBe("2026-12-14");
  });
  it("the publication period: 6 months from the decision (re-verification, art. 44(1))", () => {
    expect(publishedUntil("2026-08-31")).toMatchObject({ dueOn: "2027-02-28", rule: { id: "debtor-list.publication", amount: 6 } });
  });
});

describe("staff: an officer adds, changes and removes the entries of their office's cases", () => {
  it("prefills the form from the case, publishes on save with its publish-by date, and audits it", async () => {
    const c = await insertCase("HNI-KV01");
    const form = await run(() => newLoader({ request: req(`/staff/debtor-list/new?case=${c.id}`, OFFICER_A), context, params: {} } as never));
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ mayWrite: true, values: { debtorName: "Nguyễn Văn An", enforcementDecision: expect.stringContaining("/QĐ-THADS") } });
    const added = await addFor(c.id);
    expect(added.status).toBe(303);
    const [e] = await db.sql`select publish_by::text, published_until::text, created_by from debtor_list_entries where id = ${added.id!}`;
    expect(e).toMatchObject({ publish_by: publishBy(workingCalendar([]), VALID().decidedOn).dueOn, published_until: addMonths(VALID().decidedOn, 6), created_by: who[OFFICER_A]!.id });
    const [a] = await db.sql`select actor_id, agency_id, details from audit_log where action = 'debtor_list.add' and target_id = ${added.id!}`;
    expect(a).toMatchObject({ actor_id: who[OFFICER_A]!.id, agency_id: office["HNI-KV01"] });
    // A second entry for the same case goes to the existing one.
    const again = await run(() => newLoader({ request: req(`/staff/debtor-list/new?case=${c.id}`, OFFICER_A), context, params: {} } as never));
    expect(again).toMatchObject({ status: 303, location: `/staff/debtor-list/${added.id}` });
  });

  it("bad input: every value comes back with a localised message per field, nothing is stored, never a 500", async () => {
    const c = await insertCase("HNI-KV01");
    const r = await addFor(c.id, OFFICER_A, { debtorName: "  ", reason: "x".repeat(1001), decidedOn: "2026-02-30", debtorAddress: "Số 1\u0000Huế" });
    expect(r.status).toBe(400);
    const body = r.body as { values: Record<string, string>; errors: Record<string, string> };
    expect(body.values).toMatchObject({ judgment: VALID().judgment, decidedOn: "2026-02-30" });
    expect(Object.keys(body.errors).sort()).toEqual(["debtorAddress", "debtorName", "decidedOn", "reason"]);
    for (const locale of ["vi", "en"] as const) {
      const words = resources[locale].debtorList.errors;
      expect(words.required.length).toBeGreaterThan(3);
      expect(words.date.length).toBeGreaterThan(3);
    }
    expect(body.errors.decidedOn).toMatch(/^debtorList\.errors\.date\|/);
    expect(body.errors.debtorAddress).toMatch(/^validation\.controlChars\|/);
    expect(await db.sql`select 1 from debtor_list_entries where case_id = ${c.id}`).toHaveLength(0);
  });

  it("office B's officer cannot add, change or remove office A's entries; a head sees them but cannot write; a clerk has no area", async () => {
    const c = await insertCase("HNI-KV01");
    expect((await addFor(c.id, OFFICER_B)).status).toBe(404);
    const added = await addFor(c.id);
    const id = added.id!;
    const version = "0";
    expect((await run(() => entryLoader({ request: req(`/staff/debtor-list/${id}`, OFFICER_B), context, params: { id } } as never))).status).toBe(404);
    const edit = { intent: "edit", ...VALID({ debtorName: "Đổi Tên" }), changedOn: today(), version };
    expect((await run(() => entryAction({ request: req(`/staff/debtor-list/${id}`, OFFICER_B, edit), context, params: { id } } as never))).status).toBe(404);
    const remove = { intent: "remove", ground: "case-ended", groundOn: today(), version };
    expect((await run(() => entryAction({ request: req(`/staff/debtor-list/${id}`, OFFICER_B, remove), context, params: { id } } as never))).status).toBe(404);
    // The provincial head sees it (scope with reach), may not write it.
    const seen = await run(() => entryLoader({ request: req(`/staff/debtor-list/${id}`, HEAD_HNI), context, params: { id } } as never));
    expect(seen).toMatchObject({ status: 200, body: { entry: { id, mayWrite: false } } });
    expect((await run(() => entryAction({ request: req(`/staff/debtor-list/${id}`, HEAD_HNI, remove), context, params: { id } } as never))).status).toBe(403);
    expect((await run(() => staffListLoader({ request: req(`/staff/debtor-list`, CLERK_A), context, params: {} } as never))).status).toBe(403);
    // Office B's list does not hold it; the head's does.
    const listB = await run(() => staffListLoader({ request: req(`/staff/debtor-list?status=all`, OFFICER_B), context, params: {} } as never));
    expect((listB.body as { entries: { id: string }[] }).entries.map((e) => e.id)).not.toContain(id);
    const listHead = await run(() => staffListLoader({ request: req(`/staff/debtor-list?status=all`, HEAD_HNI), context, params: {} } as never));
    expect((listHead.body as { entries: { id: string }[] }).entries.map((e) => e.id)).toContain(id);
    const [row] = await db.sql`select debtor_name, removed_at, version from debtor_list_entries where id = ${id}`;
    expect(row).toMatchObject({ debtor_name: "Nguyễn Văn An", removed_at: null, version: 0 });
    expect(await db.sql`select 1 from audit_log where target_id = ${id} and action in ('debtor_list.edit', 'debtor_list.remove')`).toHaveLength(0);
  });

  it("a change records the change-by date and what changed (audited); a stale version is refused", async () => {
    const c = await insertCase("HNI-KV01");
    const { id } = await addFor(c.id);
    const changedOn = addDays(today(), -10);
    const r = await run(() => entryAction({ request: req(`/staff/debtor-list/${id}`, OFFICER_A, { intent: "edit", ...VALID({ debtorAddress: "Địa chỉ mới" }), changedOn, version: "0" }), context, params: { id } } as never));
    expect(r.status).toBe(303);
    const seen = await run(() => entryLoader({ request: req(`/staff/debtor-list/${id}`, OFFICER_A), context, params: { id: id! } } as never));
    // Ten days ago + 3 working days is before today: marked late.
    expect(seen.body).toMatchObject({ entry: { debtorAddress: "Địa chỉ mới", changedOn, changeBy: changeBy(workingCalendar([]), changedOn).dueOn, changedLate: true, version: 1 } });
    const [a] = await db.sql`select details from audit_log where action = 'debtor_list.edit' and target_id = ${id!}`;
    expect((a!.details as { changed: string[] }).changed).toEqual(["debtor_address"]);
    const stale = await run(() => entryAction({ request: req(`/staff/debtor-list/${id}`, OFFICER_A, { intent: "edit", ...VALID(), changedOn, version: "0" }), context, params: { id } } as never));
    expect(stale.status).toBe(409);
  });
});

describe("the public list", () => {
  it("finds 'nguyen van an' (no diacritics, any case) as Nguyễn Văn An; filters by office and province", async () => {
    const c = await insertCase("HNI-KV02");
    const other = await insertCase("HCM-KV01");
    await addFor(c.id, OFFICER_B, { debtorName: "Nguyễn Văn Ánh Search" });
    await db.sql`insert into staff_roles (staff_id, role, agency_id) values (${who[OFFICER_B]!.id}, 'officer', ${office["HCM-KV01"]!})`;
    await addFor(other.id, OFFICER_B, { debtorName: "Trần Thị Bình Search" });
    for (const q of ["nguyen van anh search", "NGUYỄN VĂN ÁNH SEARCH", "van anh sea"]) {
      const r = await publicSearch(`?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(names(r.body)).toEqual(["Nguyễn Văn Ánh Search"]);
    }
    expect(names((await publicSearch(`?q=search&province=${office.HCM}`)).body)).toEqual(["Trần Thị Bình Search"]);
    expect(names((await publicSearch(`?q=search&office=${office["HNI-KV02"]}`)).body)).toEqual(["Nguyễn Văn Ánh Search"]);
    expect(names((await publicSearch(`?q=search&province=${office.HNI}`)).body)).toEqual(["Nguyễn Văn Ánh Search"]);
  });

  it("shows the law's fields and nothing more, in the page's data, the CSV and the JSON", async () => {
    const c = await insertCase("HNI-KV01", "Người Nộp Đơn Mark");
    await addFor(c.id, OFFICER_A, { debtorName: "Lê Văn Trường Lawfields" });
    const page = await publicSearch(`?q=lawfields`);
    const row = (page.body as { rows: Record<string, string>[] }).rows[0]!;
    expect(Object.keys(row).sort()).toEqual(["address", "enforcementDecision", "id", "judgment", "name", "obligation", "office", "province", "reason"]);
    const csv = await openData("csv");
    const json = await openData("json");
    for (const text of [JSON.stringify(page.body), csv.text, json.text]) {
      expect(text).toContain("Lê Văn Trường Lawfields");
      for (const secret of ["BASIS-MARK", STAFF_NAME_MARK, c.reference, "Người Nộp Đơn Mark", who[OFFICER_A]!.id, c.id]) expect(text).not.toContain(secret);
    }
    const parsed = JSON.parse(json.text) as Record<string, string>[];
    expect(Object.keys(parsed.find((e) => e.name === "Lê Văn Trường Lawfields")!)).toEqual(["name", "address", "judgment", "enforcementDecision", "obligation", "reason", "office", "province"]);
  });

  it("open data: CSV with a BOM, Vietnamese headers, formulas neutralised; streamed as attachments", async () => {
    const c = await insertCase("HNI-KV01");
    await addFor(c.id, OFFICER_A, { debtorName: "=HYPERLINK(\"http://x\")", obligation: "+1000" });
    const { res, text } = await openData("csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="danh-sach-chua-co-dieu-kien-thi-hanh-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split("\r\n")[0]).toBe('"Họ và tên người phải thi hành án","Địa chỉ","Bản án, quyết định","Quyết định thi hành án","Nghĩa vụ chưa thi hành","Lý do chưa có điều kiện thi hành","Cơ quan thi hành án dân sự","Tỉnh, thành phố"');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(`"'+1000"`);
    expect(text).not.toMatch(/(^|\r\n)"=/);
  });

  it("an entry past its publication period is not shown nor exported, before any task; the task then marks it", async () => {
    const c = await insertCase("HNI-KV01");
    const old = await insertCase("HNI-KV01");
    // Decided 6 months ago today: on the list until the end of today. Decided 6 months and a day ago: gone.
    await addFor(c.id, OFFICER_A, { debtorName: "Hôm Nay Cuối Expiry", decidedOn: addMonths(today(), -6) });
    await addFor(old.id, OFFICER_A, { debtorName: "Hết Hạn Expiry", decidedOn: addDays(addMonths(today(), -6), -1) });
    expect(names((await publicSearch(`?q=expiry`)).body)).toEqual(["Hôm Nay Cuối Expiry"]);
    const { text: csv } = await openData("csv");
    const { text: json } = await openData("json");
    expect(csv).toContain("Hôm Nay Cuối Expiry");
    expect(csv).not.toContain("Hết Hạn Expiry");
    expect(json).not.toContain("Hết Hạn Expiry");
    const [before] = await db.sql`select expired_at from debtor_list_entries where case_id = ${old.id}`;
    expect(before!.expired_at).toBeNull();
    expect(await markExpired(db.sql)).toBeGreaterThanOrEqual(1);
    const [after] = await db.sql`select expired_at from debtor_list_entries where case_id = ${old.id}`;
    expect(after!.expired_at).not.toBeNull();
    const [kept] = await db.sql`select expired_at from debtor_list_entries where case_id = ${c.id}`;
    expect(kept!.expired_at).toBeNull();
  });

  it("removal hides the entry at once (page, CSV, JSON) and records the ground and remove-by date", async () => {
    const c = await insertCase("HNI-KV01");
    const { id } = await addFor(c.id, OFFICER_A, { debtorName: "Rút Tên Removal" });
    expect(names((await publicSearch(`?q=rut ten removal`)).body)).toEqual(["Rút Tên Removal"]);
    const groundOn = addDays(today(), -1);
    const r = await run(() => entryAction({ request: req(`/staff/debtor-list/${id}`, OFFICER_A, { intent: "remove", ground: "conditions-changed", groundOn, version: "0" }), context, params: { id } } as never));
    expect(r.status).toBe(303);
    expect(names((await publicSearch(`?q=rut ten removal`)).body)).toEqual([]);
    expect((await openData("csv")).text).not.toContain("Rút Tên Removal");
    expect((await openData("json")).text).not.toContain("Rút Tên Removal");
    const [row] = await db.sql`select removal_ground, remove_by::text, removed_by from debtor_list_entries where id = ${id!}`;
    expect(row).toMatchObject({ removal_ground: "conditions-changed", remove_by: removeBy(workingCalendar([]), "conditions-changed", groundOn).dueOn, removed_by: who[OFFICER_A]!.id });
    expect(await db.sql`select 1 from audit_log where action = 'debtor_list.remove' and target_id = ${id!}`).toHaveLength(1);
    // Removal without a ground: a message, nothing changes.
    const c2 = await insertCase("HNI-KV01");
    const second = await addFor(c2.id);
    const bad = await run(() => entryAction({ request: req(`/staff/debtor-list/${second.id}`, OFFICER_A, { intent: "remove", ground: "because", groundOn: "", version: "0" }), context, params: { id: second.id } } as never));
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { errors: object }).errors).sort()).toEqual(["ground", "groundOn"]);
  });

  it("pages by keyset: 20 a page, the next page continues without overlap or gap", async () => {
    for (let i = 0; i < 25; i++) {
      const c = await insertCase("NAN-KV01");
      await db.sql`insert into staff_roles (staff_id, role, agency_id) values (${who[OFFICER_A]!.id}, 'officer', ${office["NAN-KV01"]!}) on conflict do nothing`;
      await addFor(c.id, OFFICER_A, { debtorName: `Phạm Keyset ${String(i).padStart(2, "0")}` });
    }
    const first = await publicSearch(`?q=keyset`);
    const p1 = names(first.body);
    expect(p1).toHaveLength(20);
    const next = (first.body as { next: string }).next;
    expect(next).toMatch(/after=/);
    const second = await publicSearch(next.slice(next.indexOf("?")));
    const p2 = names(second.body);
    expect([...p1, ...p2]).toEqual(Array.from({ length: 25 }, (_, i) => `Phạm Keyset ${String(i).padStart(2, "0")}`));
    expect((second.body as { next: string | null }).next).toBeNull();
  });

  it("bad search input (10 kB, control characters, bad ids, a forged cursor) gets a localised message, never a 500", async () => {
    const cases: [string, string][] = [
      [`?q=${"a".repeat(10_240)}`, "q"],
      [`?q=${encodeURIComponent("nguyen\u0000\u001b[31m")}`, "q"],
      [`?office=not-an-id`, "office"],
      [`?province=${"9".repeat(5000)}`, "province"],
      [`?after=${"A".repeat(300)}`, "after"],
      [`?after=${Buffer.from(JSON.stringify(["x'; drop table x", "1"])).toString("base64url")}`, "after"],
    ];
    for (const [qs, field] of cases) {
      const r = await publicSearch(qs);
      expect(r.status, qs.slice(0, 40)).toBe(400);
      const errors = (r.body as { errors: Record<string, string> }).errors;
      expect(Object.keys(errors)).toEqual([field]);
      const key = errors[field]!.split(".").pop()!;
      expect((resources.vi.debtorList.errors as Record<string, string>)[key]).toBeTruthy();
      expect((resources.en.debtorList.errors as Record<string, string>)[key]).toBeTruthy();
    }
    // What was typed comes back (cut to the limit, without control characters).
    const long = await publicSearch(`?q=${"a".repeat(10_240)}`);
    expect((long.body as { query: { q: string } }).query.q).toHaveLength(100);
  });
});
