import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { elapse } from "../../test/rate-limits";
import { seedDemo, DEMO_PASSWORD } from "../seed.server";
import { action as signInAction } from "../../app/routes/staff.sign-in";
import { action as codeAction, loader as codeLoader } from "../../app/routes/staff.sign-in_.code";
import { action as setUpAction, loader as setUpLoader } from "../../app/routes/staff.sign-in_.set-up";
import { action as resetAction, loader as resetLoader } from "../../app/routes/staff.admin.staff.$id_.second-factor";
import { loader as staffHomeLoader } from "../../app/routes/staff._index";
import { createStaff, signInStaff } from "./staff.server";
import { findSession, SESSION_COOKIE } from "./session.server";
import { staffStatus } from "./guards.server";
import {
  CHALLENGE_COOKIE,
  openSecret,
  secondFactorKey,
  totpCode,
  verifySecondFactor,
} from "./second-factor.server";

// The staff second factor through its routes as Remix calls them, on a real database: set-up at the
// first sign-in where it is required, the code step, one use per code and window, recovery codes, rate
// limits, and the administrator's reset.
let db: TestDatabase;
let required: AppLoadContext;
let optional: AppLoadContext;
let agencyId: string;
let ip = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  const base = { cspNonce: "n", requestId: "r", locale: "vi" as const, clientIp: "203.0.113.9" };
  required = { ...base, services: testServices(db.sql, { env: { STAFF_SECOND_FACTOR: "required" } }) };
  optional = { ...base, services: testServices(db.sql) };
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  agencyId = a!.id;
});
afterAll(async () => {
  await db.drop();
});

const ctx = (c: AppLoadContext = required): AppLoadContext => ({ ...c, clientIp: `198.51.100.${++ip % 250}` });
const key = () => secondFactorKey(required.services.config.SESSION_SECRET);

function post(path: string, values: Record<string, string>, cookie = "") {
  return new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(values), headers: { cookie } });
}
const get = (path: string, cookie = "") => new Request(`http://localhost${path}`, { headers: { cookie } });

async function run(fn: () => Promise<unknown>) {
  try {
    const r = await fn();
    if (r instanceof Response) return { status: r.status, location: r.headers.get("location"), cookies: r.headers.getSetCookie(), body: null as any };
    const d = r as { init?: { status?: number; headers?: HeadersInit }; data?: unknown; type?: string };
    if (d?.type === "DataWithResponseInit") {
      return { status: d.init?.status ?? 200, location: null, cookies: new Headers(d.init?.headers).getSetCookie(), body: d.data as any };
    }
    return { status: 200, location: null, cookies: [] as string[], body: r as any };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, location: e.headers.get("location"), cookies: e.headers.getSetCookie(), body: null as any };
    const d = e as { init?: { status?: number }; type?: string };
    if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 500, location: null, cookies: [] as string[], body: null as any };
    throw e;
  }
}

const cookieValue = (cookies: string[], name: string) =>
  cookies.map((c) => c.split(";")[0]!).find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1) ?? null;

let n = 0;
async function newStaff(role: "clerk" | "admin" = "clerk") {
  const email = `hai.lop.${++n}@thads.local`;
  const id = await createStaff(db.sql, { email, fullName: `Cán bộ thử ${n}`, password: DEMO_PASSWORD, roles: [{ role, agencyId }] });
  return { id, email };
}

async function passwordStep(email: string, context = required) {
  const r = await run(() => signInAction({ request: post("/staff/sign-in", { email, password: DEMO_PASSWORD, redirectTo: "/staff/requests" }), context: ctx(context), params: {} } as never));
  return { ...r, challenge: cookieValue(r.cookies, CHALLENGE_COOKIE), session: cookieValue(r.cookies, SESSION_COOKIE) };
}

