import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo } from "../seed.server";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import { accessCodeHash, newAccessCode, openCase } from "../cases";
import { createSession, SESSION_COOKIE } from "../accounts";
import { action as lookupAction } from "../../app/routes/tra-cuu";
import { action as myCaseAction, loader as myCaseLoader } from "../../app/routes/tai-khoan.ho-so.$reference";

// The satisfaction question on the party's pages (ADR 081), through the routes' own loader and action:
// the status lookup (the pair once, then the page's token, never the access code) and My cases.

let db: TestDatabase;
let context: AppLoadContext;
let citizenA: string;
let citizenB: string;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "req-sat", locale: "vi", clientIp: "203.0.113.120" };
  const [a, b] = await db.sql<{ id: string }[]>`
    insert into citizens (full_name, email) values ('Công dân A', 'a@satweb.test'), ('Công dân B', 'b@satweb.test') returning id`;
  citizenA = a!.id;
  citizenB = b!.id;
});
afterAll(async () => {
  await db?.drop();
});

let n = 0;
async function filedCase({ citizenId = null as string | null, closed = true } = {}) {
  const reference = `YC-2026-${String(7_100_000 + ++n)}`;
  const accessCode = newAccessCode();
  const [court] = await db.sql<{ id: string; agency_id: string }[]>`select id, agency_id from courts where agency_id is not null order by code limit 1`;
  const [req] = await db.sql<{ id: string }[]>`
    insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, applicant_email, debtor_name,
      judgment_number, judgment_effective_on, answers, locale, submitted_at)
    values (${reference}, ${accessCodeHash(accessCode)}, ${court!.agency_id}, ${court!.id}, 'Nguyễn Thị Hoa', 'hoa@satweb.test', 'Trần Văn Bình',
      '12/2025/DS-ST', '2025-06-01', ${db.sql.json({})}, 'vi', now())
    returning id`;
  const opened = await db.sql.begin((tx) =>
    openCase(tx, {
      caseType: ENFORCEMENT_REQUEST_CASE, submissionId: req!.id, reference, agencyId: court!.agency_id,
      applicantName: "Nguyễn Thị Hoa", otherPartyName: "Trần Văn Bình", searchParts: [], receivedAt: new Date(),
      accessCodeHash: accessCodeHash(accessCode), applicantEmail: "hoa@satweb.test", citizenId,
    }),
  );
  if (closed) await db.sql`update cases set state = 'closed', closed_at = now() where id = ${opened.caseId}`;
  return { reference, accessCode, caseId: opened.caseId };
}

const post = (url: string, form: Record<string, string>, cookie = "") =>
  new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(form), headers: { cookie, "content-type": "application/x-www-form-urlencoded" } });
const get = (url: string, cookie = "") => new Request(`http://localhost${url}`, { headers: cookie ? { cookie } : {} });

/** What a loader or action answered: status, redirect target, body, whatever it threw. */
async function run(fn: () => Promise<unknown>) {
  try {
    const r = await fn();
    if (r instanceof Response) return { status: r.status, location: r.headers.get("location"), body: null as any, headers: r.headers };
    const d = r as { init?: { status?: number; headers?: Record<string, string> }; data?: unknown; type?: string };
    if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, location: null, body: d.data as any, headers: new Headers(d.init?.headers) };
    return { status: 200, location: null, body: r as any, headers: new Headers() };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, location: e.headers.get("location"), body: null as any, headers: e.headers };
    const d = e as { init?: { status?: number }; data?: unknown; type?: string };
    if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 500, location: null, body: d.data as any, headers: new Headers() };
    throw e;
  }
}

const answersOf = async (caseId: string) => db.sql<{ score: number; comment: string | null }[]>`select score, comment from satisfaction_answers where case_id = ${caseId}`;
const lookup = (form: Record<string, string>) => run(() => lookupAction({ request: post("/tra-cuu", form), context, params: {} } as never));

