import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import vi from "../../vocabulary/i18n/vi";
import en from "../../vocabulary/i18n/en";
import { CORE_NAMESPACES, namespacesOf, routeNamespaces, subsetOf } from "../../vocabulary/i18n/namespaces";
import { bundleFor, localeManifest, pageI18n } from "../../vocabulary/i18n/bundles.server";
import { CORE, covers, declaredNamespaces, keysIn, moduleGraph, namespaceFor, ROOT_FILE, ROUTES_DIR } from "./scan";

const routeFiles = fs.readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f)).sort();
const known = new Set<string>(namespacesOf(vi));

describe("each page declares the namespaces of the strings it uses (ADR 056)", () => {
  it("finds keys in the route files at all (the scan is not blind)", () => {
    const uses = moduleGraph(path.join(ROUTES_DIR, "dich-vu.nop-tien._index.tsx")).flatMap(keysIn);
    expect(uses.map((u) => u.key)).toContain("payments.lookup.title");
    // the notice's status words, named by a template literal (`payments.notice.statuses.${status}`)
    const staffUses = moduleGraph(path.join(ROUTES_DIR, "staff.notices._index.tsx")).flatMap(keysIn);
    expect(staffUses.some((u) => u.prefix && u.key === "payments.notice.statuses")).toBe(true);
  });

  it("the page shell (root and what it imports) uses only the core namespaces", () => {
    const missing = moduleGraph(ROOT_FILE).flatMap(keysIn).filter((u) => !covers(CORE, u));
    expect(missing.map((u) => `${path.relative(ROUTES_DIR, u.file)}: ${u.key}`)).toEqual([]);
  });

  for (const file of routeFiles) {
    it(`app/routes/${file}`, () => {
      const full = path.join(ROUTES_DIR, file);
      const declared = declaredNamespaces(full);
      for (const ns of declared) expect(known.has(ns), `${ns} is not a namespace`).toBe(true);
      const available = [...CORE, ...declared];
      const missing = moduleGraph(full)
        .flatMap(keysIn)
        .filter((u) => !covers(available, u))
        .map((u) => `${path.relative(path.dirname(ROUTES_DIR), u.file)} uses ${u.key}${u.prefix ? ".*" : ""}: add "${namespaceFor(u.key)}" to the route's handle.i18n`);
      expect([...new Set(missing)]).toEqual([]);
    });
  }
});

describe("namespaces", () => {
  it("cut the dictionary into slices that together are the whole of it, in both languages", () => {
    expect(namespacesOf(en)).toEqual(namespacesOf(vi));
    expect(subsetOf(vi, namespacesOf(vi))).toEqual(vi);
    for (const ns of CORE_NAMESPACES) expect(known.has(ns), ns).toBe(true);
  });

  it("give a page only core plus what its routes declare", () => {
    const set = routeNamespaces([{ i18n: CORE_NAMESPACES }, undefined, { i18n: ["payments.lookup"] }, { other: 1 }]);
    expect(set).toContain("payments.lookup");
    expect(set).toContain("layout");
    expect(set).not.toContain("filing.fields");
    const page = subsetOf(vi, set) as Record<string, any>;
    expect(page.payments.lookup.title).toBe(vi.payments.lookup.title);
    expect(page.payments.staff).toBeUndefined();
    expect(page.filing).toBeUndefined();
  });

  it("render on the server with the declared namespaces only: an undeclared key shows as the key", () => {
    const t = pageI18n("vi", routeNamespaces([{ i18n: ["payments.lookup"] }])).t;
    expect(t("payments.lookup.title")).toBe(vi.payments.lookup.title);
    expect(t("filing.start.title")).toBe("filing.start.title");
    expect(pageI18n("vi", routeNamespaces([]))).toBe(pageI18n("vi", routeNamespaces([]))); // cached per set
  });

  it("are served as files named by their content; another version's name is not found", () => {
    const hash = localeManifest("en")["payments.lookup"]!;
    const bundle = bundleFor(hash, "payments.lookup.en.json");
    expect(JSON.parse(bundle!.json)).toEqual(en.payments.lookup);
    expect(bundleFor(hash, "payments.lookup.vi.json")).toBeNull(); // the vi file has its own hash
    expect(bundleFor("AAAAAAAAAAAA", "payments.lookup.en.json")).toBeNull();
    expect(localeManifest("vi")["payments.lookup"]).not.toBe(hash);
  });
});
