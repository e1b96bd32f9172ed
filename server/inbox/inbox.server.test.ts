import crypto from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo } from "../seed.server";
// The enforcement request's case type registers itself with the engine (the composition root imports it).
import "../filing";
import { createSession, createStaff, SESSION_COOKIE } from "../accounts";
import { searchTextOf } from "../cases/browser";
import { addDays, loadCalendar, vnDay } from "../deadlines";
import { loader as inboxLoader, action as inboxActionRoute } from "../../app/routes/staff.cases._index";
import { loader as csvLoader } from "../../app/routes/staff.cases.export[.csv]";
import { loader as jsonLoader } from "../../app/routes/staff.cases.export[.json]";
import { loader as caseLoader } from "../../app/routes/staff.cases.$id";
import { loader as oldListLoader } from "../../app/routes/staff.requests._index";
import { loader as homeLoader } from "../../app/routes/staff._index";
import { encodeCursor, parseInboxQuery } from "./query";
import { dueSoonUntil } from "./days.server";
import { caseAssignment } from "./assign.server";

// The inbox (docs/decisions/061-the-inbox.md) through its routes' loaders and action, on a real database:
// scope, filters, keyset pages, the diacritic-free search, claim/assign, the export, the staff home.
let db: TestDatabase;
let context: AppLoadContext;
const office: Record<string, string> = {};
const who: Record<string, { id: string; cookie: string }> = {};

async function person(email: string, fullName: string, roles: { role: "clerk" | "officer" | "head" | "accountant"; code: string; reach?: boolean }[]) {
  const id = await createStaff(db.sql, { email, fullName, password: "not-used-here-1", roles: roles.map((r) => ({ role: r.role, agencyId: office[r.code]! })) });
  for (const r of roles.filter((r) => r.reach)) await db.sql`update staff_roles set reaches_sub_offices = true where staff_id = ${id} and role = ${r.role}`;
  const s = await createSession(db.sql, { staffId: id });
  who[email] = { id, cookie: `${SESSION_COOKIE}=${s.token}` };
}

let seq = 0;
async function insertCase(c: { code: string; applicant: string; idNumber?: string; state?: string; receivedAt?: Date; dueOn?: string | null; assignee?: string | null; reference?: string }) {
  seq++;
  const reference = c.reference ?? `YC-2026-${String(seq).padStart(6, "0")}`;
  const [row] = await db.sql<{ id: string }[]>`
    insert into cases (case_type, submission_id, reference, agency_id, state, assignee_id, applicant_name, search_text, received_at, next_due_on)
    values ('enforcement-request', ${crypto.randomUUID()}, ${reference}, ${office[c.code]!}, ${c.state ?? "received"}, ${c.assignee ?? null},
      ${c.applicant}, ${searchTextOf([reference, c.applicant, c.idNumber])}, ${c.receivedAt ?? new Date()}, ${c.dueOn ?? null})
    returning id`;
  return { id: row!.id, reference };
}

const get = (path: string, email: string) => new Request(`http://localhost${path}`, { headers: { cookie: who[email]!.cookie } });
const post = (path: string, email: string, values: Record<string, string>) =>
  new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(values), headers: { cookie: who[email]!.cookie } });

type Page = { page: { rows: { id: string; reference: string; applicantName: string; version: number; assigneeId: string | null; deadline: { overdue: boolean; dueSoon: boolean } | null }[]; next: string | null; prev: string | null }; errors: Record<string, string>; offices: { id: string }[] };
async function inbox(path: string, email: string): Promise<{ status: number; body: Page }> {
  const r = (await inboxLoader({ request: get(path, email), context, params: {} } as never)) as unknown as { data: Page; init: { status: number } };
  return { status: r.init.status, body: r.data };
}
async function act(email: string, values: Record<string, string>) {
  const r = (await inboxActionRoute({ request: post("/staff/cases?index", email, values), context, params: {} } as never)) as unknown as { data: { ok: boolean; reason?: string }; init: { status: number } | null };
  return { status: r.init?.status ?? 200, body: r.data };
}
const refs = (p: Page) => p.page.rows.map((r) => r.reference);
const CLERK_A = "clerk-a@thads.local";
const CLERK_B = "clerk-b@thads.local";
const HEAD_A = "head-a@thads.local";
const HEAD_HNI = "head-hni@thads.local";
const OFFICER_A = "officer-a@thads.local";
const OFFICER_B = "officer-b@thads.local";

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.70" };
  for (const r of await db.sql<{ id: string; code: string }[]>`select id, code from agencies`) office[r.code] = r.id;
  await person(CLERK_A, "Clerk A", [{ role: "clerk", code: "HNI-KV01" }]);
  await person(CLERK_B, "Clerk B", [{ role: "clerk", code: "HNI-KV02" }]);
  await person(HEAD_A, "Head A", [{ role: "head", code: "HNI-KV01" }]);
  await person(HEAD_HNI, "Head HNI", [{ role: "head", code: "HNI", reach: true }]);
  await person(OFFICER_A, "Officer A", [{ role: "officer", code: "HNI-KV01" }]);
  await person(OFFICER_B, "Officer B", [{ role: "officer", code: "HNI-KV02" }]);
});
afterAll(async () => {
  await db?.drop();
});

