import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { makePairCases, randomAccessCode, type PairCase } from "../../test/pair-cases";
import { seedDemo } from "../seed.server";
import { createSession, SESSION_COOKIE } from "../accounts";
import { openCase, accessCodeHash } from "../cases";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import { resources } from "../../vocabulary/i18n/resources.server";
import { loader as listLoader, action as listAction } from "../../app/routes/to-chuc._index";
import { loader as casesLoader, action as casesAction } from "../../app/routes/to-chuc.$id._index";
import { loader as caseLoader } from "../../app/routes/to-chuc.$id.ho-so.$reference";
import { loader as membersLoader, action as membersPost } from "../../app/routes/to-chuc.$id.thanh-vien";
import { loader as bulkLoader, action as bulkAction } from "../../app/routes/to-chuc.$id.tra-cuu-hang-loat._index";
import { loader as runLoader } from "../../app/routes/to-chuc.$id.tra-cuu-hang-loat.$run";
import { loader as csvLoader } from "../../app/routes/to-chuc.$id.tra-cuu-hang-loat.$run[.csv]";
import { membershipOf, readBulkFile, BULK_MAX_ROWS, BULK_RUNS_PER_HOUR } from "./index";

// Organisations (ADR 069): creating one, members, following cases by their pair, the keyset list, the bulk
// lookup (file checks, answers, CSV back) and isolation between organisations — through the route modules,
// against a real database.

let db: TestDatabase;
let context: AppLoadContext;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.9" };
  for (const who of ["alice", "bob", "carol", "mallory"]) {
    const [c] = await db.sql<{ id: string }[]>`insert into citizens (email, full_name) values (${`${who}@org.test`}, ${who}) returning id`;
    ids[who] = c!.id;
    cookies[who] = `${SESSION_COOKIE}=${(await createSession(db.sql, { citizenId: c!.id })).token}`;
  }
});
afterAll(async () => {
  await db?.drop();
});

async function run(fn: () => Promise<unknown>) {
  try {
    const r = await fn();
    if (r instanceof Response) return { status: r.status, location: r.headers.get("location"), body: null as any, response: r };
    const d = r as { init?: { status?: number }; data?: unknown; type?: string };
    if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, location: null, body: d.data as any, response: null };
    return { status: 200, location: null, body: r as any, response: null };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, location: e.headers.get("location"), body: null as any, response: e };
    throw e;
  }
}
const args = (request: Request, params: Record<string, string> = {}, locale: "vi" | "en" = "vi") => ({ request, params, context: { ...context, locale } }) as never;
const get = (url: string, who: string) => new Request(`http://localhost${url}`, { headers: { cookie: cookies[who]! } });
const post = (url: string, who: string, fields: Record<string, string>) => {
  const body = new URLSearchParams(fields);
  return new Request(`http://localhost${url}`, { method: "POST", body, headers: { cookie: cookies[who]!, "content-type": "application/x-www-form-urlencoded" } });
};
const upload = (url: string, who: string, file: Uint8Array | string | null, { follow = false, name = "ho-so.csv" } = {}) => {
  const form = new FormData();
  if (file !== null) form.set("file", new File([(typeof file === "string" ? new TextEncoder().encode(file) : file) as Uint8Array<ArrayBuffer>], name, { type: "text/csv" }));
  if (follow) form.set("follow", "1");
  return new Request(`http://localhost${url}`, { method: "POST", body: form, headers: { cookie: cookies[who]! } });
};

/** A valid enterprise code (check digit computed as vocabulary/identity does), distinct per call. */
let taxSeq = 100_000_00;
function taxCode(): string {
  const nine = String(++taxSeq).padStart(9, "0").slice(0, 9);
  const w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  const check = 10 - (sum % 11);
  if (check >= 10) return taxCode();
  return `${nine}${check}`;
}

async function createOrg(who: string, name = `Ngân hàng ${who}`) {
  const r = await run(() => listAction(args(post("/to-chuc", who, { name, taxCode: taxCode() }))));
  expect(r.status).toBe(302);
  return r.location!.split("/").pop()!;
}

