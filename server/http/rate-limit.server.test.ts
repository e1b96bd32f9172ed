import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { elapse } from "../../test/rate-limits";
import { delayAfter, hit, policies, pruneRateLimits, settle, take, waitingFor, type Counter, type Policy } from "./rate-limit.server";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const backoff: Policy = { kind: "backoff", free: 2, baseSeconds: 1, maxSeconds: 8, windowSeconds: 3600 };
let n = 0;
const fresh = (policy: Policy = backoff, onSuccess: Counter["onSuccess"] = "reset"): Counter => ({ key: `test:${++n}`, policy, onSuccess });

async function count(key: string) {
  const [row] = await db.sql<{ count: number; waits: boolean }[]>`
    select count, coalesce(blocked_until > now(), false) as waits from rate_limit_counters where key = ${key}`;
  return row ?? null;
}

describe("the wait after each failure", () => {
  it("is none for the free failures, then doubles from the base up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((i) => delayAfter(backoff, i))).toEqual([0, 0, 1, 2, 4, 8, 8, 8, 8]);
    const cap: Policy = { kind: "cap", limit: 3, windowSeconds: 60 };
    expect([1, 2, 3, 4].map((i) => delayAfter(cap, i))).toEqual([0, 0, 60, 60]);
  });

  it("keeps every account wait within RATE_LIMIT_MAX_DELAY_SECONDS, whatever the number of failures", () => {
    const p = policies({ RATE_LIMIT_FREE_FAILURES: 5, RATE_LIMIT_MAX_DELAY_SECONDS: 30, RATE_LIMIT_CLIENT_MAX_DELAY_SECONDS: 900, CITIZEN_CODE_DAILY_FAILURES: 20 });
    const waits = Array.from({ length: 10_000 }, (_, i) => delayAfter(p.subject, i + 1));
    expect(Math.max(...waits)).toBe(30);
    expect(waits.slice(0, 5).every((w) => w === 0)).toBe(true);
    expect(Math.max(...Array.from({ length: 100 }, (_, i) => delayAfter(p.client, i + 1)))).toBe(900);
  });
});

describe("take and settle", () => {
  it("grows the wait with each counted failure, refuses (without counting) while a key waits, and caps it", async () => {
    const c = fresh();
    expect((await take(db.sql, [c])).ok).toBe(true);
    expect((await take(db.sql, [c])).ok).toBe(true);
    expect(await count(c.key)).toEqual({ count: 2, waits: false });
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      expect((await take(db.sql, [c])).ok).toBe(true); // counted: sets the next wait
      const refused = await take(db.sql, [c]);
      const again = await take(db.sql, [c]);
      if (refused.ok || again.ok) throw new Error("a waiting key let an attempt through");
      seen.push(refused.retryAfterSeconds);
      expect(await waitingFor(db.sql, [c.key])).toBe(refused.retryAfterSeconds);
      await elapse(db.sql, refused.retryAfterSeconds);
    }
    expect(seen).toEqual([1, 2, 4, 8, 8, 8]);
    expect((await count(c.key))!.count).toBe(8); // the 12 refused attempts were not counted
  });

  it("starts again from nothing after a success on a 'reset' counter", async () => {
    const c = fresh();
    for (let i = 0; i < 3; i++) await take(db.sql, [c]);
    expect(await take(db.sql, [c])).toMatchObject({ ok: false });
    await elapse(db.sql, 1);
    const ok = await take(db.sql, [c]);
    if (!ok.ok) throw new Error("not taken");
    await settle(db.sql, ok.ticket);
    expect(await count(c.key)).toBeNull();
    // Two free failures again.
    expect((await take(db.sql, [c])).ok && (await take(db.sql, [c])).ok && (await take(db.sql, [c])).ok).toBe(true);
    expect((await take(db.sql, [c])).ok).toBe(false);
  });

  it("gives the attempt back on a 'refund' counter (and lifts the wait it set), and keeps a 'keep' counter", async () => {
    const client = fresh(backoff, "refund");
    const volume = fresh({ kind: "cap", limit: 100, windowSeconds: 60 }, "keep");
    await take(db.sql, [client, volume]);
    await take(db.sql, [client, volume]);
    const third = await take(db.sql, [client, volume]);
    if (!third.ok) throw new Error("not taken");
    expect(await count(client.key)).toEqual({ count: 3, waits: true });
    await settle(db.sql, third.ticket);
    expect(await count(client.key)).toEqual({ count: 2, waits: false });
    expect((await count(volume.key))!.count).toBe(3);
  });

  it("counts an attempt on every counter or on none: one waiting key refuses them all", async () => {
    const a = fresh();
    const b = fresh();
    for (let i = 0; i < 3; i++) await take(db.sql, [a]);
    expect(await take(db.sql, [a, b])).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect(await count(b.key)).toEqual({ count: 0, waits: false });
  });

  it("lets no more than the free attempts and one more through when they come all at once", async () => {
    const c = fresh({ kind: "backoff", free: 5, baseSeconds: 60, maxSeconds: 60, windowSeconds: 3600 });
    const results = await Promise.all(Array.from({ length: 30 }, () => take(db.sql, [c])));
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    expect((await count(c.key))!.count).toBe(6);
  });

  it("restarts a counter when its window is over", async () => {
    const c = fresh({ kind: "backoff", free: 1, baseSeconds: 1, maxSeconds: 1, windowSeconds: 60 });
    await take(db.sql, [c]);
    await take(db.sql, [c]);
    await elapse(db.sql, 61);
    await take(db.sql, [c]);
    expect(await count(c.key)).toEqual({ count: 1, waits: false });
  });
});

describe("volume limits (hit) and pruning", () => {
  it("allow `limit` calls per window, then wait until the window ends", async () => {
    const key = `test:hit:${++n}`;
    for (let i = 0; i < 3; i++) expect((await hit(db.sql, { key, limit: 3, windowSeconds: 60 })).allowed).toBe(true);
    const refused = await hit(db.sql, { key, limit: 3, windowSeconds: 60 });
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    await elapse(db.sql, 60);
    expect((await hit(db.sql, { key, limit: 3, windowSeconds: 60 })).allowed).toBe(true);
  });

  it("prunes counters a day old that no longer wait", async () => {
    const old = fresh();
    const waiting = fresh({ kind: "cap", limit: 1, windowSeconds: 3 * 86400 });
    await take(db.sql, [old]);
    await take(db.sql, [waiting]);
    await elapse(db.sql, 86400 + 60);
    await pruneRateLimits(db.sql);
    expect(await count(old.key)).toBeNull();
    expect(await count(waiting.key)).not.toBeNull();
  });
});