describe("search", () => {
  it("ignores diacritics and case: 'nguyen van a' and 'NGUYEN' find Nguyễn Văn A; an ID number and a reference find it too", async () => {
    const c = await insertCase({ code: "HNI-KV01", applicant: "Nguyễn Văn A", idNumber: "001085099999", reference: "YC-2026-S00001" });
    await insertCase({ code: "HNI-KV01", applicant: "Trần Thị Bình" });
    for (const q of ["nguyen van a", "NGUYEN", "Nguyễn Văn A", "001085099999", "yc-2026-s00001"]) {
      const { status, body } = await inbox(`/staff/cases?q=${encodeURIComponent(q)}`, CLERK_A);
      expect(status).toBe(200);
      expect(refs(body), q).toContain(c.reference);
      expect(body.page.rows.every((r) => r.applicantName !== "Trần Thị Bình"), q).toBe(true);
    }
  });

  it("treats % and _ as text, not as wildcards", async () => {
    await insertCase({ code: "HNI-KV01", applicant: "Lê Văn Phần" });
    expect((await inbox(`/staff/cases?q=${encodeURIComponent("%")}`, CLERK_A)).body.page.rows.length).toBeGreaterThan(0); // normalised away: no filter
    const { body } = await inbox(`/staff/cases?q=${encodeURIComponent("l%n")}`, CLERK_A);
    expect(body.page.rows.some((r) => r.applicantName === "Lê Văn Phần")).toBe(false);
  });
});