describe("creating an organisation", () => {
  it("checks the enterprise code (Vietnamese and English words), keeps what was typed, and makes the creator its admin", async () => {
    const bad = await run(() => listAction(args(post("/to-chuc", "alice", { name: "Ngân hàng TMCP Á Châu", taxCode: "0100109107" }))));
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([{ field: "taxCode", code: "taxCode.checkDigit" }]);
    expect(bad.body.values).toEqual({ name: "Ngân hàng TMCP Á Châu", taxCode: "0100109107" });
    expect(resources.vi.organisations.errors.taxCode.checkDigit).toMatch(/chữ số kiểm tra/);
    expect(resources.en.organisations.errors.taxCode.checkDigit).toMatch(/check digit/);

    const empty = await run(() => listAction(args(post("/to-chuc", "alice", { name: "x", taxCode: "" }))));
    expect(empty.body.problems).toEqual([{ field: "name", code: "name" }, { field: "taxCode", code: "taxCode.empty" }]);

    const ok = await run(() => listAction(args(post("/to-chuc", "alice", { name: "Ngân hàng TMCP Á Châu", taxCode: "0100109106" }))));
    expect(ok.status).toBe(302);
    const orgId = ok.location!.split("/").pop()!;
    expect(await membershipOf(db.sql, { organisationId: orgId, citizenId: ids.alice! })).toMatchObject({ role: "admin", taxCode: "0100109106" });
    const [a] = await db.sql`select actor_id, details from audit_log where action = 'organisation.created' and target_id = ${orgId}`;
    expect(a!.actor_id).toBe(ids.alice);

    const again = await run(() => listAction(args(post("/to-chuc", "bob", { name: "Ngân hàng khác", taxCode: "0100109106" }))));
    expect(again.status).toBe(409);
    expect(again.body.problems).toEqual([{ field: "taxCode", code: "taxCode.taken" }]);

    const mine = await run(() => listLoader(args(get("/to-chuc", "alice"))));
    expect(mine.body.organisations.map((o: { id: string }) => o.id)).toContain(orgId);
    const bobs = await run(() => listLoader(args(get("/to-chuc", "bob"))));
    expect(bobs.body.organisations.map((o: { id: string }) => o.id)).not.toContain(orgId);
  });
});

describe("members", () => {
  it("an admin adds an unknown address (a citizens row, a member at first sign-in), changes roles, and never removes the last admin", async () => {
    const orgId = await createOrg("alice");
    const url = `/to-chuc/${orgId}/thanh-vien`;
    const added = await run(() => membersPost(args(post(url, "alice", { intent: "add", email: " New.Person@Bank.vn ", role: "member" }), { id: orgId })));
    expect(added.status).toBe(302);
    const [newcomer] = await db.sql<{ id: string }[]>`select id from citizens where lower(email) = 'new.person@bank.vn'`;
    expect(newcomer).toBeDefined();
    expect(await membershipOf(db.sql, { organisationId: orgId, citizenId: newcomer!.id })).toMatchObject({ role: "member" });

    const twice = await run(() => membersPost(args(post(url, "alice", { intent: "add", email: "new.person@bank.vn", role: "member" }), { id: orgId })));
    expect(twice.status).toBe(409);
    const badEmail = await run(() => membersPost(args(post(url, "alice", { intent: "add", email: "not an address", role: "member" }), { id: orgId })));
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.values.email).toBe("not an address");

    // The last admin cannot demote or remove themselves.
    for (const change of ["member", "remove"]) {
      const r = await run(() => membersPost(args(post(url, "alice", { intent: "change", memberId: ids.alice!, change }), { id: orgId })));
      expect(r.status).toBe(409);
      expect(r.body.problems).toEqual([{ field: "form", code: "lastAdmin" }]);
    }
    // bob joins as a member: he sees the members but cannot change them.
    await run(() => membersPost(args(post(url, "alice", { intent: "add", email: "bob@org.test", role: "member" }), { id: orgId })));
    const bobPage = await run(() => membersLoader(args(get(url, "bob"), { id: orgId })));
    expect(bobPage.status).toBe(200);
    expect(bobPage.body.members).toHaveLength(3);
    const bobTries = await run(() => membersPost(args(post(url, "bob", { intent: "change", memberId: ids.alice!, change: "remove" }), { id: orgId })));
    expect(bobTries.status).toBe(403);

    // Made admin, bob may then demote alice; the role changes are audited.
    expect((await run(() => membersPost(args(post(url, "alice", { intent: "change", memberId: ids.bob!, change: "admin" }), { id: orgId })))).status).toBe(302);
    expect((await run(() => membersPost(args(post(url, "bob", { intent: "change", memberId: ids.alice!, change: "member" }), { id: orgId })))).status).toBe(302);
    const actions = await db.sql<{ action: string }[]>`select action from audit_log where target_id = ${orgId} order by id`;
    expect(actions.map((a) => a.action)).toEqual([
      "organisation.created",
      "organisation.member.added",
      "organisation.member.added",
      "organisation.member.role-changed",
      "organisation.member.role-changed",
    ]);
  });
});

