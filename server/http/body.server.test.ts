import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pool } from "../db";
import { testServices } from "../../test/services";
import { testRemixBuild } from "../../test/remix-build";
import { createApp } from "../app.server";
import { formMediaType, pagePath } from "./body.server";

// The body rules over real HTTP: the portal's own Express app and request handler, with a small Remix
// build whose /form action reads request.formData() like every page form.
const LIMIT = 16 * 1024;
const UPLOAD_LIMIT = 64 * 1024;
let server: http.Server;
let base: string;
let port: number;
let actionCalls = 0;

const noDatabase = new Proxy({}, { get: () => { throw new Error("no database in this test"); } }) as unknown as Pool;

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  const services = testServices(noDatabase, { BASE_URL: base, BODY_LIMIT_BYTES: LIMIT });
  const build = testRemixBuild({
    onAction: (form) => {
      actionCalls++;
      return { fields: [...form.keys()].length, sizes: [...form.values()].map((v) => (typeof v === "string" ? v.length : v.size)) };
    },
  });
  // /upload streams: the same test action under the upload path (added before createApp wraps the build's routes).
  (build.routes as Record<string, unknown>)["routes/upload"] = { ...(build.routes["routes/form"] as object), id: "routes/upload", path: "upload" };
  server.on("request", createApp({ services, build, uploads: [{ path: "/upload", limit: UPLOAD_LIMIT }] }));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const post = (path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: "POST", body, headers: { Origin: base, ...headers } });

const state = async (res: Response) => {
  const s = JSON.parse(/<pre>(.*)<\/pre>/s.exec(await res.text())![1]!) as { status: number; actionData: Record<string, unknown> | null; errors: { status: number; data: unknown }[] };
  return { ...s, actionData: s.actionData ? Object.values(s.actionData)[0] : null };
};

/**
 * Sends a body of `total` bytes with chunked encoding (no length to refuse up front), `chunk` bytes at a
 * time, and reports the status and how many bytes the server let in before it answered and closed.
 */
