import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { queuedJobs } from "../../test/jobs";
import { seedDemo, DEMO_PASSWORD, DEMO_STAFF } from "../seed.server";
import { getStaffProfile, signInStaff } from "./staff.server";
import { findSession, revokeAllSessions, revokeSession } from "./session.server";
import { DEFAULT_RATE_LIMITS } from "../http";
import { elapse } from "../../test/rate-limits";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
});
afterAll(async () => {
  await db.drop();
});

const clerk = DEMO_STAFF.find((s) => s.role === "clerk")!;
const base = { ip: "203.0.113.7", userAgent: "vitest", locale: "vi" as const };

describe("demo seed", () => {
  it("is idempotent and builds a tree of at least three provinces with two offices each", async () => {
    expect((await seedDemo(db.sql)).staffCreated).toBe(0);
    const provinces = await db.sql<{ code: string; offices: number }[]>`
      select p.code, count(d.id)::int as offices from agencies p
      join agencies d on d.parent_id = p.id
      where p.level = 'province' group by p.code`;
    expect(provinces.length).toBeGreaterThanOrEqual(3);
    expect(provinces.every((p) => p.offices >= 2)).toBe(true);
    const roles = await db.sql<{ role: string }[]>`select distinct role::text from staff_roles order by 1`;
    expect(roles.map((r) => r.role)).toEqual(["accountant", "admin", "clerk", "denunciation-handler", "head", "officer"]);
  });
});