describe("following cases", () => {
  let orgId: string;
  let opened: { reference: string; accessCode: string };

  beforeAll(async () => {
    orgId = await createOrg("carol");
    const [agency] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
    opened = { reference: "YC-ORG-000001", accessCode: randomAccessCode() };
    await db.sql.begin((tx) =>
      openCase(tx, {
        caseType: ENFORCEMENT_REQUEST_CASE,
        submissionId: crypto.randomUUID(),
        reference: opened.reference,
        agencyId: agency!.id,
        applicantName: "Nguyễn Văn Án",
        otherPartyName: "Trần Thị Bình",
        receivedAt: new Date(),
        accessCodeHash: accessCodeHash(opened.accessCode),
      }),
    );
  });

  it("adds a case by its pair; a wrong code and a wrong reference get the same answer; the list and the case page show the party view", async () => {
    const url = `/to-chuc/${orgId}`;
    const wrongCode = await run(() => casesAction(args(post(url, "carol", { intent: "follow", reference: opened.reference, accessCode: randomAccessCode() }), { id: orgId })));
    const wrongRef = await run(() => casesAction(args(post(url, "carol", { intent: "follow", reference: "YC-ORG-999999", accessCode: opened.accessCode }), { id: orgId })));
    expect(wrongCode.status).toBe(404);
    expect(wrongRef.status).toBe(wrongCode.status);
    expect(wrongRef.body.problems).toEqual(wrongCode.body.problems);
    expect(wrongCode.body.values.reference).toBe(opened.reference);

    const ok = await run(() => casesAction(args(post(url, "carol", { intent: "follow", reference: opened.reference.toLowerCase(), accessCode: opened.accessCode.replaceAll("-", " ") }), { id: orgId })));
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`${url}?added=${opened.reference}`);
    const list = await run(() => casesLoader(args(get(url, "carol"), { id: orgId })));
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ reference: opened.reference, state: "received", office: { code: "HNI-KV01" }, lastEvent: { event: "received" }, applicantName: "Nguyễn V** Á*" });
    const one = await run(() => caseLoader(args(get(`${url}/ho-so/${opened.reference}`, "carol"), { id: orgId, reference: opened.reference })));
    expect(one.status).toBe(200);
    expect(one.body.view.timeline.map((e: { event: string }) => e.event)).toEqual(["received"]);
    expect(JSON.stringify(one.body)).not.toMatch(/Nguyễn Văn Án|Trần Thị Bình/);

    const gone = await run(() => casesAction(args(post(url, "carol", { intent: "unfollow", reference: opened.reference }), { id: orgId })));
    expect(gone.status).toBe(302);
    expect((await run(() => caseLoader(args(get(`${url}/ho-so/${opened.reference}`, "carol"), { id: orgId, reference: opened.reference })))).status).toBe(404);
  });

  it("pages the list by keyset (no repeats, no gaps), filters by state and searches by reference", async () => {
    const orgId2 = await createOrg("carol", "Công ty nhiều hồ sơ");
    const cases = await makePairCases(db.sql as never, 120, { prefix: "KS-2026" });
    const accepted = await makePairCases(db.sql as never, 3, { prefix: "KA-2026", state: "accepted" });
    await db.sql`insert into organisation_cases (organisation_id, case_id, added_at)
      select ${orgId2}, unnest(${[...cases, ...accepted].map((c) => c.caseId)}::uuid[]), now() - interval '1 day'`;
    const seen: string[] = [];
    let next: string | null = `/to-chuc/${orgId2}`;
    let pages = 0;
    while (next) {
      const u = new URL(`http://localhost${next}`);
      const page = await run(() => casesLoader(args(get(`${u.pathname}${u.search}`, "carol"), { id: orgId2 })));
      seen.push(...page.body.items.map((i: { reference: string }) => i.reference));
      next = page.body.next;
      pages++;
      if (pages > 5) throw new Error(`paging loops: ${next}`);
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(123);
    const filtered = await run(() => casesLoader(args(get(`/to-chuc/${orgId2}?state=accepted`, "carol"), { id: orgId2 })));
    expect(filtered.body.items.map((i: { reference: string }) => i.reference).sort()).toEqual(accepted.map((c) => c.reference));
    const searched = await run(() => casesLoader(args(get(`/to-chuc/${orgId2}?q=ks-2026-00011`, "carol"), { id: orgId2 })));
    expect(searched.body.items).toHaveLength(10); // KS-2026-000110 … 000119
    const wildcard = await run(() => casesLoader(args(get(`/to-chuc/${orgId2}?q=%25`, "carol"), { id: orgId2 })));
    expect(wildcard.body.items).toHaveLength(0);
  });
});