describe("the question on the status lookup", () => {
  it("comes with a final case found by its pair, carrying a token and never the code; answered once, then a thank-you", async () => {
    const c = await filedCase();
    const found = await lookup({ reference: c.reference, accessCode: c.accessCode });
    expect(found.status).toBe(200);
    expect(found.headers.get("Cache-Control")).toBe("no-store");
    expect(found.body.extra).toMatchObject({ state: "ask", problems: [], values: { score: "", comment: "" } });
    const token: string = found.body.extra.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The access code is nowhere in what the page is given; the token is stored only as its hash.
    expect(JSON.stringify(found.body)).not.toContain(c.accessCode);
    const [stored] = await db.sql<{ token_hash: Buffer }[]>`select token_hash from satisfaction_tokens where case_id = ${c.caseId}`;
    expect(stored!.token_hash.toString("base64url")).not.toBe(token);

    // No score: the question again, what was typed kept, nothing stored.
    const missing = await lookup({ intent: "satisfaction", token, comment: "Cán bộ tận tình." });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ found: true, reference: c.reference, extra: { state: "ask", token, problems: ["score"], values: { score: "", comment: "Cán bộ tận tình." } } });
    expect(await answersOf(c.caseId)).toEqual([]);

    const answered = await lookup({ intent: "satisfaction", token, score: "5", comment: "Cán bộ tận tình." });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ found: true, reference: c.reference, extra: { state: "thanks" } });
    expect(await answersOf(c.caseId)).toEqual([{ score: 5, comment: "Cán bộ tận tình." }]);

    // The token is spent: posting it again asks for the lookup again, and records nothing more.
    const again = await lookup({ intent: "satisfaction", token, score: "1" });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ found: false, reference: "", problems: ["expired"], retryAfter: 0 });
    expect(await answersOf(c.caseId)).toEqual([{ score: 5, comment: "Cán bộ tận tình." }]);

    // Looked up again: no question, it says it was answered.
    const later = await lookup({ reference: c.reference, accessCode: c.accessCode });
    expect(later.body.extra).toEqual({ state: "answered" });
  });

  it("two tokens of the same case (two tabs) still record one answer", async () => {
    const c = await filedCase();
    const t1 = (await lookup({ reference: c.reference, accessCode: c.accessCode })).body.extra.token;
    const t2 = (await lookup({ reference: c.reference, accessCode: c.accessCode })).body.extra.token;
    expect((await lookup({ intent: "satisfaction", token: t1, score: "2" })).body.extra).toEqual({ state: "thanks" });
    expect((await lookup({ intent: "satisfaction", token: t2, score: "4" })).body.extra).toEqual({ state: "answered" });
    expect(await answersOf(c.caseId)).toEqual([{ score: 2, comment: null }]);
  });

  it("is not offered before the case is final; a wrong, forged or expired token is refused", async () => {
    const open = await filedCase({ closed: false });
    const found = await lookup({ reference: open.reference, accessCode: open.accessCode });
    expect(found.status).toBe(200);
    expect(found.body.extra).toBeUndefined();
    expect((await db.sql`select 1 from satisfaction_tokens where case_id = ${open.caseId}`).length).toBe(0);

    const c = await filedCase();
    const token = (await lookup({ reference: c.reference, accessCode: c.accessCode })).body.extra.token;
    for (const bad of ["", "x", "A".repeat(43), c.accessCode, `${token}x`]) {
      expect((await lookup({ intent: "satisfaction", token: bad, score: "3" })).body.problems, bad).toEqual(["expired"]);
    }
    await db.sql`update satisfaction_tokens set expires_at = now() - interval '1 second' where case_id = ${c.caseId}`;
    expect((await lookup({ intent: "satisfaction", token, score: "3" })).body.problems).toEqual(["expired"]);
    expect(await answersOf(c.caseId)).toEqual([]);
  });
});

describe("the question on My cases", () => {
  const cookieOf = async (citizenId: string) => `${SESSION_COOKIE}=${(await createSession(db.sql, { citizenId })).token}`;
  const page = async (reference: string, cookie: string, query = "") =>
    run(() => myCaseLoader({ request: get(`/tai-khoan/ho-so/${reference}${query}`, cookie), context, params: { reference } } as never));
  const answer = async (reference: string, cookie: string, form: Record<string, string>) =>
    run(() => myCaseAction({ request: post(`/tai-khoan/ho-so/${reference}`, { intent: "satisfaction", ...form }, cookie), context, params: { reference } } as never));

  it("the citizen's own final case: asked, answered (redirect with a thank-you), answered twice recorded once", async () => {
    const c = await filedCase({ citizenId: citizenA });
    const cookie = await cookieOf(citizenA);
    expect((await page(c.reference, cookie)).body.satisfaction).toEqual({ state: "ask", problems: [], values: { score: "", comment: "" } });

    const bad = await answer(c.reference, cookie, { score: "6", comment: "a".repeat(1001) });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: "satisfaction", satisfaction: { state: "ask", problems: ["score", "comment"], values: { score: "6" } } });
    expect(await answersOf(c.caseId)).toEqual([]);

    const ok = await answer(c.reference, cookie, { score: "4", comment: "" });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`/tai-khoan/ho-so/${c.reference}?cam-on=1#hai-long`);
    expect((await page(c.reference, cookie, "?cam-on=1")).body.satisfaction).toEqual({ state: "thanks" });
    expect((await page(c.reference, cookie)).body.satisfaction).toEqual({ state: "answered" });

    const twice = await answer(c.reference, cookie, { score: "1" });
    expect(twice.location).toBe(`/tai-khoan/ho-so/${c.reference}#hai-long`);
    expect(await answersOf(c.caseId)).toEqual([{ score: 4, comment: null }]);
  });

  it("someone else's case is a 404 and records nothing; a case not final has no question", async () => {
    const c = await filedCase({ citizenId: citizenA });
    const other = await answer(c.reference, await cookieOf(citizenB), { score: "1" });
    expect(other.status).toBe(404);
    expect(await answersOf(c.caseId)).toEqual([]);

    const open = await filedCase({ citizenId: citizenA, closed: false });
    const cookie = await cookieOf(citizenA);
    expect((await page(open.reference, cookie)).body.satisfaction).toBeNull();
    const early = await answer(open.reference, cookie, { score: "5" });
    expect(early.location).toBe(`/tai-khoan/ho-so/${open.reference}#hai-long`);
    expect(await answersOf(open.caseId)).toEqual([]);
  });

  it("the e-mail choice still works beside it", async () => {
    const c = await filedCase({ citizenId: citizenA });
    const cookie = await cookieOf(citizenA);
    const r = await run(() => myCaseAction({ request: post(`/tai-khoan/ho-so/${c.reference}`, { notify: "off" }, cookie), context, params: { reference: c.reference } } as never));
    expect(r.location).toBe(`/tai-khoan/ho-so/${c.reference}?luu=1#thong-bao`);
    const wrong = await run(() => myCaseAction({ request: post(`/tai-khoan/ho-so/${c.reference}`, { notify: "maybe" }, cookie), context, params: { reference: c.reference } } as never));
    expect(wrong.body).toEqual({ ok: false, error: "choose", values: { notify: "maybe" } });
  });
});
