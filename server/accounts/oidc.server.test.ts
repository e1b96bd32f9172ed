import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose";
import Provider from "oidc-provider";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import type { Services } from "../services/index";
import { finishOidcSignIn, oidcSettings, openFlow, sealFlow, startOidcSignIn, verifyIdToken, type OidcSettings } from "./oidc.server";
import { findSession } from "./session.server";
import { createDraft } from "../filing";
import { idNumberDigest } from "../http";
import { action as oidcStartAction } from "../../app/routes/dang-nhap.oidc";
import { loader as oidcCallbackLoader } from "../../app/routes/dang-nhap.oidc.ve";

// A real OpenID provider (the `oidc-provider` package) on a random port, with its development login and
// consent pages, which the test fills in like a browser would.
let db: TestDatabase;
let services: Services;
let settings: OidcSettings;
let server: http.Server;
let issuer: string;

const CLIENT = { client_id: "thads-portal", client_secret: "a-client-secret-for-tests-only" };

beforeAll(async () => {
  db = await createTestDatabase();
  let handler: http.RequestListener = (_req, res) => res.end();
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  services = testServices(db.sql, {
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.client_id, OIDC_CLIENT_SECRET: CLIENT.client_secret, BASE_URL: "http://localhost:3000" },
  });
  const provider = new Provider(issuer, {
    clients: [{ ...CLIENT, redirect_uris: [`${services.config.BASE_URL}/dang-nhap/oidc/ve`], grant_types: ["authorization_code"], response_types: ["code"] }],
    // The login page's "login" is the subject; accounts named "verified-…" have a verified e-mail.
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      // accounts named "…-cccd-<12 digits>" are vouched for with that citizen ID number (the national e-ID's claim)
      claims: () => ({ sub, email: `${sub}@example.vn`, email_verified: sub.startsWith("verified-"), name: `Công dân ${sub}`, ...(/-cccd-(\d{12})$/.test(sub) ? { cccd: /-cccd-(\d{12})$/.exec(sub)![1] } : {}) }),
    }),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "cccd"] },
    cookies: { keys: ["oidc-provider-test-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  handler = provider.callback();
  settings = oidcSettings(services.config)!;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.drop();
});