describe("the bulk lookup", () => {
  let orgId: string;
  let pairs: PairCase[];
  beforeAll(async () => {
    orgId = await createOrg("alice", "Ngân hàng tra cứu");
    pairs = await makePairCases(db.sql as never, 1200, { prefix: "BL-2026" });
  });
  const url = () => `/to-chuc/${orgId}/tra-cuu-hang-loat`;

  it("answers 1,200 lines (BOM, ';', Vietnamese headers, extra column), the same 'not found' for a wrong code and a wrong reference, follows the found, and gives a CSV back", async () => {
    const lines = pairs.map((p, i) =>
      i % 10 === 3 ? `${p.reference};${randomAccessCode()};x` : i % 10 === 7 ? `BL-2026-9${String(i).padStart(5, "0")};${p.accessCode};x` : `${p.reference};${p.accessCode};x`,
    );
    lines.push(`=HYPERLINK("http://evil");ABCD;x`);
    const csv = `\uFEFFMã hồ sơ;Mã tra cứu;Ghi chú\r\n${lines.join("\r\n")}\r\n`;
    const posted = await run(() => bulkAction(args(upload(url(), "alice", csv, { follow: true }), { id: orgId })));
    expect(posted.body?.problems ?? posted.status).toBe(302);
    const runId = posted.location!.split("/").pop()!;
    const page = await run(() => runLoader(args(get(posted.location!, "alice"), { id: orgId, run: runId })));
    expect(page.body.run.total).toBe(1201);
    expect(page.body.run.rows).toHaveLength(500);
    expect(page.body.paging).toMatchObject({ from: 1, to: 500, previous: null, next: `${posted.location}?trang=2` });
    const last = await run(() => runLoader(args(get(`${posted.location}?trang=3`, "alice"), { id: orgId, run: runId })));
    expect(last.body.run.rows).toHaveLength(201);
    expect(last.body.run.rows[200]).toMatchObject({ line: 1202, found: null });
    expect(last.body.paging).toMatchObject({ from: 1001, to: 1201, next: null });
    expect(page.body.run.found).toBe(960);
    expect(page.body.run.notFound).toBe(241);
    expect(page.body.run.followed).toBe(960);
    expect(page.body.run.rows[0]).toMatchObject({ line: 2, reference: pairs[0]!.reference, found: { state: "received", office: { code: "HNI-KV01" } } });
    expect(page.body.run.rows[3].found).toBeNull();
    expect(page.body.run.rows[7].found).toBeNull();
    const [followed] = await db.sql<{ count: number }[]>`select count(*)::int as count from organisation_cases where organisation_id = ${orgId}`;
    expect(followed!.count).toBe(960);
    // Never the codes in the kept run.
    const [kept] = await db.sql<{ rows: string }[]>`select rows::text from organisation_bulk_runs where id = ${runId}`;
    expect(kept!.rows).not.toContain(pairs[0]!.accessCode);
    const [audited] = await db.sql<{ details: Record<string, number> }[]>`select details from audit_log where action = 'organisation.bulk-lookup' and target_id = ${orgId}`;
    expect(audited!.details).toMatchObject({ rows: 1201, found: 960, notFound: 241, followed: 960 });

    const res = (await run(() => csvLoader(args(get(`${posted.location}.csv`, "alice"), { id: orgId, run: runId })))).response!;
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const rows = text.trim().split("\r\n");
    expect(rows[0]).toBe('"Dòng","Mã hồ sơ","Kết quả","Trạng thái","Cơ quan thi hành án","Chấp hành viên","Số thụ lý","Ngày sự kiện gần nhất"');
    expect(rows).toHaveLength(1202);
    expect(rows[1]).toMatch(new RegExp(`^"2","${pairs[0]!.reference}","Tìm thấy","Đã tiếp nhận, chờ xử lý",`));
    // A wrong code and a wrong reference read the same.
    expect(rows[4]!.replace(/^"\d+","[^"]+"/, "")).toBe(rows[8]!.replace(/^"\d+","[^"]+"/, ""));
    expect(rows[1201]).toBe(`"1202","'=HYPERLINK(""http://evil"")","Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này","","","","",""`);
    const en = (await run(() => csvLoader(args(get(`${posted.location}.csv`, "alice"), { id: orgId, run: runId }, "en")))).response!;
    expect((await en.text()).split("\r\n")[0]).toContain('"Line","Reference","Result"');
  });

  it("reads ',' files without BOM and the English aliases", () => {
    const r = readBulkFile(new TextEncoder().encode(`reference,access code\nYC-1,ABCD-EFGH\n\n"YC-2","WXYZ"\n`));
    expect(r).toEqual({ ok: true, pairs: [{ line: 2, reference: "YC-1", accessCode: "ABCD-EFGH" }, { line: 4, reference: "YC-2", accessCode: "WXYZ" }] });
    expect(readBulkFile(new TextEncoder().encode("ma ho so;MÃ TRA CỨU\nA;B"))).toMatchObject({ ok: true });
  });

  it("refuses bad files with a clear localised error, the checkbox kept, never a 500", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const latin1 = new Uint8Array([0x4d, 0xe3, 0x20, 0x68, 0xf4, 0x20, 0x73, 0xf5, 0x3b, 0x78, 0x0a]);
    const tooMany = `Mã hồ sơ,Mã tra cứu\n${Array.from({ length: BULK_MAX_ROWS + 1 }, (_, i) => `R-${i},C`).join("\n")}`;
    const cases: [Uint8Array | string | null, string][] = [
      [null, "empty"],
      ["", "empty"],
      ["Mã hồ sơ;Mã tra cứu\r\n", "empty"],
      [png, "notCsv"],
      [latin1, "notCsv"],
      ['Mã hồ sơ,Mã tra cứu\n"YC-1,ABC\n', "notCsv"],
      ["Số điện thoại;Họ tên\n0912;An\n", "columns"],
      [tooMany, "tooManyRows"],
      [new Uint8Array(2 * 1024 * 1024 + 10).fill(0x41), "tooBig"],
    ];
    for (const [file, code] of cases) {
      const r = await run(() => bulkAction(args(upload(url(), "alice", file, { follow: true }), { id: orgId })));
      expect([400, 413], `${code}`).toContain(r.status);
      expect(r.body.problems, code).toEqual([{ field: "file", code }]);
      expect(r.body.values.follow || code === "tooBig").toBe(true);
      const vi = (resources.vi.organisations.errors as unknown as Record<string, string>)[code];
      const en = (resources.en.organisations.errors as unknown as Record<string, string>)[code];
      expect(vi && en && vi !== en).toBeTruthy();
    }
    const page = await run(() => bulkLoader(args(get(url(), "alice"), { id: orgId })));
    expect(page.status).toBe(200);
  });

  it("is limited per organisation (429 with Retry-After), and the limit is not another organisation's", async () => {
    const limited = await createOrg("alice", "Tổ chức bị giới hạn");
    await db.sql`insert into rate_limit_counters (key, count, window_start, blocked_until)
      values (${`org-bulk:${limited}`}, ${BULK_RUNS_PER_HOUR}, now(), now() + interval '1 hour')`;
    const csv = `Mã hồ sơ,Mã tra cứu\n${pairs[0]!.reference},${pairs[0]!.accessCode}\n`;
    const r = await run(() => bulkAction(args(upload(`/to-chuc/${limited}/tra-cuu-hang-loat`, "alice", csv), { id: limited })));
    expect(r.status).toBe(429);
    expect(r.body.problems).toEqual([{ field: "file", code: "rateLimited" }]);
    expect(r.body.retryAfter).toBeGreaterThan(0);
    expect((await run(() => bulkAction(args(upload(url(), "alice", csv), { id: orgId })))).status).toBe(302);
  });
});

