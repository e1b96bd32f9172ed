import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { queuedJobs } from "../../test/jobs";
import { seedDemo, DEMO_PASSWORD, DEMO_STAFF } from "../db/seed.server";
import { getStaffProfile, signInStaff } from "./staff.server";
import { findSession, revokeAllSessions, revokeSession } from "./session.server";

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
    expect(roles.map((r) => r.role)).toEqual(["accountant", "admin", "clerk", "head", "officer"]);
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

  it("rate-limits repeated attempts on one account", async () => {
    const email = "thutruong@thads.local";
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await signInStaff(db.sql, { ...base, ip: `198.51.100.${i}`, email, password: "wrong" }));
    expect(results.slice(0, 10).every((r) => !r.ok && r.reason === "bad-credentials")).toBe(true);
    const last = results[10]!;
    expect(last.ok).toBe(false);
    if (!last.ok) expect(last.reason).toBe("rate-limited");
    // Even the right password is refused while limited.
    const right = await signInStaff(db.sql, { ...base, email, password: DEMO_PASSWORD });
    expect(right.ok).toBe(false);
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