/** A browser on the provider's side: follows redirects, keeps cookies, fills the dev login and consent forms. */
async function browseToCallback(authUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authUrl;
  let method = "GET";
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, {
      method,
      body,
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    method = "GET";
    body = undefined;
    const location = res.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.pathname === "/dang-nhap/oidc/ve") return next;
      url = next.toString();
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page ${res.status}: ${html.slice(0, 300)}`);
    url = new URL(action, url).toString();
    method = "POST";
    body = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
  }
  throw new Error("too many hops");
}

const finish = (callbackUrl: URL, cookieValue: string | null, draftToken: string | null = null) =>
  finishOidcSignIn(db.sql, settings, {
    callbackUrl,
    cookieValue,
    locale: "vi",
    ip: "203.0.113.5",
    userAgent: "vitest",
    sessionTtlSeconds: 600,
    draftToken,
  });

describe("OpenID Connect sign-in against a real provider", () => {
  it("is off without OIDC_ISSUER", () => {
    expect(oidcSettings(testServices(db.sql).config)).toBeNull();
  });

  it("signs a citizen in (code + PKCE + state + nonce), links the identity, and finds them again", async () => {
    const { draft, token: draftToken } = await createDraft(db.sql, { locale: "vi" });
    const start = await startOidcSignIn(settings, { redirectTo: "/tai-khoan" });
    const auth = new URL(start.url);
    expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
    expect(auth.searchParams.get("redirect_uri")).toBe("http://localhost:3000/dang-nhap/oidc/ve");

    const callback = await browseToCallback(start.url, "verified-an");
    const r = await finish(callback, start.cookieValue, draftToken);
    expect(r).toMatchObject({ ok: true, redirectTo: "/tai-khoan", firstSignIn: true });
    if (!r.ok) return;
    expect((await findSession(db.sql, r.token))?.citizen_id).toBe(r.citizenId);
    const [citizen] = await db.sql`select email, full_name from citizens where id = ${r.citizenId}`;
    // E-mail and name came from userinfo (a conforming provider keeps scope claims out of the ID token).
    expect(citizen).toEqual({ email: "verified-an@example.vn", full_name: "Công dân verified-an" });
    const [identity] = await db.sql`select citizen_id from citizen_identities where issuer = ${issuer} and subject = 'verified-an'`;
    expect(identity?.citizen_id).toBe(r.citizenId);
    const [claimed] = await db.sql`select citizen_id from filing_drafts where id = ${draft.id}`;
    expect(claimed?.citizen_id).toBe(r.citizenId);

    // The same code cannot be used twice.
    expect(await finish(callback, start.cookieValue)).toEqual({ ok: false, reason: "token" });

    // Second time: the same citizen through the identity link.
    const again = await startOidcSignIn(settings, { redirectTo: "/" });
    const r2 = await finish(await browseToCallback(again.url, "verified-an"), again.cookieValue);
    expect(r2).toMatchObject({ ok: true, citizenId: r.citizenId, firstSignIn: false });
  });

  it("links to an existing citizen only through a verified e-mail", async () => {
    await db.sql`insert into citizens (email) values ('unverified-binh@example.vn')`;
    const start = await startOidcSignIn(settings, { redirectTo: "/" });
    const r = await finish(await browseToCallback(start.url, "unverified-binh"), start.cookieValue);
    if (!r.ok) throw new Error(r.reason);
    const [citizen] = await db.sql`select email from citizens where id = ${r.citizenId}`;
    expect(citizen?.email).toBeNull();
  });

  it("refuses a callback whose state cookie is missing, tampered with, expired or for another flow", async () => {
    const start = await startOidcSignIn(settings, { redirectTo: "/" });
    const callback = await browseToCallback(start.url, "verified-chi");
    expect(await finish(callback, null)).toEqual({ ok: false, reason: "state" });
    expect(await finish(callback, start.cookieValue.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).toEqual({ ok: false, reason: "state" });
    const flow = openFlow(settings.secret, start.cookieValue)!;
    expect(await finish(callback, sealFlow(settings.secret, { ...flow, exp: Math.floor(Date.now() / 1000) - 1 }))).toEqual({ ok: false, reason: "state" });
    const other = await startOidcSignIn(settings, { redirectTo: "/" });
    expect(await finish(callback, other.cookieValue)).toEqual({ ok: false, reason: "state" });
    const audits = await db.sql`select 1 from audit_log where action = 'citizen.sign_in.oidc_failed'`;
    expect(audits.length).toBeGreaterThanOrEqual(4);
  });

  it("works through the routes: the button, the provider, the callback, a session cookie", async () => {
    const context = { services, cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.6" } as const;
    const start = (await oidcStartAction({
      request: new Request("http://localhost:3000/dang-nhap/oidc", { method: "POST", body: new URLSearchParams({ redirectTo: "/dich-vu/yeu-cau-thi-hanh-an" }) }),
      context,
      params: {},
    } as never)) as Response;
    expect(start.status).toBe(302);
    const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith("thads_oidc="))!.split(";")[0]!;
    expect(start.headers.getSetCookie()[0]).toMatch(/HttpOnly/);
    const callback = await browseToCallback(start.headers.get("location")!, "verified-dung");
    const done = (await oidcCallbackLoader({ request: new Request(callback, { headers: { cookie: flowCookie } }), context, params: {} } as never)) as Response;
    expect(done.headers.get("location")).toBe("/dich-vu/yeu-cau-thi-hanh-an");
    const cookies = done.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith("thads_oidc="))).toMatch(/Max-Age=0/);
    const session = cookies.find((c) => c.startsWith("thads_session="))!.split(";")[0]!.split("=")[1]!;
    expect((await findSession(db.sql, session))?.citizen_id).toBeTruthy();
    // Replayed (the code is spent): back to the sign-in page with a message, no 500.
    const replay = (await oidcCallbackLoader({ request: new Request(callback, { headers: { cookie: flowCookie } }), context, params: {} } as never)) as Response;
    expect(replay.headers.get("location")).toBe("/dang-nhap?oidcFailed=1");
  });

  it("keeps only a path on the portal as the return target, at the start and at the return", async () => {
    for (const hostile of ["/%0A", "/%0D", "/%00", "/\n", "/\t/evil.example", "/%09/evil.example", "//evil.example", "https://evil.example"]) {
      const start = await startOidcSignIn(settings, { redirectTo: hostile });
      expect(openFlow(settings.secret, start.cookieValue)!.redirectTo).toBe("/tai-khoan");
    }
    // A flow sealed with a hostile target (as an older release might have) still returns to the account.
    const context = { services, cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.7" } as const;
    const start = await startOidcSignIn(settings, { redirectTo: "/" });
    const flow = openFlow(settings.secret, start.cookieValue)!;
    const sealed = sealFlow(settings.secret, { ...flow, redirectTo: "/\t/evil.example" });
    const authUrl = new URL(start.url);
    const callback = await browseToCallback(authUrl.toString(), "verified-tab");
    const done = (await oidcCallbackLoader({ request: new Request(callback, { headers: { cookie: `thads_oidc=${sealed}` } }), context, params: {} } as never)) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/tai-khoan");
  });

  it("reports a provider error (the citizen cancelled) without a session", async () => {
    const start = await startOidcSignIn(settings, { redirectTo: "/" });
    const flow = openFlow(settings.secret, start.cookieValue)!;
    const url = new URL(`http://localhost:3000/dang-nhap/oidc/ve?error=access_denied&state=${flow.state}`);
    expect(await finish(url, start.cookieValue)).toEqual({ ok: false, reason: "provider" });
  });
});

