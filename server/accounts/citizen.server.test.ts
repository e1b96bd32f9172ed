import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { queuedJobs } from "../../test/jobs";
import type { Services } from "../services/index";
import crypto from "node:crypto";
import { DEFAULT_RATE_LIMITS, policies } from "../http";
import { elapse } from "../../test/rate-limits";
import {
  MAX_CODE_ATTEMPTS,
  openCode,
  requestSignInCode,
  verifySignInCode,
  citizenOverview,
} from "./citizen.server";
import { sendCitizenSignInCode } from "./jobs.server";
import { currentCitizen, extendCitizenSession, signOutCitizen } from "./guards.server";
import { findSession, SESSION_COOKIE } from "./session.server";
import { saveStepAnswers } from "../journeys";
import { createDraft, currentDraft, DRAFT_COOKIE } from "../filing";

let db: TestDatabase;
let services: Services;
let context: AppLoadContext;
let ipCounter = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  services = testServices(db.sql, { CITIZEN_SESSION_TTL_SECONDS: 60 });
  context = { services, cspNonce: "n", requestId: "test-request", locale: "vi", clientIp: "198.51.100.1" };
});
afterAll(async () => {
  await db.drop();
});

/** Each test uses its own IP so the per-IP limits of one do not spill into another. */
const freshIp = () => `192.0.2.${++ipCounter}`;
const secret = () => services.config.SESSION_SECRET;

/** Asks for a code and reads it back from the queued job (sealed with SESSION_SECRET), as the mail job does. */
async function askCode(email: string, ip = freshIp()): Promise<string> {
  const r = await requestSignInCode(db.sql, { email, secret: secret(), locale: "vi", ip });
  expect(r.ok).toBe(true);
  const jobs = await queuedJobs<{ email: string; sealed: string }>(db.sql, "send_citizen_sign_in_code");
  const job = jobs.filter((j) => j.email === email.trim().toLowerCase()).at(-1)!;
  return openCode(secret(), job.sealed);
}