/** Password, then the set-up page's secret and its first code: the staff member now has a second factor. */
async function enrol(email: string) {
  const step = await passwordStep(email);
  expect(step.location).toBe("/staff/sign-in/set-up?redirectTo=%2Fstaff%2Frequests");
  const cookie = `${CHALLENGE_COOKIE}=${step.challenge}`;
  const page = await run(() => setUpLoader({ request: get("/staff/sign-in/set-up?redirectTo=%2Fstaff%2Frequests", cookie), context: ctx(), params: {} } as never));
  const secret: string = page.body.secret;
  // A moment ago: the code of the previous step, so the sign-in's "now" code is still unused afterwards.
  const done = await run(() => setUpAction({ request: post("/staff/sign-in/set-up", { code: totpCode(secret, Date.now() - 30_000), redirectTo: "/staff/requests" }, cookie), context: ctx(), params: {} } as never));
  expect(done.status).toBe(200);
  return { secret, recoveryCodes: done.body.recoveryCodes as string[], session: cookieValue(done.cookies, SESSION_COOKIE), done, page };
}

async function codeStep(email: string, code: string) {
  const step = await passwordStep(email);
  expect(step.location).toBe("/staff/sign-in/code?redirectTo=%2Fstaff%2Frequests");
  return run(() => codeAction({ request: post("/staff/sign-in/code", { code, redirectTo: "/staff/requests" }, `${CHALLENGE_COOKIE}=${step.challenge}`), context: ctx(), params: {} } as never));
}