function sendChunked(path: string, total: number, contentType = "application/x-www-form-urlencoded"): Promise<{ status: number; sent: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let sent = 0;
    let response = "";
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, "a");
    const prefix = Buffer.from("f=");
    const write = () => {
      while (!answered && sent < total) {
        const part = sent === 0 ? Buffer.concat([prefix, chunk.subarray(prefix.length)]) : chunk;
        sent += part.length;
        const ok = socket.write(`${part.length.toString(16)}\r\n`) && socket.write(part) && socket.write("\r\n");
        if (!ok) return socket.once("drain", write);
      }
      if (!answered) socket.write("0\r\n\r\n");
    };
    socket.on("connect", () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${base}\r\nContent-Type: ${contentType}\r\nTransfer-Encoding: chunked\r\n\r\n`);
      write();
    });
    socket.on("data", (d) => {
      answered = true;
      response += d.toString("latin1");
    });
    const done = () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0), sent, body: response });
    socket.on("close", done);
    socket.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" || e.code === "EPIPE" ? done() : reject(e)));
  });
}

describe("request bodies of page forms", () => {
  it("a form within the limit reaches the action whole", async () => {
    const res = await post("/form", new URLSearchParams({ a: "x".repeat(LIMIT - 100) }));
    expect(res.status).toBe(200);
    expect((await state(res)).actionData).toEqual({ fields: 1, sizes: [LIMIT - 100] });
  });

  it("a declared length over the limit is refused with 413 before the action runs", async () => {
    const before = actionCalls;
    const res = await post("/form", new URLSearchParams({ a: "x".repeat(LIMIT + 1) }));
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect((await state(res)).errors).toEqual([{ status: 413, data: { refusal: 413 } }]);
    expect(actionCalls).toBe(before);
  });

  it("a 50 MB chunked body is cut after about the limit and answered 413 (the rest is never read)", async () => {
    const before = actionCalls;
    const r = await sendChunked("/form", 50 * 1024 * 1024);
    expect(r.status).toBe(413);
    // Loopback socket buffers hold a few MB at most; what matters is that the 50 MB were not taken in.
    expect(r.sent).toBeLessThan(12 * 1024 * 1024);
    expect(actionCalls).toBe(before);
  });

  it("a JavaScript submission (single fetch .data) over the limit gets the 413 in Remix's encoding, shown in place", async () => {
    const before = actionCalls;
    const res = await post("/form.data", new URLSearchParams({ a: "x".repeat(LIMIT + 1) }));
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toMatch(/text\/x-script/);
    expect(await res.text()).toContain(String(LIMIT)); // the limit, for the page to state
    expect(actionCalls).toBe(before);
    const json = await post("/form.data", '{"a":1}', { "Content-Type": "application/json" });
    expect(json.status).toBe(415);
  });

  it("the language switch and every other page path share the limit", async () => {
    const r = await sendChunked("/lang", 5 * 1024 * 1024);
    expect(r.status).toBe(413);
  });

  it.each([
    ["JSON", "application/json", '{"a":1}'],
    ["text/plain", "text/plain", "a=1"],
    ["no content type", "", "a=1"],
    ["multipart without a boundary", "multipart/form-data", "a=1"],
  ])("a form action sent %s answers 415, not 500", async (_name, type, body) => {
    const res = await fetch(`${base}/form`, { method: "POST", body: new TextEncoder().encode(body), headers: type ? { Origin: base, "Content-Type": type } : { Origin: base } });
    expect(res.status).toBe(415);
  });

  it("malformed multipart answers 400, not 500", async () => {
    const res = await post("/form", "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", { "Content-Type": "multipart/form-data; boundary=xyz" });
    expect(res.status).toBe(400);
  });

  it("well-formed multipart on a page form reaches the action", async () => {
    const fd = new FormData();
    fd.set("a", "1");
    const res = await post("/form", fd);
    expect(res.status).toBe(200);
    expect((await state(res)).actionData).toMatchObject({ fields: 1 });
  });
});

describe("request bodies of upload forms", () => {
  it("keep streaming under their own cap, above the page limit", async () => {
    const fd = new FormData();
    fd.set("file", new File([new Uint8Array(LIMIT * 2)], "a.pdf"));
    const res = await post("/upload", fd);
    expect(res.status).toBe(200);
    expect((await state(res)).actionData).toEqual({ fields: 1, sizes: [LIMIT * 2] });
  });

  it("are cut at their cap while they stream: 413", async () => {
    const r = await sendChunked("/upload", 50 * 1024 * 1024, "multipart/form-data; boundary=xyz");
    expect(r.status).toBe(413);
    expect(r.sent).toBeLessThan(12 * 1024 * 1024);
  });

  it("a urlencoded post to an upload form has the page limit", async () => {
    const res = await post("/upload", new URLSearchParams({ a: "x".repeat(LIMIT + 1) }));
    expect(res.status).toBe(413);
  });
});

describe("the court API's bodies", () => {
  it("a declared length over the limit gets 413 in JSON before it is read", async () => {
    const res = await fetch(`${base}/api/courts/notices`, { method: "POST", body: "x".repeat(LIMIT + 1), headers: { "Content-Type": "application/json" } });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain|^application\/json/);
  });
});

describe("last resort", () => {
  it("an action that fails on input PostgreSQL refused (NUL) answers 400, not 500", async () => {
    const res = await post("/boom-db", new URLSearchParams({ a: "x" }));
    expect(res.status).toBe(400);
  });
});

describe("helpers", () => {
  it("pagePath maps single-fetch data requests to their page", () => {
    expect(pagePath("/upload.data")).toBe("/upload");
    expect(pagePath("/_root.data")).toBe("/");
    expect(pagePath("/a/b/")).toBe("/a/b");
  });
  it("formMediaType accepts only what forms send", () => {
    expect(formMediaType("application/x-www-form-urlencoded;charset=UTF-8")).toBe("application/x-www-form-urlencoded");
    expect(formMediaType("multipart/form-data; boundary=----abc")).toBe("multipart/form-data");
    expect(formMediaType("multipart/form-data")).toBeNull();
    expect(formMediaType("application/json")).toBeNull();
    expect(formMediaType(undefined)).toBeNull();
  });
});