function verify(email: string, code: string, extra: { ip?: string; draftToken?: string | null } = {}) {
  return verifySignInCode(db.sql, {
    email,
    code,
    secret: secret(),
    sessionTtlSeconds: services.config.CITIZEN_SESSION_TTL_SECONDS,
    locale: "vi",
    ip: extra.ip ?? freshIp(),
    userAgent: "vitest",
    draftToken: extra.draftToken ?? null,
  });
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

function request(path: string, cookies: Record<string, string>) {
  const cookie = Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
  return new Request(`http://localhost${path}`, { headers: { cookie } });
}

describe("e-mail sign-in code", () => {
  it("signs a new citizen in with the e-mailed code, creates the account once, stores only an HMAC", async () => {
    const code = await askCode("An.Nguyen@Example.vn");
    expect(code).toMatch(/^\d{6}$/);
    const [row] = await db.sql<{ code_hash: Buffer; minutes: number }[]>`
      select code_hash, extract(epoch from expires_at - created_at) / 60 as minutes
      from citizen_sign_in_codes where email = 'an.nguyen@example.vn'`;
    expect(Math.round(Number(row!.minutes))).toBe(10);
    // Keyed: the HMAC of the code under SESSION_SECRET, not a plain hash anyone could recompute.
    const message = `citizen-code:an.nguyen@example.vn:${code}`;
    expect(row!.code_hash.equals(crypto.createHmac("sha256", secret()).update(message).digest())).toBe(true);
    expect(row!.code_hash.equals(crypto.createHash("sha256").update(message).digest())).toBe(false);
    expect(row!.code_hash.equals(crypto.createHash("sha256").update(code).digest())).toBe(false);
    expect(row!.code_hash.toString("utf8")).not.toContain(code);

    // The job e-mails the code (dev outbox), localised.
    const job = (await queuedJobs<Record<string, unknown>>(db.sql, "send_citizen_sign_in_code")).at(-1)!;
    await sendCitizenSignInCode(services)(job, {} as never);
    const [mail] = await db.sql<{ to_address: string; subject: string; text_body: string }[]>`
      select to_address, subject, text_body from mail_outbox order by id desc limit 1`;
    expect(mail!.to_address).toBe("an.nguyen@example.vn");
    expect(mail!.subject).toContain(code);
    expect(mail!.text_body).toContain("10 phút");

    const r = await verify("an.nguyen@example.vn", code);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.firstSignIn).toBe(true);
    const session = await findSession(db.sql, r.token);
    expect(session?.citizen_id).toBe(r.citizenId);
    // The code is spent.
    expect((await verify("an.nguyen@example.vn", code)).ok).toBe(false);
    // A second sign-in finds the same citizen.
    const again = await verify("AN.NGUYEN@example.vn", await askCode("an.nguyen@example.vn"));
    expect(again.ok && again.citizenId).toBe(r.citizenId);
    expect(again.ok && again.firstSignIn).toBe(false);
    const audits = await db.sql`select action, details from audit_log where actor_id = ${r.citizenId} and action = 'citizen.sign_in'`;
    expect(audits).toHaveLength(2);
  });

  it("gives the same answer for known and unknown addresses", async () => {
    await verify("known@example.vn", await askCode("known@example.vn"));
    const known = await requestSignInCode(db.sql, { email: "known@example.vn", secret: secret(), locale: "vi", ip: freshIp() });
    const unknown = await requestSignInCode(db.sql, { email: "nobody-yet@example.vn", secret: secret(), locale: "vi", ip: freshIp() });
    expect(known).toEqual({ ok: true });
    expect(unknown).toEqual(known);
    // No account exists until the unknown address proves it receives mail.
    const [n] = await db.sql<{ n: number }[]>`select count(*)::int as n from citizens where email = 'nobody-yet@example.vn'`;
    expect(n!.n).toBe(0);
  });

  it("refuses an expired code", async () => {
    const code = await askCode("late@example.vn");
    await db.sql`update citizen_sign_in_codes set expires_at = now() - interval '1 second' where email = 'late@example.vn'`;
    expect(await verify("late@example.vn", code)).toEqual({ ok: false, reason: "expired" });
  });

  it("kills a code after the allowed wrong attempts, even if the right one comes next", async () => {
    const code = await askCode("typo@example.vn");
    for (let i = 1; i < MAX_CODE_ATTEMPTS; i++) {
      expect(await verify("typo@example.vn", wrong(code))).toEqual({ ok: false, reason: "wrong-code", attemptsLeft: MAX_CODE_ATTEMPTS - i });
    }
    expect(await verify("typo@example.vn", wrong(code))).toEqual({ ok: false, reason: "too-many-attempts" });
    expect(await verify("typo@example.vn", code)).toEqual({ ok: false, reason: "too-many-attempts" });
    // A new code works; the old one never does again.
    const fresh = await askCode("typo@example.vn");
    expect((await verify("typo@example.vn", code === fresh ? wrong(fresh) : code)).ok).toBe(false);
    expect((await verify("typo@example.vn", fresh)).ok).toBe(true); // one wrong try leaves attempts
  });

  it("refuses a code that matches the right one in all but its last digit", async () => {
    const code = await askCode("prefix@example.vn");
    const near = code.slice(0, 5) + String((Number(code[5]) + 5) % 10);
    expect(await verify("prefix@example.vn", near)).toMatchObject({ ok: false, reason: "wrong-code" });
    expect(await verify("prefix@example.vn", `${code}0`)).toMatchObject({ ok: false, reason: "wrong-code" });
    expect(await verify("prefix@example.vn", code.slice(0, 5))).toMatchObject({ ok: false, reason: "wrong-code" });
    expect((await verify("prefix@example.vn", code)).ok).toBe(true);
  });

  it("sends codes to one address with growing waits (never a long lock), and slows one client address", async () => {
    const { mailTo } = policies();
    const send = (email: string, ip = freshIp()) => requestSignInCode(db.sql, { email, secret: secret(), locale: "vi", ip });
    for (let i = 0; i < mailTo.free; i++) expect((await send("busy@example.vn")).ok).toBe(true);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      expect((await send("busy@example.vn")).ok).toBe(true);
      const blocked = await send("busy@example.vn");
      if (blocked.ok) throw new Error("not limited");
      waits.push(blocked.retryAfterSeconds);
      await elapse(db.sql, blocked.retryAfterSeconds);
    }
    expect(waits).toEqual([30, 60, 120, 240, 300, 300]);

    const ip = freshIp();
    let lastOk = true;
    for (let i = 0; i <= policies().client.free + 1; i++) lastOk = (await send(`many${i}@example.vn`, ip)).ok;
    expect(lastOk).toBe(false);
    const [audited] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from audit_log where action = 'citizen.sign_in_code.rate_limited' and ip = ${ip}`;
    expect(audited!.n).toBe(1);
  });

  it("stops an address's codes for the day after its daily cap of wrong guesses, from any client address", async () => {
    const email = "target@example.vn";
    const cap = DEFAULT_RATE_LIMITS.CITIZEN_CODE_DAILY_FAILURES;
    // Asking for a code and finding none, or an expired one, tests no guess: it does not count.
    for (let i = 0; i < cap + 5; i++) expect(await verify(email, "000000")).toEqual({ ok: false, reason: "no-code" });
    let wrongGuesses = 0;
    let code = "";
    while (wrongGuesses < cap) {
      await elapse(db.sql, 300); // the wait between codes sent to one address
      code = await askCode(email);
      for (let i = 0; i < MAX_CODE_ATTEMPTS && wrongGuesses < cap; i++, wrongGuesses++) {
        expect((await verify(email, wrong(code))).ok).toBe(false);
      }
    }
    // The cap is reached: even the right code is refused, for about a day, and no new code is sent.
    await elapse(db.sql, 300);
    const fresh = await requestSignInCode(db.sql, { email, secret: secret(), locale: "vi", ip: freshIp() });
    expect(fresh).toMatchObject({ ok: false, reason: "rate-limited" });
    const refused = await verify(email, code);
    if (refused.ok || refused.reason !== "rate-limited") throw new Error("not capped");
    expect(refused.retryAfterSeconds).toBeGreaterThan(23 * 3600);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(24 * 3600);
    // Another address is not affected.
    expect((await verify("bystander2@example.vn", await askCode("bystander2@example.vn"))).ok).toBe(true);
    // The next day the address signs in again.
    await elapse(db.sql, 24 * 3600);
    expect((await verify(email, await askCode(email))).ok).toBe(true);
  });
});

describe("citizen sessions", () => {
  it("sign out everywhere ends every session of the citizen and only theirs", async () => {
    const a = await verify("everywhere@example.vn", await askCode("everywhere@example.vn"));
    const b = await verify("everywhere@example.vn", await askCode("everywhere@example.vn"));
    const other = await verify("bystander@example.vn", await askCode("bystander@example.vn"));
    if (!a.ok || !b.ok || !other.ok) throw new Error("sign-in failed");
    expect((await citizenOverview(db.sql, { citizenId: a.citizenId })).activeSessions).toBe(2);
    await signOutCitizen(request("/tai-khoan", { [SESSION_COOKIE]: a.token }), context, { everywhere: true });
    expect(await findSession(db.sql, a.token)).toBeNull();
    expect(await findSession(db.sql, b.token)).toBeNull();
    expect(await findSession(db.sql, other.token)).not.toBeNull();
    const [audited] = await db.sql`select 1 from audit_log where action = 'citizen.sign_out_everywhere' and actor_id = ${a.citizenId}`;
    expect(audited).toBeTruthy();
  });

  it("ends after the short TTL unless extended", async () => {
    const short = { ...context, services: { ...services, config: { ...services.config, CITIZEN_SESSION_TTL_SECONDS: 10 } } };
    const r = await verifySignInCode(db.sql, {
      email: "brief@example.vn",
      code: await askCode("brief@example.vn"),
      secret: secret(),
      sessionTtlSeconds: 10,
      locale: "vi",
      ip: freshIp(),
      userAgent: null,
    });
    if (!r.ok) throw new Error("sign-in failed");
    const jar = { [SESSION_COOKIE]: r.token };
    const before = await currentCitizen(request("/", jar), short);
    expect(before!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10_000);

    // Eight seconds later (moved in the database), the citizen extends: ten more seconds from now.
    await db.sql`update sessions set expires_at = expires_at - interval '8 seconds' where citizen_id = ${r.citizenId}`;
    const extended = await extendCitizenSession(request("/tai-khoan/gia-han", jar), short);
    expect(extended!.expiresAt.getTime() - Date.now()).toBeGreaterThan(8_000);
    expect(extended!.cookie).toMatch(/Max-Age=(9|10);/);

    // Without extension it ends.
    await db.sql`update sessions set expires_at = now() - interval '1 second' where citizen_id = ${r.citizenId}`;
    expect(await currentCitizen(request("/", jar), short)).toBeNull();
    expect(await extendCitizenSession(request("/tai-khoan/gia-han", jar), short)).toBeNull();
  });
});

describe("drafts of a signed-in citizen", () => {
  it("resume on another device after sign-in", async () => {
    // Device A: a guest starts a draft, then signs in: the draft becomes the citizen's.
    const { token: draftToken, draft } = await createDraft(db.sql, { locale: "vi" });
    await saveStepAnswers(db.sql, { draftId: draft.id, stepId: "who", values: { role: "creditor", party: "person", actingAs: "self" } });
    const a = await verify("mobile@example.vn", await askCode("mobile@example.vn"), { draftToken });
    if (!a.ok) throw new Error("sign-in failed");

    // Device B: a fresh browser (no draft cookie) signs in and finds the same draft.
    const guestB = await currentDraft(request("/dich-vu/yeu-cau-thi-hanh-an", {}), context);
    expect(guestB).toBeNull();
    const b = await verify("mobile@example.vn", await askCode("mobile@example.vn"));
    if (!b.ok) throw new Error("sign-in failed");
    const onB = await currentDraft(request("/dich-vu/yeu-cau-thi-hanh-an", { [SESSION_COOKIE]: b.token }), context);
    expect(onB?.id).toBe(draft.id);
    expect(onB?.answers).toMatchObject({ who: { role: "creditor" } });
    // Another citizen never sees it, even holding the draft cookie of device A.
    const c = await verify("other@example.vn", await askCode("other@example.vn"));
    if (!c.ok) throw new Error("sign-in failed");
    const onC = await currentDraft(request("/", { [SESSION_COOKIE]: c.token, [DRAFT_COOKIE]: draftToken }), context);
    expect(onC).toBeNull();
    // Signed out on device A, the old guest cookie no longer opens the citizen's draft either.
    expect(await currentDraft(request("/", { [DRAFT_COOKIE]: draftToken }), context)).toBeNull();
  });
});