describe("isolation", () => {
  it("another organisation's member, and a non-member, get the same 404 as a missing organisation: pages, case, members, bulk result, CSV and form posts", async () => {
    const orgA = await createOrg("alice", "Tổ chức A");
    const orgB = await createOrg("mallory", "Tổ chức B");
    const [pair] = await makePairCases(db.sql as never, 1, { prefix: "ISO-2026" });
    await run(() => casesAction(args(post(`/to-chuc/${orgA}`, "alice", { intent: "follow", reference: pair!.reference, accessCode: pair!.accessCode }), { id: orgA })));
    const posted = await run(() => bulkAction(args(upload(`/to-chuc/${orgA}/tra-cuu-hang-loat`, "alice", `Mã hồ sơ,Mã tra cứu\n${pair!.reference},${pair!.accessCode}\n`), { id: orgA })));
    const runId = posted.location!.split("/").pop()!;

    const missing = crypto.randomUUID();
    for (const id of [orgA, missing, "not-a-uuid"]) {
      expect((await run(() => casesLoader(args(get(`/to-chuc/${id}`, "mallory"), { id })))).status).toBe(404);
      expect((await run(() => caseLoader(args(get(`/to-chuc/${id}/ho-so/${pair!.reference}`, "mallory"), { id, reference: pair!.reference })))).status).toBe(404);
      expect((await run(() => membersLoader(args(get(`/to-chuc/${id}/thanh-vien`, "mallory"), { id })))).status).toBe(404);
      expect((await run(() => bulkLoader(args(get(`/to-chuc/${id}/tra-cuu-hang-loat`, "mallory"), { id })))).status).toBe(404);
      expect((await run(() => runLoader(args(get(`/to-chuc/${id}/tra-cuu-hang-loat/${runId}`, "mallory"), { id, run: runId })))).status).toBe(404);
      expect((await run(() => csvLoader(args(get(`/to-chuc/${id}/tra-cuu-hang-loat/${runId}.csv`, "mallory"), { id, run: runId })))).status).toBe(404);
      expect((await run(() => casesAction(args(post(`/to-chuc/${id}`, "mallory", { intent: "unfollow", reference: pair!.reference }), { id })))).status).toBe(404);
      expect((await run(() => membersPost(args(post(`/to-chuc/${id}/thanh-vien`, "mallory", { intent: "add", email: "mallory@org.test", role: "admin" }), { id })))).status).toBe(404);
      expect((await run(() => bulkAction(args(upload(`/to-chuc/${id}/tra-cuu-hang-loat`, "mallory", "Mã hồ sơ,Mã tra cứu\nA,B\n"), { id })))).status).toBe(404);
    }
    // Under their own organisation's address, A's case and A's run are not found either.
    expect((await run(() => caseLoader(args(get(`/to-chuc/${orgB}/ho-so/${pair!.reference}`, "mallory"), { id: orgB, reference: pair!.reference })))).status).toBe(404);
    expect((await run(() => runLoader(args(get(`/to-chuc/${orgB}/tra-cuu-hang-loat/${runId}`, "mallory"), { id: orgB, run: runId })))).status).toBe(404);
    expect((await run(() => casesAction(args(post(`/to-chuc/${orgB}`, "mallory", { intent: "unfollow", reference: pair!.reference }), { id: orgB })))).status).toBe(404);
    const bList = await run(() => casesLoader(args(get(`/to-chuc/${orgB}`, "mallory"), { id: orgB })));
    expect(bList.body.items).toHaveLength(0);
    // A's case is still followed by A; mallory never became A's member.
    expect((await run(() => caseLoader(args(get(`/to-chuc/${orgA}/ho-so/${pair!.reference}`, "alice"), { id: orgA, reference: pair!.reference })))).status).toBe(200);
    expect(await membershipOf(db.sql, { organisationId: orgA, citizenId: ids.mallory! })).toBeNull();
    // Signed out: to sign-in, not a page.
    const anon = await run(() => casesLoader(args(new Request(`http://localhost/to-chuc/${orgA}`), { id: orgA })));
    expect(anon.status).toBe(302);
  });
});

