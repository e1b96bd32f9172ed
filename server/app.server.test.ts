import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerBuild } from "@remix-run/node";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { testServices } from "../test/services";
import { startTcpProxy } from "../test/tcp-proxy";
import { createPool, type Pool } from "./db";
import { createApp } from "./app.server";
import { normaliseIp, allowedOrigins } from "./http";

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
      // Routes that try to be cached: the portal must make the personal ones no-store.
      for (const path of ["/staff/requests/1", "/tai-khoan", "/dang-nhap/ma", "/dich-vu/yeu-cau-thi-hanh-an/kiem-tra", "/dich-vu/nop-tien/ket-qua", "/bien-lai/ABC", "/xac-minh-bien-lai/ABC", "/dich-vu/thong-tin", "/"]) {
        a.get(path, (_req, res) => {
          res.setHeader("Cache-Control", "public, max-age=600");
          res.send("page");
        });
      }
      a.get("/bien-lai/ABC.pdf", (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/pdf", "cache-control": "public, max-age=600" });
        res.end("%PDF-1.7");
      });
      a.get("/staff/boom", () => {
        throw new Error("boom");
      });
      a.post("/api/echo", (_req, res) => {
        res.send("api");
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
    const post = () => fetch(`${base}/echo`, { method: "POST", headers: { origin: "https://thads.example.vn" } });
    const [a, b] = await Promise.all([post(), post()]);
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

describe("state-changing requests", () => {
  const post = (headers: Record<string, string>, path = "/echo") => fetch(`${base}${path}`, { method: "POST", headers });

  it("are refused when the browser says they come from another site", async () => {
    expect((await post({ origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "same-site" })).status).toBe(403);
    expect((await post({ origin: "https://thads.example.vn.evil.example" })).status).toBe(403);
    expect((await post({ origin: "http://thads.example.vn" })).status).toBe(403); // another scheme is another origin
  });

  it("are refused with Origin: null, or with neither Origin nor Sec-Fetch-Site", async () => {
    const nullOrigin = await post({ origin: "null" });
    expect(nullOrigin.status).toBe(403);
    expect(nullOrigin.headers.get("cache-control")).toBe("no-store");
    expect(await nullOrigin.text()).toContain("Hãy mở lại trang trên cổng và gửi lại biểu mẫu");
    expect((await post({ origin: "null", "sec-fetch-site": "same-origin" })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect((await fetch(`${base}/echo`, { method: "PUT" })).status).toBe(403);
    expect((await fetch(`${base}/echo`, { method: "DELETE" })).status).toBe(403);
  });

  it("compare with BASE_URL, not with the Host header the client sent", async () => {
    // The request reaches 127.0.0.1 and claims to be for evil.example; the Origin agrees with the Host.
    expect((await post({ origin: "https://evil.example", host: "evil.example" })).status).toBe(403);
    expect((await post({ origin: base })).status).toBe(403); // the address that served it is not BASE_URL
  });

  it("pass from BASE_URL's origin, or as a same-origin fetch without Origin", async () => {
    expect((await post({ origin: "https://thads.example.vn" })).status).toBe(200);
    expect((await post({ "sec-fetch-site": "same-origin" })).status).toBe(200);
  });

  it("leave the court API (own key) to its own authentication", async () => {
    const api = await post({ "content-type": "application/json" }, "/api/echo");
    expect([api.status, await api.text()]).toEqual([200, "api"]);
  });
});

describe("allowed origins", () => {
  it("are BASE_URL's origin, plus the other loopback names of the same port in development", () => {
    expect([...allowedOrigins("https://thads.example.vn/portal")]).toEqual(["https://thads.example.vn"]);
    expect([...allowedOrigins("http://localhost:3000")].sort()).toEqual(["http://127.0.0.1:3000", "http://[::1]:3000", "http://localhost:3000"]);
    expect(allowedOrigins("http://127.0.0.1:3000").has("http://localhost:3001")).toBe(false);
  });
});

describe("Cache-Control", () => {
  const cacheControl = async (path: string, cookie?: string) =>
    (await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} })).headers.get("cache-control");

  it("is no-store on staff pages, the account, sign-in, the filing journey, fee notices and receipts, whatever the route set", async () => {
    for (const path of ["/staff/requests/1", "/tai-khoan", "/dang-nhap/ma", "/dich-vu/yeu-cau-thi-hanh-an/kiem-tra", "/dich-vu/nop-tien/ket-qua", "/bien-lai/ABC", "/bien-lai/ABC.pdf", "/xac-minh-bien-lai/ABC", "/staff/boom"]) {
      expect([path, await cacheControl(path)]).toEqual([path, "no-store"]);
    }
  });

  it("is no-store on any page for someone signed in or holding a draft (the layout shows who they are)", async () => {
    expect(await cacheControl("/", "thads_session=abc")).toBe("no-store");
    expect(await cacheControl("/dich-vu/thong-tin", "x=1; thads_filing=abc")).toBe("no-store");
  });

  it("is left to the route on public pages for visitors without a session", async () => {
    expect(await cacheControl("/")).toBe("public, max-age=600");
    expect(await cacheControl("/dich-vu/thong-tin", "thads_session=")).toBe("public, max-age=600");
    expect(await cacheControl("/staffing")).not.toBe("no-store");
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