describe("staff sign-in", () => {
  it("opens a session, audits it and queues the sign-in alert in the same transaction", async () => {
    const result = await signInStaff(db.sql, { ...base, email: clerk.email.toUpperCase(), password: DEMO_PASSWORD });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await findSession(db.sql, result.token);
    expect(session?.staff_id).toBe(result.staffId);
    const profile = await getStaffProfile(db.sql, { staffId: result.staffId });
    expect(profile?.fullName).toBe(clerk.fullName);
    expect(profile?.roles[0]).toMatchObject({ role: "clerk", agencyCode: "HNI-KV01" });
    const audits = await db.sql`select action, host(ip) as ip from audit_log where actor_id = ${result.staffId} and action = 'staff.sign_in'`;
    expect(audits).toHaveLength(1);
    expect(audits[0]!.ip).toBe("203.0.113.7");
    const jobs = await queuedJobs<{ staffId: string }>(db.sql, "send_sign_in_alert");
    expect(jobs.some((j) => j.staffId === result.staffId)).toBe(true);
    // The cookie token is never stored: only its hash.
    const stored = await db.sql`select count(*)::int as n from sessions where encode(id_hash, 'escape') = ${result.token}`;
    expect(stored[0]!.n).toBe(0);
  });

  it("answers a wrong password and an unknown e-mail the same way, and audits both", async () => {
    const wrong = await signInStaff(db.sql, { ...base, email: "ketoan@thads.local", password: "nope" });
    const unknown = await signInStaff(db.sql, { ...base, email: "nobody@thads.local", password: "nope" });
    expect(wrong).toEqual({ ok: false, reason: "bad-credentials" });
    expect(unknown).toEqual(wrong);
    const failures = await db.sql`select details->>'email' as email from audit_log where action = 'staff.sign_in.failed'`;
    expect(failures.map((f) => f.email).sort()).toEqual(["ketoan@thads.local", "nobody@thads.local"]);
  });

  it("lets the right password in after an attacker's 11+ wrong ones, once the current short wait is over", async () => {
    const email = "thutruong@thads.local";
    const waits: number[] = [];
    // The attacker tries 40 times, from many addresses, waiting out each delay as it is given.
    for (let i = 0; i < 40; i++) {
      const r = await signInStaff(db.sql, { ...base, ip: `198.51.100.${i}`, email, password: `wrong-${i}` });
      expect(r.ok).toBe(false);
      if (!r.ok && r.reason === "rate-limited") {
        waits.push(r.retryAfterSeconds);
        await elapse(db.sql, r.retryAfterSeconds);
      }
    }
    expect(waits.length).toBeGreaterThan(5);
    expect(Math.max(...waits)).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.RATE_LIMIT_MAX_DELAY_SECONDS);
    // The real owner, from their own address: at most the current wait, then in.
    const first = await signInStaff(db.sql, { ...base, ip: "203.0.113.200", email, password: "still-wrong" });
    expect(first).toMatchObject({ ok: false, reason: "rate-limited" });
    if (first.ok || first.reason !== "rate-limited") return;
    expect(first.retryAfterSeconds).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.RATE_LIMIT_MAX_DELAY_SECONDS);
    await elapse(db.sql, first.retryAfterSeconds);
    const right = await signInStaff(db.sql, { ...base, ip: "203.0.113.200", email, password: DEMO_PASSWORD });
    expect(right.ok).toBe(true);
  });

  it("makes each failure on an account wait longer (1 s, 2 s, 4 s …) after the free ones, and a success resets", async () => {
    const email = "quantri@thads.local";
    const free = DEFAULT_RATE_LIMITS.RATE_LIMIT_FREE_FAILURES;
    const attempt = (password: string, i: number) => signInStaff(db.sql, { ...base, ip: `192.0.2.${i}`, email, password });
    for (let i = 0; i < free; i++) expect(await attempt("wrong", i)).toEqual({ ok: false, reason: "bad-credentials" });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      expect(await attempt("wrong", 50 + i)).toEqual({ ok: false, reason: "bad-credentials" });
      const refused = await attempt(DEMO_PASSWORD, 60 + i);
      if (refused.ok || refused.reason !== "rate-limited") throw new Error("not waiting");
      waits.push(refused.retryAfterSeconds);
      await elapse(db.sql, refused.retryAfterSeconds);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    expect((await attempt(DEMO_PASSWORD, 70)).ok).toBe(true);
    // After the success the count starts again: the free failures are free again.
    for (let i = 0; i < free; i++) expect(await attempt("wrong", 80 + i)).toEqual({ ok: false, reason: "bad-credentials" });
    expect((await attempt(DEMO_PASSWORD, 90)).ok).toBe(true);
  });

  it("never counts successes: signing in again and again is never limited", async () => {
    const email = clerk.email;
    for (let i = 0; i < 30; i++) expect((await signInStaff(db.sql, { ...base, email, password: DEMO_PASSWORD })).ok).toBe(true);
  });

  it("slows one client address trying many accounts, and only that address", async () => {
    const ip = "198.18.0.1";
    const results = [];
    for (let i = 0; i < DEFAULT_RATE_LIMITS.RATE_LIMIT_FREE_FAILURES * 4 + 1; i++) {
      results.push(await signInStaff(db.sql, { ...base, ip, email: `spray${i}@thads.local`, password: "wrong" }));
    }
    expect(results.at(-2)).toEqual({ ok: false, reason: "bad-credentials" });
    expect(await signInStaff(db.sql, { ...base, ip, email: "spray-next@thads.local", password: "wrong" })).toMatchObject({ ok: false, reason: "rate-limited" });
    expect((await signInStaff(db.sql, { ...base, ip: "198.18.0.2", email: clerk.email, password: DEMO_PASSWORD })).ok).toBe(true);
  });

  it("does not let a success on one account wipe the client address's failures on others", async () => {
    const ip = "198.18.1.1";
    const free = DEFAULT_RATE_LIMITS.RATE_LIMIT_FREE_FAILURES * 4;
    for (let i = 0; i < free; i++) expect((await signInStaff(db.sql, { ...base, ip, email: `other${i}@thads.local`, password: "wrong" })).ok).toBe(false);
    expect((await signInStaff(db.sql, { ...base, ip, email: clerk.email, password: DEMO_PASSWORD })).ok).toBe(true);
    expect(await signInStaff(db.sql, { ...base, ip, email: "other-next@thads.local", password: "wrong" })).toEqual({ ok: false, reason: "bad-credentials" });
    expect(await signInStaff(db.sql, { ...base, ip, email: "other-last@thads.local", password: "wrong" })).toMatchObject({ ok: false, reason: "rate-limited" });
  });

  it("revokes one session, or every session with 'sign out everywhere'", async () => {
    const email = "chaphanhvien@thads.local";
    const a = await signInStaff(db.sql, { ...base, email, password: DEMO_PASSWORD });
    const b = await signInStaff(db.sql, { ...base, email, password: DEMO_PASSWORD });
    const c = await signInStaff(db.sql, { ...base, email, password: DEMO_PASSWORD });
    if (!a.ok || !b.ok || !c.ok) throw new Error("sign-in failed");
    await revokeSession(db.sql, a.token);
    expect(await findSession(db.sql, a.token)).toBeNull();
    expect(await findSession(db.sql, b.token)).not.toBeNull();
    expect(await revokeAllSessions(db.sql, { staffId: b.staffId })).toBe(2);
    expect(await findSession(db.sql, b.token)).toBeNull();
    expect(await findSession(db.sql, c.token)).toBeNull();
  });
});
