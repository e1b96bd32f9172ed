import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkDependencies } from "../scripts/lint-deps.mjs";

/**
 * The import rules (.dependency-cruiser.cjs, docs/decisions/050-domains-behind-entry-files.md) run on small
 * trees written here with the repository's own configuration: a tree that keeps them has no violation,
 * and each bad import is reported under its rule. Weakening a rule in the configuration fails this test.
 */
type Violation = { rule: string; from: string; to: string };
const CONFIG = path.resolve(".dependency-cruiser.cjs");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const GOOD: Record<string, string> = {
  "server/a/index.ts": `export { x } from "./x.server";\nexport * from "./browser";\n`,
  "server/a/x.server.ts": `export const x = 1;\n`,
  "server/a/browser.ts": `export { s } from "./schema";\n`,
  "server/a/schema.ts": `import { w } from "../../vocabulary/words";\nexport const s = w.length;\n`,
  "server/b/index.ts": `export { y } from "./y.server";\n`,
  "server/b/y.server.ts": `import { x } from "../a";\nexport const y = x + 1;\n`,
  "server/b/y.test.ts": `import { x } from "../a";\nimport { root } from "../root";\nimport { page } from "../../app/routes/page";\nexport const t = [x, root, page];\n`,
  "server/root.ts": `import { x } from "./a";\nimport { y } from "./b";\nexport const root = x + y;\n`,
  "app/routes/page.tsx": `import { s } from "../../server/a/browser";\nexport const page = s;\n`,
  "app/server/a.server.ts": `export { x } from "../../server/a";\n`,
  "vocabulary/words.ts": `export const w = "từ";\n`,
};

async function violationsOf(files: Record<string, string>): Promise<Violation[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thads-deps-"));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "ESNext", moduleResolution: "Bundler", jsx: "react-jsx", allowJs: true } }));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return checkDependencies({ cwd: dir, roots: ["app", "server", "vocabulary"], config: CONFIG });
}

const has = (vs: Violation[], rule: string, from: string) => vs.some((v) => v.rule === rule && v.from.startsWith(from));

describe("the import rules", () => {
  it("find nothing in a tree that keeps them (entries, composition root, tests driving routes)", async () => {
    expect(await violationsOf(GOOD)).toEqual([]);
  });

  it("report each bad import under its rule", async () => {
    const vs = await violationsOf({
      ...GOOD,
      // (b) another domain's internal file instead of its entry
      "server/b/deep.server.ts": `import { x } from "../a/x.server";\nexport const d = x;\n`,
      // (a) server code reaching into the UI
      "server/b/ui.server.ts": `import { page } from "../../app/routes/page";\nexport const u = page;\n`,
      // (a) the neutral layer importing a domain
      "vocabulary/bad.ts": `import { x } from "../server/a";\nexport const v = x;\n`,
      // (b) app/ and its Remix boundary through the entry only
      "app/server/b.server.ts": `export { y } from "../../server/b/y.server";\n`,
      // (b, c) browser code importing the server entry
      "app/routes/other.tsx": `import { x } from "../../server/a";\nexport const o = x;\n`,
      // (c) the browser entry reaching server code and a Node built-in
      "server/a/schema.ts": `import crypto from "node:crypto";\nimport { x } from "./x.server";\nexport const s = x + crypto.randomInt(2);\n`,
      // (d) a loop between domains closed by a module
      "server/a/z.server.ts": `import { y } from "../b";\nexport const z = y;\n`,
      "server/a/index.ts": `export { x } from "./x.server";\nexport { z } from "./z.server";\nexport * from "./browser";\n`,
      // (e) a domain importing the composition root
      "server/b/up.server.ts": `import { root } from "../root";\nexport const up = root;\n`,
    });
    expect(has(vs, "domain-through-entry", "server/b/deep.server.ts")).toBe(true);
    expect(has(vs, "no-app-from-server", "server/b/ui.server.ts")).toBe(true);
    expect(has(vs, "vocabulary-stands-alone", "vocabulary/bad.ts")).toBe(true);
    expect(has(vs, "outside-through-entry", "app/server/b.server.ts")).toBe(true);
    expect(has(vs, "browser-code-takes-browser-entry", "app/routes/other.tsx")).toBe(true);
    expect(has(vs, "browser-entry-no-server-code", "server/a/browser.ts")).toBe(true);
    expect(has(vs, "browser-entry-no-node-builtins", "server/a/browser.ts")).toBe(true);
    expect(has(vs, "no-cycle-between-domains", "server/")).toBe(true);
    expect(has(vs, "no-loop-between-domain-folders", "server/a ↔ server/b")).toBe(true);
    expect(has(vs, "composition-root-imported-by-no-one", "server/b/up.server.ts")).toBe(true);
    // The good files stay clean.
    expect(vs.filter((v) => v.from === "server/b/y.test.ts" || v.from === "app/routes/page.tsx")).toEqual([]);
  });

  it("find a loop between domain folders that no single module closes", async () => {
    const vs = await violationsOf({
      ...GOOD,
      // a → b through a file a's entry does not export: no module cycle, but the folders loop.
      "server/a/lonely.server.ts": `import { y } from "../b";\nexport const l = y;\n`,
    });
    expect(vs.map((v) => v.rule)).toEqual(["no-loop-between-domain-folders"]);
    expect(vs[0]!.to).toContain("server/a/lonely.server.ts → server/b/index.ts");
  });
});
