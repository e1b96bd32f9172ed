import { describe, expect, it } from "vitest";
import type { ServerBuild } from "@remix-run/node";
import { isDatabaseUnavailable } from "../db";
import { guardDatabaseOutages, withDeadline } from "./outage.server";

const err = (code: string) => Object.assign(new Error(code), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["ECONNREFUSED", true],
    ["ECONNRESET", true],
    ["CONNECT_TIMEOUT", true],
    ["CONNECTION_CLOSED", true],
    ["57P01", true], // admin_shutdown: the server is stopping
    ["57P03", true], // cannot_connect_now: starting up or shutting down
    ["08006", true], // connection_failure
    ["53300", true], // too_many_connections
    ["57014", true], // statement_timeout
    ["23505", false], // a unique violation is a bug or a rule, not an outage
    ["22P02", false], // invalid text representation
    ["42P01", false],
    ["P0001", false],
  ])("%s → %s", (code, expected) => {
    expect(isDatabaseUnavailable(err(code))).toBe(expected);
  });

  it("looks through causes, and is false for anything without a code", () => {
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: err("ECONNREFUSED") }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("plain"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});

describe("every loader and action of the build", () => {
  const build = (loader: () => Promise<unknown>, action?: () => Promise<unknown>) =>
    guardDatabaseOutages({ routes: { root: { id: "root", path: "", module: { default: () => null, loader, action } } } } as unknown as ServerBuild);
  const call = (b: ServerBuild, which: "loader" | "action") =>
    (b.routes.root!.module[which] as unknown as (a: object) => Promise<unknown>)({ request: new Request("http://x/"), params: {}, context: {} });

  it("turn an unreachable database into a thrown 503 with Retry-After, and leave every other error alone", async () => {
    const b = build(async () => Promise.reject(err("ECONNREFUSED")), async () => Promise.reject(err("57P01")));
    for (const which of ["loader", "action"] as const) {
      const thrown = await call(b, which).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(503);
      expect((thrown as Response).headers.get("Retry-After")).toMatch(/^\d+$/);
    }
    const bug = await call(build(async () => Promise.reject(err("23505"))), "loader").catch((e: unknown) => e);
    expect(bug).toBeInstanceOf(Error);
    expect(await call(build(async () => ({ ok: 1 })), "loader")).toEqual({ ok: 1 });
  });

  it("answer 503 within the deadline while the database has just failed, instead of waiting for it", async () => {
    const b = build(async () => Promise.reject(err("ECONNREFUSED")));
    await call(b, "loader").catch(() => {}); // the outage is noticed
    const slow = build(() => new Promise((r) => setTimeout(() => r("late"), 10_000)));
    const t0 = Date.now();
    const thrown = await call(slow, "loader").catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(503);
    expect(Date.now() - t0).toBeLessThan(4_000);
  });

  it("withDeadline rejects with a database-unavailable error when the work is late", async () => {
    const e = await withDeadline(new Promise(() => {}), 20).catch((x: unknown) => x);
    expect(isDatabaseUnavailable(e)).toBe(true);
    expect(await withDeadline(Promise.resolve(7), 1000)).toBe(7);
  });
});
