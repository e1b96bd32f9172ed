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
  // Module preloads and module imports from the HTML too, in case some were not fetched as "script".
  // Only those: the inline route manifest names `/build/manifest-*.js` as its "url", but with lazy route
  // discovery (v3_lazyRouteDiscovery) the browser never loads that file, so counting it would charge the
  // home page for every route the portal adds (about 36 bytes each).
  const html = await (await page.request.get("/")).text();
  const referenced = [
    ...[...html.matchAll(/<link rel="modulepreload" href="([^"]+\.js)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/\bimport\s*(?:[\w*{}\s,]+from\s*)?["']([^"']+\.js)["']/g)].map((m) => m[1]!),
  ];
  expect(referenced.length).toBeGreaterThan(0);
  for (const path of referenced) scripts.add(new URL(path, baseURL).toString());
  // Should the browser ever fetch the manifest, the request listener above counts it.
  const sizes = await Promise.all([...scripts].map(gzippedSize));
  const total = sizes.reduce((a, b) => a + b, 0);
  console.log(`home JS: ${total} gzipped bytes in ${scripts.size} scripts`);
  test.info().annotations.push({ type: "home-js-gzip-bytes", description: String(total) });
  expect(scripts.size).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(110 * 1024);
});