describe("a request filed while signed out joins the account of the e-ID that vouches for its party's ID number (ADR 067)", () => {
  it("joins the cases whose filing party's CCCD digest is the vouched number, only those, and none for a number that is not a CCCD", async () => {
    const [agency] = await db.sql<{ id: string }[]>`
      insert into agencies (code, name, level) values ('OIDC-TEST', 'Cục THADS thử nghiệm', 'central') returning id`;
    const caseWith = async (reference: string, cccd: string) => {
      const [row] = await db.sql<{ id: string }[]>`
        insert into cases (case_type, submission_id, reference, agency_id, state, applicant_name, search_text, received_at, applicant_id_digest)
        values ('enforcement-request', gen_random_uuid(), ${reference}, ${agency!.id}, 'received', 'Lê Văn Cường', '', now(), ${idNumberDigest(cccd)})
        returning id`;
      return row!.id;
    };
    const mine = await caseWith("YC-OIDC-0000001", "001090054321");
    const other = await caseWith("YC-OIDC-0000002", "001090054322");
    const notCccd = await caseWith("YC-OIDC-0000003", "999090054321"); // 12 digits, but no such province: not a citizen ID
    const owner = async (id: string) => (await db.sql`select citizen_id from cases where id = ${id}`)[0]?.citizen_id ?? null;

    // a provider account with no e-mail verified and an ID number that is not a CCCD (province 999): nothing joins
    const start0 = await startOidcSignIn(settings, { redirectTo: "/" });
    const r0 = await finish(await browseToCallback(start0.url, "x-cccd-999090054321"), start0.cookieValue);
    expect(r0.ok).toBe(true);
    expect([await owner(mine), await owner(other), await owner(notCccd)]).toEqual([null, null, null]);

    const start = await startOidcSignIn(settings, { redirectTo: "/" });
    const r = await finish(await browseToCallback(start.url, "unverified-cccd-001090054321"), start.cookieValue);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await owner(mine)).toBe(r.citizenId);
    expect(await owner(other)).toBeNull();
    const [entry] = await db.sql`select details from audit_log where action = 'citizen.sign_in' and actor_id = ${r.citizenId}`;
    expect(entry?.details.linkedRequests).toEqual(["YC-OIDC-0000001"]);
    // the number itself is kept nowhere (the test provider's name carries the login, so not compared)
    expect(JSON.stringify(await db.sql`select email, phone from citizens where id = ${r.citizenId}`)).not.toContain("001090054321");
    expect(JSON.stringify(await db.sql`select details from audit_log where actor_id = ${r.citizenId}`)).not.toContain("001090054321");
  });
});

describe("ID token checks", () => {
  const nonce = "n-0S6_WzA2Mj";
  let key: CryptoKey;
  let jwks: ReturnType<typeof createLocalJWKSet>;

  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    key = pair.privateKey;
    jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256" }] });
  });

  const token = (
    claims: Record<string, unknown> = {},
    { exp = "5m", iat, aud = "thads", iss = "https://idp.example" }: { exp?: string | number; iat?: number; aud?: string; iss?: string } = {},
  ) =>
    new SignJWT({ nonce, ...claims })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer(iss)
      .setAudience(aud)
      .setSubject("citizen-1")
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(key);

  const check = (t: string, n = nonce) => verifyIdToken(t, { jwks, issuer: "https://idp.example", clientId: "thads", nonce: n });

  it("accepts a well-formed token", async () => {
    await expect(check(await token())).resolves.toMatchObject({ sub: "citizen-1" });
  });

  it("rejects a tampered token", async () => {
    const [h, p, s] = (await token()).split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, "base64url").toString()), sub: "someone-else" })).toString("base64url");
    await expect(check(`${h}.${forged}.${s}`)).rejects.toMatchObject({ reason: "id-token" });
  });

  it("rejects an expired token, a wrong nonce, audience or issuer, and a token signed by another key", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expect(check(await token({}, { exp: past + 60, iat: past }))).rejects.toThrow(/exp/);
    await expect(check(await token(), "another-nonce")).rejects.toThrow(/nonce/);
    await expect(check(await token({}, { aud: "someone-else" }))).rejects.toMatchObject({ reason: "id-token" });
    await expect(check(await token({}, { iss: "https://evil.example" }))).rejects.toMatchObject({ reason: "id-token" });
    const other = await generateKeyPair("RS256");
    const foreign = await new SignJWT({ nonce }).setProtectedHeader({ alg: "RS256", kid: "k1" }).setIssuer("https://idp.example")
      .setAudience("thads").setSubject("citizen-1").setIssuedAt().setExpirationTime("5m").sign(other.privateKey);
    await expect(check(foreign)).rejects.toMatchObject({ reason: "id-token" });
  });
});
