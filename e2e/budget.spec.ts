import http from "node:http";
import { expect, test } from "./fixtures";

/** Bytes on the wire for one URL fetched with `Accept-Encoding: gzip` (what the budget counts). */
function gzippedSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
        let n = 0;
        res.on("data", (c: Buffer) => (n += c.length));
        res.on("end", () => resolve(n));
      })
      .on("error", reject);
  });
}

test("the home page ships at most 110 KB of gzipped JavaScript", async ({ page, baseURL }) => {
  const scripts = new Set<string>();
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.add(r.url());
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  // Module preloads and imports from the HTML too, in case some were not fetched as "script".
  const html = await (await page.request.get("/")).text();
  for (const m of html.matchAll(/\/build\/[^"']+\.js/g)) scripts.add(new URL(m[0], baseURL).toString());
  const sizes = await Promise.all([...scripts].map(gzippedSize));
  const total = sizes.reduce((a, b) => a + b, 0);
  test.info().annotations.push({ type: "home-js-gzip-bytes", description: String(total) });
  expect(scripts.size).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(110 * 1024);
});
