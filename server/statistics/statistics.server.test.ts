import crypto from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo, DEMO_PASSWORD } from "../seed.server";
import { createStaff, signInStaff, SESSION_COOKIE } from "../accounts";
import { loader as pageLoader } from "../../app/routes/staff.statistics";
import { loader as csvLoader } from "../../app/routes/staff.statistics[.csv]";
import { parsePeriod, statisticsCsv, statisticsTable, statisticsTotals, type StatisticsRow } from "./index";

// The staff statistics (ADR 081): per office and procedure over a period of Vietnamese days — filed,
// closed, on time / late against the statutory deadlines, satisfaction answers — scoped in SQL: a head sees
// their offices only, an administrator every office. The figures are made in March 2025, far from the demo
// cases (which are dated from today).

let db: TestDatabase;
let context: AppLoadContext;
let kv01: string;
let kv02: string;
let headA: string;
let headB: string;
let adminId: string;
const MARCH = { from: "2025-03-01", to: "2025-03-31" };
const TYPE = "enforcement-request";

/** A Hà Nội wall-clock time as a Date (UTC+7). */
const hanoi = (local: string) => new Date(`${local}+07:00`);

let n = 0;
async function kase(agencyId: string, { received, closed = null as string | null }: { received: string; closed?: string | null }) {
  const [row] = await db.sql<{ id: string }[]>`
    insert into cases (case_type, submission_id, reference, agency_id, state, applicant_name, search_text, received_at, closed_at)
    values (${TYPE}, ${crypto.randomUUID()}, ${`TK-2025-${String(++n).padStart(7, "0")}`}, ${agencyId}, ${closed ? "closed" : "received"},
      'Người nộp', 'nguoi nop', ${hanoi(received)}, ${closed ? hanoi(closed) : null})
    returning id`;
  return row!.id;
}

async function clock(caseId: string, { due, ended, stopped = null as string | null, name = `c${++n}` }: { due: string; ended: string; stopped?: string | null; name?: string }) {
  await db.sql`
    insert into case_clocks (case_id, clock, rule_id, rule_effective_from, state, started_at, due_on, stopped_at, remaining_days, ended_at)
    values (${caseId}, ${name}, 'enforcement.decide-request', '2020-01-01', 'ended', ${hanoi("2025-03-01T08:00:00")}, ${due},
      ${stopped ? hanoi(stopped) : null}, ${stopped ? 2 : null}, ${hanoi(ended)})`;
}

async function answer(caseId: string, agencyId: string, score: number, at: string) {
  await db.sql`insert into satisfaction_answers (case_id, agency_id, case_type, score, answered_at) values (${caseId}, ${agencyId}, ${TYPE}, ${score}, ${hanoi(at)})`;
}

async function cookieOf(email: string): Promise<string> {
  const s = await signInStaff(db.sql, { email, password: DEMO_PASSWORD, ip: "203.0.113.130", userAgent: "vitest", locale: "vi" });
  if (!s.ok) throw new Error(s.reason);
  return `${SESSION_COOKIE}=${s.token}`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "req-stats", locale: "vi", clientIp: "203.0.113.131" };
  const ids = await db.sql<{ code: string; id: string }[]>`select code, id from agencies where code in ('HNI-KV01', 'HNI-KV02')`;
  kv01 = ids.find((r) => r.code === "HNI-KV01")!.id;
  kv02 = ids.find((r) => r.code === "HNI-KV02")!.id;
  const staff = await db.sql<{ email: string; id: string }[]>`select email, id from staff`;
  headA = staff.find((s) => s.email === "thutruong@thads.local")!.id;
  adminId = staff.find((s) => s.email === "quantri@thads.local")!.id;
  headB = await createStaff(db.sql, { email: "thutruong.kv02@thads.local", fullName: "Lê Văn Khu", password: DEMO_PASSWORD, roles: [{ role: "head", agencyId: kv02 }] });

  // Office A (HNI-KV01): one closed on time (its deadlines met; a clock stopped when the case closed counts
  // as when it stopped), one closed late, one filed on the period's last evening, one just after it.
  const onTime = await kase(kv01, { received: "2025-03-03T09:00:00", closed: "2025-03-20T10:00:00" });
  await clock(onTime, { due: "2025-03-10", ended: "2025-03-09T16:00:00" });
  await clock(onTime, { due: "2025-03-12", ended: "2025-03-20T10:00:00", stopped: "2025-03-11T09:00:00" });
  // The one-day window to ask for corrections lapsed unused: a window, not a deadline missed.
  await clock(onTime, { name: "corrections", due: "2025-03-04", ended: "2025-03-09T16:00:00" });
  const late = await kase(kv01, { received: "2025-03-05T09:00:00", closed: "2025-03-25T10:00:00" });
  await clock(late, { due: "2025-03-12", ended: "2025-03-15T09:00:00" });
  await kase(kv01, { received: "2025-03-31T23:30:00" });
  await kase(kv01, { received: "2025-04-01T00:30:00" });
  await answer(onTime, kv01, 5, "2025-03-21T08:00:00");
  await answer(late, kv01, 2, "2025-03-26T08:00:00");
  // Office B (HNI-KV02): one closed with no dated deadline (neither on time nor late), answered 3.
  const other = await kase(kv02, { received: "2025-03-10T09:00:00", closed: "2025-03-11T09:00:00" });
  await answer(other, kv02, 3, "2025-03-12T08:00:00");
});
afterAll(async () => {
  await db?.drop();
});

