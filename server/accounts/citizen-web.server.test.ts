import fc from "fast-check";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { queuedJobs } from "../../test/jobs";
import { action as requestAction, loader as signInLoader } from "../../app/routes/dang-nhap._index";
import { action as codeAction, loader as codeLoader } from "../../app/routes/dang-nhap.ma";
import { action as extendAction } from "../../app/routes/tai-khoan.gia-han";
import { action as signOutAction } from "../../app/routes/tai-khoan.dang-xuat";
import { action as oidcAction } from "../../app/routes/dang-nhap.oidc";
import { loader as accountLoader } from "../../app/routes/tai-khoan._index";
import { openCode } from "./citizen.server";
import { findSession, SESSION_COOKIE } from "./session.server";
import { SIGN_IN_EMAIL_COOKIE } from "./guards.server";

// The citizen sign-in routes as Remix calls them: form posts in, redirects or 4xx answers out.
let db: TestDatabase;
let context: AppLoadContext;
let ip = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.50" };
});
afterAll(async () => {
  await db.drop();
});

const ctx = (): AppLoadContext => ({ ...context, clientIp: `198.51.100.${++ip % 250}` });

function post(path: string, values: Record<string, string>, cookie = "") {
  return new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(values), headers: { cookie } });
}

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
    throw e;
  }
}

const cookieValue = (cookies: string[], name: string) =>
  cookies.map((c) => c.split(";")[0]!).find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1) ?? null;

async function lastCode(email: string) {
  const jobs = await queuedJobs<{ email: string; sealed: string }>(db.sql, "send_citizen_sign_in_code");
  return openCode(context.services.config.SESSION_SECRET, jobs.filter((j) => j.email === email).at(-1)!.sealed);
}

async function signIn(email: string, previous = "") {
  const asked = await run(() => requestAction({ request: post("/dang-nhap", { email }), context: ctx(), params: {} } as never));
  const emailCookie = `${SIGN_IN_EMAIL_COOKIE}=${cookieValue(asked.cookies, SIGN_IN_EMAIL_COOKIE)}${previous ? `; ${SESSION_COOKIE}=${previous}` : ""}`;
  const r = await run(() =>
    codeAction({ request: post("/dang-nhap/ma", { code: "", redirectTo: "" }, emailCookie), context: ctx(), params: {} } as never),
  );
  expect(r.status).toBe(400);
  const code = await lastCode(email);
  const ok = await run(() => codeAction({ request: post("/dang-nhap/ma", { code: ` ${code.slice(0, 3)} ${code.slice(3)} ` }, emailCookie), context: ctx(), params: {} } as never));
  expect(ok.status).toBe(302);
  return { ok, token: cookieValue(ok.cookies, SESSION_COOKIE)! };
}

describe("citizen sign-in routes", () => {
  it("answer known and unknown addresses identically", async () => {
    await signIn("da.co@example.vn");
    const known = await run(() => requestAction({ request: post("/dang-nhap", { email: "da.co@example.vn" }), context: ctx(), params: {} } as never));
    const unknown = await run(() => requestAction({ request: post("/dang-nhap", { email: "chua.co@example.vn" }), context: ctx(), params: {} } as never));
    expect(known.status).toBe(302);
    expect([unknown.status, unknown.location]).toEqual([known.status, known.location]);
    expect(unknown.cookies.map((c) => c.replace(/=[^;]*/, "=…"))).toEqual(known.cookies.map((c) => c.replace(/=[^;]*/, "=…")));
  });

  it("sign in, go where the citizen was going (same site only), and land on the account", async () => {
    const { ok, token } = await signIn("di.tiep@example.vn");
    expect(ok.location).toBe("/tai-khoan");
    expect(cookieValue(ok.cookies, SIGN_IN_EMAIL_COOKIE)).toBe("");
    const page = await run(() => accountLoader({ request: new Request("http://localhost/tai-khoan", { headers: { cookie: `${SESSION_COOKIE}=${token}` } }), context: ctx(), params: {} } as never));
    expect(page.body).toMatchObject({ email: "di.tiep@example.vn", activeSessions: 1 });
    // A signed-in citizen skips the sign-in page; an external redirectTo is ignored.
    const skip = await run(() =>
      signInLoader({ request: new Request("http://localhost/dang-nhap?redirectTo=https://evil.example", { headers: { cookie: `${SESSION_COOKIE}=${token}` } }), context: ctx(), params: {} } as never),
    );
    expect(skip.location).toBe("/tai-khoan");
  });

  it("end the session this browser held before", async () => {
    const first = await signIn("may.chung@example.vn");
    const second = await signIn("nguoi.sau@example.vn", first.token);
    expect(await findSession(db.sql, first.token)).toBeNull();
    expect((await findSession(db.sql, second.token))?.citizen_id).toBeTruthy();
  });

  it("send the code page back to the first step without the address cookie", async () => {
    const r = await run(() => codeLoader({ request: new Request("http://localhost/dang-nhap/ma?redirectTo=%2Fdich-vu"), context: ctx(), params: {} } as never));
    expect(r.location).toBe("/dang-nhap?redirectTo=%2Fdich-vu");
  });

  it("extend the session for the warning's script and for a plain form, and sign out", async () => {
    const { token } = await signIn("gia.han@example.vn");
    const cookie = `${SESSION_COOKIE}=${token}`;
    const js = await run(() => extendAction({ request: post("/tai-khoan/gia-han", { js: "1" }, cookie), context: ctx(), params: {} } as never));
    expect(js.body.secondsLeft).toBeGreaterThan(1700);
    expect(js.cookies[0]).toMatch(/^thads_session=.*Max-Age=1[78]\d\d;/);
    const plain = await run(() => extendAction({ request: post("/tai-khoan/gia-han", { redirectTo: "/tai-khoan" }, cookie), context: ctx(), params: {} } as never));
    expect(plain.location).toBe("/tai-khoan?extended=1");
    const out = await run(() => signOutAction({ request: post("/tai-khoan/dang-xuat", {}, cookie), context: ctx(), params: {} } as never));
    expect(out.location).toBe("/dang-nhap?signedOut=1");
    expect(await findSession(db.sql, token)).toBeNull();
    const gone = await run(() => extendAction({ request: post("/tai-khoan/gia-han", { js: "1" }, cookie), context: ctx(), params: {} } as never));
    expect(gone.body).toEqual({ secondsLeft: 0 });
  });

  it("answer 404 for the e-ID button while OIDC is not configured", async () => {
    const r = await run(() => oidcAction({ request: post("/dang-nhap/oidc", {}), context: ctx(), params: {} } as never));
    expect(r.status).toBe(404);
  });

  it("never answer a 500 to random input on either form (property-based)", async () => {
    const emailCookie = `${SIGN_IN_EMAIL_COOKIE}=ngau.nhien%40example.vn`;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom("email", "code", "redirectTo", "intent", "x"), fc.string({ maxLength: 300 })),
        async (values) => {
          const a = await run(() => requestAction({ request: post("/dang-nhap", values), context: ctx(), params: {} } as never));
          const b = await run(() => codeAction({ request: post("/dang-nhap/ma", values, emailCookie), context: ctx(), params: {} } as never));
          for (const r of [a, b]) {
            expect(r.status).toBeLessThan(500);
            if (r.location) expect(r.location.startsWith("/") && !r.location.startsWith("//")).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