describe("keyset pages", () => {
  let ids: string[];
  beforeAll(async () => {
    const base = Date.parse("2026-03-02T02:00:00Z");
    ids = [];
    // 120 cases at KV02, two of them received at the same instant (the id breaks the tie).
    for (let i = 0; i < 120; i++) ids.push((await insertCase({ code: "HNI-KV02", applicant: `Người Số ${i}`, receivedAt: new Date(base + Math.min(i, 118) * 60_000), dueOn: addDays("2026-03-10", i % 7) })).id);
  });

  async function walk(first: string, email: string, dir: "next" | "prev" = "next") {
    const pages: string[][] = [];
    let path: string | null = first;
    while (path) {
      const { status, body } = await inbox(path, email);
      expect(status).toBe(200);
      pages.push(body.page.rows.map((r) => r.id));
      path = body.page[dir];
      if (pages.length > 10) throw new Error("too many pages");
    }
    return pages;
  }

  it.each(["received-desc", "received-asc", "due"])("sort %s: pages of 50 without duplicates or gaps, and back again", async (sort) => {
    const pages = await walk(`/staff/cases?sort=${sort}`, CLERK_B);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(120);
    expect(new Set(all)).toEqual(new Set(ids));
    // Backwards from the last page gives the same pages.
    const { body: last } = await inbox(`/staff/cases?sort=${sort}&after=${encodeURIComponent(new URL(`http://x${(await inbox(`/staff/cases?sort=${sort}`, CLERK_B)).body.page.next!}`).searchParams.get("after")!)}`, CLERK_B);
    expect(last.page.rows.map((r) => r.id)).toEqual(pages[1]);
    const back = await inbox(last.page.prev!, CLERK_B);
    expect(back.body.page.rows.map((r) => r.id)).toEqual(pages[0]);
    expect(back.body.page.prev).toBeNull();
  });

  it("orders by received time, newest first by default", async () => {
    const { body } = await inbox("/staff/cases", CLERK_B);
    const times = await db.sql<{ received_at: Date }[]>`select received_at from cases where id in ${db.sql(body.page.rows.map((r) => r.id))} order by received_at desc`;
    expect(body.page.rows.length).toBe(50);
    expect(times[0]!.received_at.getTime()).toBe(Date.parse("2026-03-02T02:00:00Z") + 118 * 60_000);
  });
});

describe("filters", () => {
  it("state, assigned to me / unassigned, overdue, due soon, age", async () => {
    const today = vnDay(new Date());
    const cal = await loadCalendar(db.sql);
    const mine = await insertCase({ code: "HNI-KV01", applicant: "Phạm Thị Mine", assignee: who[CLERK_A]!.id, state: "awaitingCitizen" });
    const overdue = await insertCase({ code: "HNI-KV01", applicant: "Đỗ Quá Hạn", dueOn: addDays(today, -3) });
    const soon = await insertCase({ code: "HNI-KV01", applicant: "Vũ Sắp Hạn", dueOn: dueSoonUntil(cal, today) });
    const later = await insertCase({ code: "HNI-KV01", applicant: "Hồ Còn Lâu", dueOn: addDays(today, 30) });
    const old = await insertCase({ code: "HNI-KV01", applicant: "Cũ Mười Ngày", receivedAt: new Date(Date.now() - 10 * 86_400_000) });

    const r = async (qs: string) => refs((await inbox(`/staff/cases?${qs}`, CLERK_A)).body);
    expect(await r("assigned=me")).toEqual([mine.reference]);
    expect(await r("state=awaitingCitizen")).toEqual([mine.reference]);
    expect(await r("assigned=none")).not.toContain(mine.reference);
    expect(await r("due=overdue")).toEqual([overdue.reference]);
    expect(await r("due=soon")).toEqual([soon.reference]);
    expect(await r("due=soon")).not.toContain(later.reference);
    expect(await r("age=5")).toContain(old.reference);
    expect(await r("age=5")).not.toContain(mine.reference);
    expect(await r("type=enforcement-request")).toContain(mine.reference);
    const { body } = await inbox("/staff/cases?due=overdue", CLERK_A);
    expect(body.page.rows[0]!.deadline).toMatchObject({ overdue: true, dueSoon: false });
    expect((await inbox("/staff/cases?due=soon", CLERK_A)).body.page.rows[0]!.deadline).toMatchObject({ overdue: false, dueSoon: true });
  });
});

describe("bad parameters give a clear page, not a 500", () => {
  it.each([
    ["a garbage cursor", "after=%%%garbage", "cursor"],
    ["a cursor of another sort", `sort=due&after=${encodeCursor({ key: "2026-01-01T00:00:00.000000Z", id: crypto.randomUUID() })}`, "cursor"],
    ["an unknown state", "state=nonsense", "state"],
    ["a search of 10,000 characters", `q=${"a".repeat(10_000)}`, "q"],
    ["a negative age", "age=-1", "age"],
    ["an office that is not a uuid", "office=HNI'--", "office"],
  ])("%s", async (_what, qs, field) => {
    const { status, body } = await inbox(`/staff/cases?${qs}`, CLERK_A);
    expect(status).toBe(400);
    expect(Object.keys(body.errors)).toContain(field);
    expect(Array.isArray(body.page.rows)).toBe(true);
  });

  it("parses a valid cursor back", () => {
    const id = crypto.randomUUID();
    const { query, errors } = parseInboxQuery(new URLSearchParams({ after: encodeCursor({ key: "2026-01-01T00:00:00.123456Z", id }) }));
    expect(errors).toEqual({});
    expect(query.after).toEqual({ key: "2026-01-01T00:00:00.123456Z", id });
  });
});

describe("scope: a clerk of office A cannot see, search, export or act on office B's work", () => {
  let bCase: { id: string; reference: string };
  beforeAll(async () => {
    bCase = await insertCase({ code: "HNI-KV02", applicant: "Ngô Văn Bê", idNumber: "079200011111" });
  });

  it("by the list and by search", async () => {
    expect(refs((await inbox("/staff/cases?q=ngo%20van%20be", CLERK_B)).body)).toEqual([bCase.reference]);
    expect(refs((await inbox("/staff/cases?q=ngo%20van%20be", CLERK_A)).body)).toEqual([]);
    expect(refs((await inbox("/staff/cases?q=079200011111", CLERK_A)).body)).toEqual([]);
    expect(refs((await inbox(`/staff/cases?office=${office["HNI-KV02"]}`, CLERK_A)).body)).toEqual([]);
  });

  it("by URL", async () => {
    const r = await caseLoader({ request: get(`/staff/cases/${bCase.id}`, CLERK_A), context, params: { id: bCase.id } } as never).catch((e: unknown) => e);
    expect((r as { init?: { status: number } }).init?.status ?? (r as Response).status).toBe(404);
  });

  it("by form post (claim, assign): refused as not found, nothing written", async () => {
    const before = await db.sql`select assignee_id, version from cases where id = ${bCase.id}`;
    expect((await act(CLERK_A, { intent: "claim", caseId: bCase.id, version: "0" })).status).toBe(404);
    expect((await act(HEAD_A, { intent: "assign", caseId: bCase.id, version: "0", assigneeId: who[OFFICER_A]!.id })).status).toBe(404);
    expect(await db.sql`select assignee_id, version from cases where id = ${bCase.id}`).toEqual(before);
    expect((await db.sql`select count(*)::int as n from audit_log where target_id = ${bCase.id}`)[0]!.n).toBe(0);
  });

  it("by export (CSV and JSON)", async () => {
    const csvA = await (await csvLoader({ request: get("/staff/cases/export.csv", CLERK_A), context, params: {} } as never)).text();
    expect(csvA).not.toContain(bCase.reference);
    const csvB = await (await csvLoader({ request: get("/staff/cases/export.csv", CLERK_B), context, params: {} } as never)).text();
    expect(csvB).toContain(bCase.reference);
    const jsonA = (await (await jsonLoader({ request: get("/staff/cases/export.json?q=ngo", CLERK_A), context, params: {} } as never)).json()) as { reference: string }[];
    expect(jsonA.map((r) => r.reference)).not.toContain(bCase.reference);
  });

  it("a head who reaches sub-offices sees both offices and can filter by one", async () => {
    const { body } = await inbox("/staff/cases?q=ngo%20van%20be", HEAD_HNI);
    expect(refs(body)).toEqual([bCase.reference]);
    expect(body.offices.map((o) => o.id)).toEqual(expect.arrayContaining([office["HNI-KV01"], office["HNI-KV02"]]));
    expect(refs((await inbox(`/staff/cases?q=ngo%20van%20be&office=${office["HNI-KV01"]}`, HEAD_HNI)).body)).toEqual([]);
    expect(refs((await inbox("/staff/cases?q=ngo%20van%20be", HEAD_A)).body)).toEqual([]);
  });
});

describe("claim, assign, reassign", () => {
  it("a clerk claims an unassigned case once; a stale version is a conflict; each writes one audit entry", async () => {
    const c = await insertCase({ code: "HNI-KV01", applicant: "Mai Nhận Việc" });
    expect((await act(CLERK_A, { intent: "claim", caseId: c.id, version: "1" })).status).toBe(409); // stale
    const ok = await act(CLERK_A, { intent: "claim", caseId: c.id, version: "0", reference: c.reference });
    expect(ok.body).toMatchObject({ ok: true, message: "claimed" });
    const again = await act(HEAD_A, { intent: "claim", caseId: c.id });
    expect(again.body).toMatchObject({ ok: false, reason: "taken" });
    const [row] = await db.sql<{ assignee_id: string; version: number }[]>`select assignee_id, version from cases where id = ${c.id}`;
    expect(row).toEqual({ assignee_id: who[CLERK_A]!.id, version: 1 });
    const audits = await db.sql<{ action: string; actor_id: string }[]>`select action, actor_id from audit_log where target_id = ${c.id}`;
    expect(audits).toEqual([{ action: "case.claimed", actor_id: who[CLERK_A]!.id }]);
  });

  it("the head assigns and reassigns to staff of the case's office only; a clerk may not assign", async () => {
    const c = await insertCase({ code: "HNI-KV01", applicant: "Lý Giao Việc" });
    expect((await act(CLERK_A, { intent: "assign", caseId: c.id, version: "0", assigneeId: who[OFFICER_A]!.id })).body).toMatchObject({ ok: false, reason: "forbidden" });
    expect((await act(HEAD_A, { intent: "assign", caseId: c.id, version: "0", assigneeId: who[OFFICER_B]!.id })).body).toMatchObject({ ok: false, reason: "bad-assignee" });
    expect((await act(HEAD_A, { intent: "assign", caseId: c.id, version: "0", assigneeId: who[OFFICER_A]!.id })).body).toMatchObject({ ok: true });
    expect((await act(HEAD_A, { intent: "assign", caseId: c.id, version: "1", assigneeId: who[CLERK_A]!.id })).body).toMatchObject({ ok: true });
    const [row] = await db.sql<{ assignee_id: string; version: number }[]>`select assignee_id, version from cases where id = ${c.id}`;
    expect(row).toEqual({ assignee_id: who[CLERK_A]!.id, version: 2 });
    const audits = await db.sql<{ action: string; details: { from: string | null; to: string } }[]>`select action, details from audit_log where target_id = ${c.id} order by id`;
    expect(audits.map((a) => [a.action, a.details.from, a.details.to])).toEqual([
      ["case.assigned", null, who[OFFICER_A]!.id],
      ["case.assigned", who[OFFICER_A]!.id, who[CLERK_A]!.id],
    ]);
  });

  it("from the case page: what it may offer, and a success goes back to the case page", async () => {
    const c = await insertCase({ code: "HNI-KV01", applicant: "Tô Trang Hồ Sơ" });
    expect(await caseAssignment(db.sql, { staffId: who[CLERK_B]!.id, caseId: c.id })).toBeNull();
    expect(await caseAssignment(db.sql, { staffId: who[CLERK_A]!.id, caseId: c.id })).toMatchObject({ mayClaim: true, mayAssign: false, assignees: [] });
    const head = await caseAssignment(db.sql, { staffId: who[HEAD_A]!.id, caseId: c.id });
    expect(head?.mayAssign).toBe(true);
    expect(head?.assignees.map((a) => a.id)).toEqual(expect.arrayContaining([who[OFFICER_A]!.id, who[CLERK_A]!.id]));
    expect(head?.assignees.map((a) => a.id)).not.toContain(who[OFFICER_B]!.id);
    const r = await inboxActionRoute({ request: post("/staff/cases?index", CLERK_A, { intent: "claim", caseId: c.id, version: "0", returnTo: `/staff/cases/${c.id}` }), context, params: {} } as never).catch((e: unknown) => e);
    expect((r as Response).status).toBe(303);
    expect((r as Response).headers.get("location")).toBe(`/staff/cases/${c.id}`);
    expect(await caseAssignment(db.sql, { staffId: who[CLERK_A]!.id, caseId: c.id })).toMatchObject({ mayClaim: false, assigneeId: who[CLERK_A]!.id });
  });

  it("a malformed post is a 400, not a 500", async () => {
    expect((await act(CLERK_A, { intent: "claim", caseId: "x'; drop table cases" })).status).toBe(400);
    expect((await act(CLERK_A, { intent: "nonsense", caseId: crypto.randomUUID() })).status).toBe(400);
  });
});

describe("export", () => {
  it("CSV: BOM, Vietnamese headers, formulas neutralised, audited", async () => {
    const c = await insertCase({ code: "HNI-KV01", applicant: "=HYPERLINK(\"http://evil\")" });
    const res = await csvLoader({ request: get("/staff/cases/export.csv?q=hyperlink", CLERK_A), context, params: {} } as never);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toContain('"Mã hồ sơ"');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(c.reference);
    const [a] = await db.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'case.exported' and actor_id = ${who[CLERK_A]!.id}`;
    expect(a!.n).toBeGreaterThan(0);
  });
});

describe("the staff home and the old list", () => {
  it("counts the clerk's work, each a link to the filtered inbox", async () => {
    const r = (await homeLoader({ request: get("/staff", CLERK_A), context, params: {} } as never)) as { counts: { key: string; count: number; href: string }[] };
    const assigned = r.counts.find((c) => c.key === "assignedToMe")!;
    expect(assigned.href).toBe("/staff/cases?assigned=me");
    const listed = (await inbox(assigned.href, CLERK_A)).body.page.rows.length;
    expect(assigned.count).toBe(listed);
    expect(assigned.count).toBeGreaterThan(0);
    const overdue = r.counts.find((c) => c.key === "overdue")!;
    expect(overdue.count).toBe((await inbox(overdue.href, CLERK_A)).body.page.rows.length);
    expect(r.counts.map((c) => c.key)).not.toContain("refundsAwaiting");
  });

  it("/staff/requests redirects to the inbox's enforcement requests", async () => {
    const r = await oldListLoader({ request: get("/staff/requests", CLERK_A), context, params: {} } as never).catch((e: unknown) => e);
    expect((r as Response).status).toBe(301);
    expect((r as Response).headers.get("location")).toBe("/staff/cases?type=enforcement-request");
  });
});