const KV01_ROW = { agencyId: "", caseType: TYPE, filed: 3, closed: 2, onTime: 1, late: 1, answers: 2, average: 3.5, scores: [0, 1, 0, 0, 1] };
const KV02_ROW = { agencyId: "", caseType: TYPE, filed: 1, closed: 1, onTime: 0, late: 0, answers: 1, average: 3, scores: [0, 0, 1, 0, 0] };

describe("the statistics table", () => {
  it("a head of office A sees office A's figures only: filed, closed, on time and late, the answers", async () => {
    const rows = await statisticsTable(db.sql, { staffId: headA, admin: false }, MARCH);
    expect(rows).toEqual([{ ...KV01_ROW, agencyId: kv01, agencyCode: "HNI-KV01", agencyName: expect.any(String) }]);
  });

  it("the head of office B cannot see office A's figures, nor office A's head B's", async () => {
    const rows = await statisticsTable(db.sql, { staffId: headB, admin: false }, MARCH);
    expect(rows.map((r) => r.agencyId)).toEqual([kv02]);
    expect(rows[0]).toMatchObject({ ...KV02_ROW, agencyId: kv02 });
    // Someone who is no head anywhere sees nothing.
    const [clerk] = await db.sql<{ id: string }[]>`select id from staff where email = 'tiepnhan@thads.local'`;
    expect(await statisticsTable(db.sql, { staffId: clerk!.id, admin: false }, MARCH)).toEqual([]);
  });

  it("an administrator sees every office; totals weigh the mean by answers", async () => {
    const rows = await statisticsTable(db.sql, { staffId: adminId, admin: true }, MARCH);
    expect(rows.map((r) => r.agencyCode).sort()).toEqual(["HNI-KV01", "HNI-KV02"]);
    expect(statisticsTotals(rows)).toEqual({ filed: 4, closed: 3, onTime: 1, late: 1, answers: 3, average: 3.33, scores: [0, 1, 1, 0, 1] });
  });

  it("counts by Vietnamese calendar days", async () => {
    const lastDay = await statisticsTable(db.sql, { staffId: headA, admin: false }, { from: "2025-03-31", to: "2025-03-31" });
    expect(lastDay).toMatchObject([{ filed: 1, closed: 0, answers: 0, average: null }]);
    const nextDay = await statisticsTable(db.sql, { staffId: headA, admin: false }, { from: "2025-04-01", to: "2025-04-01" });
    expect(nextDay).toMatchObject([{ filed: 1, closed: 0 }]);
    expect(await statisticsTable(db.sql, { staffId: headA, admin: false }, { from: "2025-02-01", to: "2025-02-28" })).toEqual([]);
  });
});