describe("staff second factor", () => {
  it("where required, sends a first sign-in to the set-up; the half-way cookie is no session", async () => {
    const { email } = await newStaff();
    const step = await passwordStep(email);
    expect(step.status).toBe(302);
    expect(step.location).toBe("/staff/sign-in/set-up?redirectTo=%2Fstaff%2Frequests");
    expect(step.session).toBeNull();
    // Pages behind requireStaff refuse the half-signed-in state, whichever cookie it is put in.
    for (const cookie of [`${CHALLENGE_COOKIE}=${step.challenge}`, `${SESSION_COOKIE}=${step.challenge}`]) {
      const home = await run(() => staffHomeLoader({ request: get("/staff", cookie), context: ctx(), params: {} } as never));
      expect(home.location).toBe("/staff/sign-in?redirectTo=%2Fstaff");
    }
    // The code step is not for a set-up.
    const code = await run(() => codeLoader({ request: get("/staff/sign-in/code", `${CHALLENGE_COOKIE}=${step.challenge}`), context: ctx(), params: {} } as never));
    expect(code.location).toBe("/staff/sign-in/set-up");
  });

  it("sets up with a QR code and the secret in text, confirms with a code, and gives ten recovery codes once", async () => {
    const { id, email } = await newStaff();
    const step = await passwordStep(email);
    const cookie = `${CHALLENGE_COOKIE}=${step.challenge}`;
    const first = await run(() => setUpLoader({ request: get("/staff/sign-in/set-up", cookie), context: ctx(), params: {} } as never));
    const again = await run(() => setUpLoader({ request: get("/staff/sign-in/set-up", cookie), context: ctx(), params: {} } as never));
    expect(first.body).toMatchObject({ state: "set-up", mode: "sign-in", required: true });
    expect(first.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(again.body.secret).toBe(first.body.secret); // a reload shows the same secret until it is confirmed
    expect(first.body.qrDataUri).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(first.body.qrDataUri.split(",")[1], "base64").toString()).toContain("<svg");
    // Stored sealed: neither the base32 text nor the raw bytes are in the row; the key opens it.
    const [row] = await db.sql<{ secret_sealed: Buffer }[]>`select secret_sealed from staff_second_factors where staff_id = ${id}`;
    const raw = openSecret(key(), row!.secret_sealed);
    expect(row!.secret_sealed.includes(raw)).toBe(false);
    expect(row!.secret_sealed.toString("latin1")).not.toContain(first.body.secret);
    expect(() => openSecret(secondFactorKey("another-secret-of-at-least-32-characters"), row!.secret_sealed)).toThrow();

    const wrong = await run(() => setUpAction({ request: post("/staff/sign-in/set-up", { code: "000000" }, cookie), context: ctx(), params: {} } as never));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: "000000", error: { key: "secondFactor.errors.wrongCode" } });

    const ok = await run(() => setUpAction({ request: post("/staff/sign-in/set-up", { code: totpCode(first.body.secret), redirectTo: "/staff/requests" }, cookie), context: ctx(), params: {} } as never));
    expect(ok.status).toBe(200);
    const codes: string[] = ok.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(ok.body.continueTo).toBe("/staff/requests");
    // Signed in now: a session cookie, the half-way cookie cleared and used up.
    const session = cookieValue(ok.cookies, SESSION_COOKIE);
    expect((await findSession(db.sql, session))?.staff_id).toBe(id);
    expect(cookieValue(ok.cookies, CHALLENGE_COOKIE)).toBe("");
    const replay = await run(() => setUpAction({ request: post("/staff/sign-in/set-up", { code: totpCode(first.body.secret) }, cookie), context: ctx(), params: {} } as never));
    expect(replay.body.error.key).toBe("secondFactor.errors.expired");
    // The codes are stored hashed only.
    const stored = await db.sql<{ code_hash: Buffer }[]>`select code_hash from staff_recovery_codes where staff_id = ${id}`;
    expect(stored).toHaveLength(10);
    for (const s of stored) expect(codes.some((c) => s.code_hash.toString("latin1").includes(c.replace("-", "")))).toBe(false);
    // The page loaded again after its own form (as Remix does) says the factor is on, not a new QR code.
    const after = await run(() => setUpLoader({ request: get("/staff/sign-in/set-up", cookie), context: ctx(), params: {} } as never));
    expect(after.body).toMatchObject({ state: "enabled" });
    const audits = await db.sql`select action from audit_log where actor_id = ${id} order by id`;
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["staff.sign_in.password_ok", "staff.second_factor.failed", "staff.second_factor.enabled", "staff.sign_in"]));
  });

  it("asks a staff member with a factor for the code, even where it is optional; refuses a wrong code", async () => {
    const person = await newStaff();
    const { secret: s } = await enrol(person.email);
    const step = await passwordStep(person.email, optional);
    expect(step.location).toBe("/staff/sign-in/code?redirectTo=%2Fstaff%2Frequests");
    expect(step.session).toBeNull();
    const wrongCode = String((Number(totpCode(s)) + 1) % 1_000_000).padStart(6, "0");
    const wrong = await run(() => codeAction({ request: post("/staff/sign-in/code", { code: wrongCode }, `${CHALLENGE_COOKIE}=${step.challenge}`), context: ctx(optional), params: {} } as never));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: wrongCode, error: { key: "secondFactor.errors.wrongCode" } });
    const garbage = await run(() => codeAction({ request: post("/staff/sign-in/code", { code: "not a code" }, `${CHALLENGE_COOKIE}=${step.challenge}`), context: ctx(optional), params: {} } as never));
    expect(garbage.body.error.key).toBe("secondFactor.errors.wrongCode");
    const right = await run(() => codeAction({ request: post("/staff/sign-in/code", { code: totpCode(s), redirectTo: "/staff/requests" }, `${CHALLENGE_COOKIE}=${step.challenge}`), context: ctx(optional), params: {} } as never));
    expect(right.status).toBe(302);
    expect(right.location).toBe("/staff/requests");
    expect((await findSession(db.sql, cookieValue(right.cookies, SESSION_COOKIE)))?.staff_id).toBe(person.id);
  });

  it("refuses a code used once for the rest of its window, takes the next one, allows one step of drift", async () => {
    const person = await newStaff();
    const { secret } = await enrol(person.email);
    const now = Date.now();
    const code = totpCode(secret, now);
    expect((await codeStep(person.email, code)).status).toBe(302);
    const again = await codeStep(person.email, code);
    expect(again.status).toBe(400);
    expect(again.body.error.key).toBe("secondFactor.errors.reused");
    // One step ahead (a phone's clock a little fast): accepted, and then the older code no longer is.
    const ahead = totpCode(secret, now + 30_000);
    expect((await codeStep(person.email, ahead)).status).toBe(302);
    // Two steps away is outside the drift allowed.
    const far = totpCode(secret, now + 90_000);
    const tooFar = await codeStep(person.email, far);
    expect(tooFar.body.error.key).toBe("secondFactor.errors.wrongCode");
  });

  it("lets only one of two simultaneous uses of the same code through", async () => {
    const person = await newStaff();
    const { secret } = await enrol(person.email);
    const code = totpCode(secret);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        verifySecondFactor(db.sql, { staffId: person.id, code, key: key(), ip: `192.0.2.${i}` }, async () => "in"),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { reason: string }).reason)).toEqual(Array(5).fill("reused"));
  });

  it("takes each recovery code once, typed in any case and with or without the dash", async () => {
    const person = await newStaff();
    const { recoveryCodes } = await enrol(person.email);
    const typed = ` ${recoveryCodes[3]!.toLowerCase().replace("-", " ")} `;
    const first = await codeStep(person.email, typed);
    expect(first.status).toBe(302);
    const second = await codeStep(person.email, recoveryCodes[3]!);
    expect(second.status).toBe(400);
    expect(["secondFactor.errors.wrongCode", "secondFactor.errors.reused"]).toContain(second.body.error.key);
    // Another one still works; nine are left.
    expect((await codeStep(person.email, recoveryCodes[7]!)).status).toBe(302);
    const [left] = await db.sql<{ n: number }[]>`select count(*)::int as n from staff_recovery_codes where staff_id = ${person.id} and used_at is null`;
    expect(left!.n).toBe(8);
    const [audit] = await db.sql`select count(*)::int as n from audit_log where actor_id = ${person.id} and action = 'staff.second_factor.verified' and details->>'method' = 'recovery'`;
    expect(audit!.n).toBe(2);
  });

  it("counts wrong codes toward the rate limits; a right code resets the account's count", async () => {
    const person = await newStaff();
    const { secret } = await enrol(person.email);
    const step = await passwordStep(person.email);
    const cookie = `${CHALLENGE_COOKIE}=${step.challenge}`;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await run(() => codeAction({ request: post("/staff/sign-in/code", { code: totpCode(secret) === "999999" ? "111111" : "999999" }, cookie), context: ctx(), params: {} } as never));
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses).toContain(429);
    // Even the right code waits while the account waits.
    const blocked = await run(() => codeAction({ request: post("/staff/sign-in/code", { code: totpCode(secret) }, cookie), context: ctx(), params: {} } as never));
    expect(blocked.status).toBe(429);
    await elapse(db.sql, 3600);
    const ok = await run(() => codeAction({ request: post("/staff/sign-in/code", { code: totpCode(secret) }, cookie), context: ctx(), params: {} } as never));
    expect(ok.status).toBe(302);
    const [counter] = await db.sql`select count(*)::int as n from rate_limit_counters where key = ${`staff-second-factor:account:${person.id}`}`;
    expect(counter!.n).toBe(0);
  });

  it("where optional, lets a staff member without a factor in with the password, and the banner says so", async () => {
    const person = await newStaff();
    const step = await passwordStep(person.email, optional);
    expect(step.location).toBe("/staff/requests");
    const cookie = `${SESSION_COOKIE}=${step.session}`;
    const status = await staffStatus(get("/staff", cookie), ctx(optional));
    expect(status?.secondFactor).toEqual({ enabled: false, policy: "optional" });
    // Set up by choice, signed in: recovery codes, no new session, and the banner has nothing more to say.
    const page = await run(() => setUpLoader({ request: get("/staff/sign-in/set-up", cookie), context: ctx(optional), params: {} } as never));
    expect(page.body).toMatchObject({ state: "set-up", mode: "signed-in", required: false });
    const ok = await run(() => setUpAction({ request: post("/staff/sign-in/set-up", { code: totpCode(page.body.secret) }, cookie), context: ctx(optional), params: {} } as never));
    expect(ok.body.recoveryCodes).toHaveLength(10);
    expect(ok.cookies).toEqual([]);
    expect((await staffStatus(get("/staff", cookie), ctx(optional)))?.secondFactor.enabled).toBe(true);
    // Guests have no set-up page.
    const guest = await run(() => setUpLoader({ request: get("/staff/sign-in/set-up"), context: ctx(optional), params: {} } as never));
    expect(guest.location).toBe("/staff/sign-in");
  });

  it("keeps the existing sign-in unchanged where optional (server function without the policy)", async () => {
    const person = await newStaff();
    const r = await signInStaff(db.sql, { email: person.email, password: DEMO_PASSWORD, ip: "203.0.113.1", userAgent: "t", locale: "vi" });
    expect(r).toMatchObject({ ok: true, step: "signed-in" });
  });
});

