import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerBuild } from "@remix-run/node";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { testServices } from "../test/services";
import { startTcpProxy } from "../test/tcp-proxy";
import { createPool, type Pool } from "./db/client.server";
import { createApp, normaliseIp } from "./app.server";

let db: TestDatabase;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let proxiedSql: Pool;
let server: http.Server;
let base: string;

const noRemix = async (): Promise<ServerBuild> => {
  throw new Error("no Remix build in this test");
};

beforeAll(async () => {
  db = await createTestDatabase();
  const u = new URL(db.url);
  proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
  u.port = String(proxy.port);
  proxiedSql = createPool(u.toString(), { max: 2 });
  const services = testServices(proxiedSql, { BASE_URL: "https://thads.example.vn" });
  const app = createApp({
    services,
    build: noRemix,
    beforeRemix: (a) => {
      a.post("/echo", (_req, res) => {
        res.send("ok");
      });
      a.get("/boom", () => {
        throw new Error("secret internal detail");
      });
    },
  });
  server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await proxiedSql.end({ timeout: 1 });
  await proxy.close();
  await db.drop();
});

describe("health checks", () => {
  it("/healthz answers while the process is up", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("/readyz is 503 while the database is unreachable and 200 again when it is back, without a restart", async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await proxy.cut();
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "unavailable", database: false });
    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await fetch(`${base}/readyz`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});

describe("security headers", () => {
  it("send a fresh CSP nonce per request and the usual hardening headers", async () => {
    const [a, b] = await Promise.all([fetch(`${base}/echo`, { method: "POST" }), fetch(`${base}/echo`, { method: "POST" })]);
    const nonce = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce(a)).toBeTruthy();
    expect(nonce(a)).not.toBe(nonce(b));
    expect(a.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("x-powered-by")).toBeNull();
  });

  it("keep a well-formed incoming request id and replace a malformed one", async () => {
    const kept = await fetch(`${base}/healthz`, { headers: { "x-request-id": "lb-1234abcd" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-1234abcd");
    const replaced = await fetch(`${base}/healthz`, { headers: { "x-request-id": "<script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("cross-site form posts", () => {
  it("are refused when the browser says they come from another site", async () => {
    const evil = await fetch(`${base}/echo`, { method: "POST", headers: { origin: "https://evil.example" } });
    expect(evil.status).toBe(403);
    const fetchSite = await fetch(`${base}/echo`, { method: "POST", headers: { "sec-fetch-site": "cross-site" } });
    expect(fetchSite.status).toBe(403);
  });

  it("pass from the portal's own origin or its BASE_URL", async () => {
    const self = await fetch(`${base}/echo`, { method: "POST", headers: { origin: base } });
    expect(self.status).toBe(200);
    const configured = await fetch(`${base}/echo`, { method: "POST", headers: { origin: "https://thads.example.vn" } });
    expect(configured.status).toBe(200);
  });
});

describe("unexpected errors", () => {
  it("answer 500 with a request id and no stack trace or message", async () => {
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toContain(res.headers.get("x-request-id")!);
    expect(body).not.toContain("secret internal detail");
    expect(body).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("normaliseIp", () => {
  it("turns loopback and IPv4-mapped addresses into plain IPv4", () => {
    expect(normaliseIp("::1")).toBe("127.0.0.1");
    expect(normaliseIp("::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(normaliseIp("2001:db8::1")).toBe("2001:db8::1");
    expect(normaliseIp(undefined)).toBeNull();
  });
});
