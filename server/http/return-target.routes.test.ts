import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { queuedJobs } from "../../test/jobs";
import { seedDemo, DEMO_PASSWORD, DEMO_STAFF } from "../seed.server";
import { openCode, SESSION_COOKIE, SIGN_IN_EMAIL_COOKIE } from "../accounts";
import { action as requestAction, loader as signInLoader } from "../../app/routes/dang-nhap._index";
import { action as codeAction, loader as codeLoader } from "../../app/routes/dang-nhap.ma";
import { action as extendAction } from "../../app/routes/tai-khoan.gia-han";
import { action as langAction } from "../../app/routes/lang";
import { action as staffSignInAction } from "../../app/routes/staff.sign-in";

// Every entry point that takes a return target, as Remix calls it, with the values that were a 500
// (CR, LF, NUL reach the Location header) or an open redirect (a tab the browser drops): each answers a
// redirect to its default page. Values come both as the literal text and as a decoded query would give them.
const HOSTILE = ["/%0A", "/%0D", "/%00", "/\n", "/\r", "/\u0000", "/%09/other-host", "/\t/other-host", "/%0D%0ASet-Cookie:%20x=1"];

let db: TestDatabase;
let context: AppLoadContext;
let ip = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql, { BASE_URL: "https://thads.example.vn" }), cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.60" };
});
afterAll(async () => {
  await db.drop();
});

const ctx = (): AppLoadContext => ({ ...context, clientIp: `198.51.100.${++ip % 250}` });
const post = (path: string, values: Record<string, string>, cookie = "") =>
  new Request(`https://thads.example.vn${path}`, { method: "POST", body: new URLSearchParams(values), headers: { cookie } });
const get = (path: string, cookie = "") => new Request(`https://thads.example.vn${path}`, { headers: { cookie } });

/** Status and Location of whatever the route returned or threw (a thrown Error fails the test: that was the 500). */
async function answer(fn: () => Promise<unknown>): Promise<{ status: number; location: string | null }> {
  let r: unknown;
  try {
    r = await fn();
  } catch (e) {
    if (!(e instanceof Response)) throw e;
    r = e;
  }
  if (!(r instanceof Response)) return { status: (r as { init?: { status?: number } })?.init?.status ?? 200, location: null };
  return { status: r.status, location: r.headers.get("location") };
}

const cookieValue = (cookies: string[], name: string) =>
  cookies.map((c) => c.split(";")[0]!).find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1) ?? null;

let n = 0;
/** A citizen signed in through the e-mail code, with `redirectTo` on the code form; the code form's answer too. */
async function citizenSignIn(redirectTo: string) {
  const email = `tro.lai.${++n}@example.vn`;
  const asked = (await requestAction({ request: post("/dang-nhap", { email, redirectTo }), context: ctx(), params: {} } as never)) as Response;
  const emailCookie = `${SIGN_IN_EMAIL_COOKIE}=${cookieValue(asked.headers.getSetCookie(), SIGN_IN_EMAIL_COOKIE)}`;
  const jobs = await queuedJobs<{ email: string; sealed: string }>(db.sql, "send_citizen_sign_in_code");
  const code = openCode(context.services.config.SESSION_SECRET, jobs.filter((j) => j.email === email).at(-1)!.sealed);
  const raw = await codeAction({ request: post("/dang-nhap/ma", { code, redirectTo }, emailCookie), context: ctx(), params: {} } as never);
  const signedIn = raw as Response;
  return { asked: { status: asked.status, location: asked.headers.get("location") }, signedIn, token: cookieValue(signedIn.headers.getSetCookie(), SESSION_COOKIE)! };
}

describe.each(HOSTILE.map((v) => [JSON.stringify(v), v]))("return target %s", (_label, value) => {
  it("citizen sign-in: the code request drops it, the code form and the signed-in sign-in page go to the account", async () => {
    const { asked, signedIn, token } = await citizenSignIn(value);
    expect(asked).toEqual({ status: 302, location: "/dang-nhap/ma" });
    expect([signedIn.status, signedIn.headers.get("location")]).toEqual([302, "/tai-khoan"]);
    const page = await answer(() =>
      signInLoader({ request: get(`/dang-nhap?redirectTo=${encodeURIComponent(value)}`, `${SESSION_COOKIE}=${token}`), context: ctx(), params: {} } as never),
    );
    expect(page).toEqual({ status: 302, location: "/tai-khoan" });
    // The same value written straight into the query (as an attacker's link would have it).
    const literal = await answer(() =>
      signInLoader({ request: get(`/dang-nhap?redirectTo=${value.replace(/[\u0000-\u001f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}`, `${SESSION_COOKIE}=${token}`), context: ctx(), params: {} } as never),
    );
    expect(literal).toEqual({ status: 302, location: "/tai-khoan" });
    // Session extension without JavaScript.
    const extended = await answer(() => extendAction({ request: post("/tai-khoan/gia-han", { redirectTo: value }, `${SESSION_COOKIE}=${token}`), context: ctx(), params: {} } as never));
    expect(extended).toEqual({ status: 302, location: "/tai-khoan?extended=1" });
  });

  it("citizen code page without its address cookie: back to the first step, the target dropped", async () => {
    const r = await answer(() => codeLoader({ request: get(`/dang-nhap/ma?redirectTo=${encodeURIComponent(value)}`), context: ctx(), params: {} } as never));
    expect(r).toEqual({ status: 302, location: "/dang-nhap" });
  });

  it("language switch: back to the home page", async () => {
    const r = await answer(() => langAction({ request: post("/lang", { lang: "en", redirectTo: value }), context: ctx(), params: {} } as never));
    expect(r).toEqual({ status: 302, location: "/" });
  });

  it("staff sign-in with the right password: to the staff home", async () => {
    const staff = DEMO_STAFF[n++ % 4]!;
    const r = await answer(() =>
      staffSignInAction({ request: post("/staff/sign-in", { email: staff.email, password: DEMO_PASSWORD, redirectTo: value }), context: ctx(), params: {} } as never),
    );
    expect(r).toEqual({ status: 302, location: "/staff" });
  });
});

describe("return targets that are paths on the portal", () => {
  it("are kept by every entry point", async () => {
    const target = "/dich-vu/nop-tien/thong-bao?so=TB-1#ket-qua";
    const { asked, signedIn, token } = await citizenSignIn(target);
    expect(asked.location).toBe(`/dang-nhap/ma?redirectTo=${encodeURIComponent(target)}`);
    expect(signedIn.headers.get("location")).toBe(target);
    const extended = await answer(() => extendAction({ request: post("/tai-khoan/gia-han", { redirectTo: "/tai-khoan?x=1" }, `${SESSION_COOKIE}=${token}`), context: ctx(), params: {} } as never));
    expect(extended.location).toBe("/tai-khoan?x=1&extended=1");
    expect((await answer(() => langAction({ request: post("/lang", { lang: "en", redirectTo: target }), context: ctx(), params: {} } as never))).location).toBe(target);
    const staff = DEMO_STAFF[4]!;
    const r = await answer(() =>
      staffSignInAction({ request: post("/staff/sign-in", { email: staff.email, password: DEMO_PASSWORD, redirectTo: "/staff/requests?page=2" }), context: ctx(), params: {} } as never),
    );
    expect(r.location).toBe("/staff/requests?page=2");
  });
});