describe("the administrator's reset", () => {
  async function signedIn(email: string) {
    const step = await passwordStep(email, optional);
    expect(step.session).toBeTruthy();
    return `${SESSION_COOKIE}=${step.session}`;
  }

  it("is for administrators only: other staff get 403, guests the sign-in, an unknown id 404", async () => {
    const person = await newStaff();
    const clerk = await signedIn((await newStaff("clerk")).email);
    const path = `/staff/admin/staff/${person.id}/second-factor`;
    const asClerk = await run(() => resetLoader({ request: get(path, clerk), context: ctx(optional), params: { id: person.id } } as never));
    expect(asClerk.status).toBe(403);
    const postAsClerk = await run(() => resetAction({ request: post(path, { confirm: "yes" }, clerk), context: ctx(optional), params: { id: person.id } } as never));
    expect(postAsClerk.status).toBe(403);
    const guest = await run(() => resetLoader({ request: get(path), context: ctx(optional), params: { id: person.id } } as never));
    expect(guest.location).toBe(`/staff/sign-in?redirectTo=${encodeURIComponent(path)}`);
    const admin = await signedIn((await newStaff("admin")).email);
    const unknown = await run(() => resetLoader({ request: get(path, admin), context: ctx(optional), params: { id: "00000000-0000-4000-8000-000000000000" } } as never));
    expect(unknown.status).toBe(404);
    const notUuid = await run(() => resetLoader({ request: get(path, admin), context: ctx(optional), params: { id: "x" } } as never));
    expect(notUuid.status).toBe(404);
  });

  it("removes the factor after a confirmation, revokes the person's sessions and audits it", async () => {
    const person = await newStaff();
    const { session } = await enrol(person.email);
    expect((await findSession(db.sql, session))?.staff_id).toBe(person.id);
    const adminStaff = await newStaff("admin");
    const admin = await signedIn(adminStaff.email);
    const path = `/staff/admin/staff/${person.id}/second-factor`;
    const page = await run(() => resetLoader({ request: get(path, admin), context: ctx(optional), params: { id: person.id } } as never));
    expect(page.body.person).toMatchObject({ id: person.id, enabled: true, recoveryCodesLeft: 10 });
    // Without the confirmation box: nothing happens.
    const unconfirmed = await run(() => resetAction({ request: post(path, {}, admin), context: ctx(optional), params: { id: person.id } } as never));
    expect(unconfirmed.status).toBe(400);
    expect(await findSession(db.sql, session)).not.toBeNull();
    const done = await run(() => resetAction({ request: post(path, { confirm: "yes" }, admin), context: ctx(optional), params: { id: person.id } } as never));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ ok: true, sessionsRevoked: 1 });
    expect(await findSession(db.sql, session)).toBeNull();
    const [left] = await db.sql<{ f: number; c: number }[]>`
      select (select count(*)::int from staff_second_factors where staff_id = ${person.id}) as f,
             (select count(*)::int from staff_recovery_codes where staff_id = ${person.id}) as c`;
    expect(left).toEqual({ f: 0, c: 0 });
    const [entry] = await db.sql`select actor_id, target_id, details from audit_log where action = 'staff.second_factor.reset' and target_id = ${person.id}`;
    expect(entry).toMatchObject({ actor_id: adminStaff.id, details: { hadFactor: true, sessionsRevoked: 1 } });
    // Next sign-in where required: a new set-up.
    expect((await passwordStep(person.email)).location).toBe("/staff/sign-in/set-up?redirectTo=%2Fstaff%2Frequests");
  });
});