describe("the period", () => {
  const q = (s: string) => parsePeriod(new URLSearchParams(s), new Date("2026-12-02T03:00:00Z"));
  it("defaults to this month (Hà Nội) and reads both ways of writing a day", () => {
    expect(q("").period).toEqual({ from: "2026-12-01", to: "2026-12-02" });
    expect(q("from=01/03/2025&to=2025-03-31").period).toEqual(MARCH);
  });
  it("answers bad input with localised keys, the values kept", () => {
    expect(q("from=32/13/2025&to=abc")).toEqual({ values: { from: "32/13/2025", to: "abc" }, period: null, errors: { from: "statistics.errors.dateInvalid", to: "statistics.errors.dateInvalid" } });
    expect(q("from=02/03/2025&to=01/03/2025").errors).toEqual({ to: "statistics.errors.rangeInvalid" });
    expect(q("from=01/01/2000&to=01/03/2025").errors).toEqual({ to: "statistics.errors.rangeTooLong" });
  });
});

describe("/staff/statistics and its CSV", () => {
  const request = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { cookie } });
  const page = (query: string, cookie: string) => pageLoader({ request: request(`/staff/statistics${query}`, cookie), context, params: {} } as never);
  const csv = (query: string, cookie: string) => csvLoader({ request: request(`/staff/statistics.csv${query}`, cookie), context, params: {} } as never) as Promise<Response>;

  it("is for heads and administrators only", async () => {
    const clerk = await cookieOf("tiepnhan@thads.local");
    await expect(page("", clerk)).rejects.toMatchObject({ init: { status: 403 } });
    await expect(csv("", clerk)).rejects.toMatchObject({ init: { status: 403 } });
  });

  it("a bad period: 400, the messages' keys and the values typed, no table", async () => {
    const r = (await page("?from=31/02/2025&to=01/03/2025", await cookieOf("thutruong@thads.local"))) as unknown as { init: { status: number }; data: any };
    expect(r.init.status).toBe(400);
    expect(r.data).toMatchObject({ values: { from: "31/02/2025", to: "01/03/2025" }, errors: { from: "statistics.errors.dateInvalid" }, rows: [], period: null, csv: null });
    const bad = await csv("?from=x", await cookieOf("thutruong@thads.local"));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 01/12/2026.");
  });

  it("the page and the CSV show the same scoped table; the CSV has a BOM and Vietnamese headers, and is audited", async () => {
    const cookie = await cookieOf("thutruong@thads.local");
    const r = (await page("?from=01/03/2025&to=31/03/2025", cookie)) as unknown as { init: { status: number }; data: any };
    expect(r.init.status).toBe(200);
    expect(r.data.rows).toHaveLength(1);
    expect(r.data.csv).toBe("/staff/statistics.csv?from=2025-03-01&to=2025-03-31");
    const res = await csv("?from=2025-03-01&to=2025-03-31", cookie);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="thong-ke-2025-03-01-2025-03-31.csv"');
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      '"Mã đơn vị","Đơn vị","Thủ tục","Tiếp nhận","Kết thúc","Đúng hạn","Trễ hạn","Số câu trả lời","Điểm trung bình","Rất không hài lòng (1)","Không hài lòng (2)","Bình thường (3)","Hài lòng (4)","Rất hài lòng (5)"',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^"HNI-KV01","[^"]+","Yêu cầu thi hành án","3","2","1","1","2","3,50","0","1","0","0","1"$/);
    expect(lines[2]).toBe('"","Tổng cộng","","3","2","1","1","2","3,50","0","1","0","0","1"');
    expect(text).not.toContain("HNI-KV02");
    const [entry] = await db.sql<{ details: Record<string, unknown> }[]>`select details from audit_log where action = 'statistics.exported' and actor_id = ${headA}`;
    expect(entry!.details).toEqual({ from: "2025-03-01", to: "2025-03-31", rows: 1 });
  });

  it("neutralises spreadsheet formulas in the CSV", () => {
    const row: StatisticsRow = { agencyId: "x", agencyCode: "+X1", agencyName: "=HYPERLINK(\"http://evil\")", caseType: "@sum", filed: 1, closed: 0, onTime: 0, late: 0, answers: 0, average: null, scores: [0, 0, 0, 0, 0] };
    const line = statisticsCsv([row], "vi").split("\r\n")[1]!;
    expect(line.startsWith(`"'+X1","'=HYPERLINK(""http://evil"")","'@sum"`)).toBe(true);
  });
});
