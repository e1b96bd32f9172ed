import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { headers } from "./retry-after";

const routesDir = path.resolve(__dirname, "../routes");

describe("Retry-After reaches the browser", () => {
  it("every route that can answer 429 exports `headers` (Remix drops loader and action headers otherwise)", () => {
    const limited = fs
      .readdirSync(routesDir)
      .filter((f) => /\.tsx?$/.test(f))
      .filter((f) => /retryAfterHeader|\b429\b|rate-limited/.test(fs.readFileSync(path.join(routesDir, f), "utf8")));
    expect(limited.length).toBeGreaterThanOrEqual(7);
    const missing = limited.filter((f) => !/export\s*(\{[^}]*\bheaders\b[^}]*\}|const headers\b|function headers\b)/.test(fs.readFileSync(path.join(routesDir, f), "utf8")));
    expect(missing).toEqual([]);
  });

  it("forwards the action's, the loader's or the error's Retry-After and keeps the parent's headers", () => {
    const h = (init: Record<string, string> = {}) => new Headers(init);
    const base = { parentHeaders: h({ "X-Parent": "1" }), actionHeaders: h(), loaderHeaders: h(), errorHeaders: undefined };
    expect(new Headers(headers({ ...base, actionHeaders: h({ "Retry-After": "7" }) }) as HeadersInit).get("retry-after")).toBe("7");
    expect(new Headers(headers({ ...base, loaderHeaders: h({ "Retry-After": "8" }) }) as HeadersInit).get("retry-after")).toBe("8");
    expect(new Headers(headers({ ...base, errorHeaders: h({ "Retry-After": "9" }) }) as HeadersInit).get("retry-after")).toBe("9");
    const none = new Headers(headers(base) as HeadersInit);
    expect(none.get("retry-after")).toBeNull();
    expect(none.get("x-parent")).toBe("1");
  });
});