describe("the demo organisation (development seed)", () => {
  it("has its admin account and follows a few demo cases, once however often the seed runs", async () => {
    const { seedDemoCases } = await import("../seed.server");
    await seedDemoCases(db.sql);
    await seedDemoCases(db.sql);
    const rows = await db.sql<{ email: string; role: string; cases: number }[]>`
      select c.email, m.role, (select count(*)::int from organisation_cases oc where oc.organisation_id = o.id) as cases
      from organisations o join organisation_members m on m.organisation_id = o.id join citizens c on c.id = m.citizen_id
      where o.tax_code = '0312345673'`;
    expect(rows).toEqual([{ email: "doanhnghiep@example.vn", role: "admin", cases: 4 }]);
  });
});

describe("limits", () => {
  it("'add a case' by pair waits per organisation after repeated failures (429, what was typed kept); the upload form has its own body cap", async () => {
    const orgId = await createOrg("bob", "Tổ chức thử giới hạn");
    const url = `/to-chuc/${orgId}`;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await run(() => casesAction(args(post(url, "bob", { intent: "follow", reference: `YC-NONE-${i}`, accessCode: randomAccessCode() }), { id: orgId })));
      statuses.push(r.status);
      if (r.status === 429) {
        expect(r.body.problems).toEqual([{ field: "form", code: "rateLimited" }]);
        expect(r.body.values.reference).toBe(`YC-NONE-${i}`);
      }
    }
    expect(statuses.slice(0, 6)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(statuses).toContain(429);
    const { ORGANISATION_UPLOAD_ROUTES, BULK_MAX_BYTES } = await import("./index");
    const { uploadLimitFor } = await import("../http");
    expect(uploadLimitFor(ORGANISATION_UPLOAD_ROUTES, `/to-chuc/${orgId}/tra-cuu-hang-loat`)).toBeGreaterThan(BULK_MAX_BYTES);
    expect(uploadLimitFor(ORGANISATION_UPLOAD_ROUTES, `/to-chuc/${orgId}`)).toBeNull();
  });
});
