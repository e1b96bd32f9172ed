// `npm run lint:deps`: checks the import rules of .dependency-cruiser.cjs with dependency-cruiser, and that
// no two domain folders depend on each other in a loop (the folder graph, tests left out: a test is a
// leaf). Prints each violation and exits 1 if there is any (docs/decisions/050-domains-behind-entry-files.md).
//
// Through dependency-cruiser's API rather than its `depcruise` command: the command refuses Node 20 (its
// `engines` asks for 22+), which package.json still supports; the API itself runs on Node 20.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { cruise } from "dependency-cruiser";

export const ROOTS = ["app", "server", "emails", "vocabulary", "test", "bench", "scripts", "e2e"];
const TEST = /(\.test\.tsx?$|^test\/|\/test-harness\.tsx?$)/;

/** Loops between domain folders: `a → b → a` as ["server/a", "server/b"], from the cruise's modules. */
export function domainCycles(modules) {
  const domainOf = (p) => /^server\/([^/]+)\//.exec(p)?.[1] ?? null;
  const edges = new Map();
  for (const m of modules) {
    const from = domainOf(m.source);
    if (!from || TEST.test(m.source)) continue;
    for (const d of m.dependencies) {
      const to = domainOf(d.resolved);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, `${m.source} → ${d.resolved}`);
    }
  }
  // Tarjan's strongly connected components: every component of two or more domains is a loop.
  let index = 0;
  const idx = new Map(), low = new Map(), stack = [], on = new Set(), loops = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index++); stack.push(v); on.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do { w = stack.pop(); on.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1) loops.push(scc.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return loops.map((scc) => ({
    domains: scc.map((d) => `server/${d}`),
    imports: scc.flatMap((a) => scc.filter((b) => edges.get(a)?.has(b)).map((b) => edges.get(a).get(b))),
  }));
}

/**
 * Runs the rules over `roots` (relative to `cwd`) and returns the violations: dependency-cruiser's, as
 * { rule, from, to }, and the domain loops as { rule: "no-loop-between-domain-folders", ... }.
 */
export async function checkDependencies({ cwd = process.cwd(), roots = ROOTS, config = ".dependency-cruiser.cjs" } = {}) {
  const previous = process.cwd();
  process.chdir(cwd); // dependency-cruiser resolves and reports paths relative to the working directory
  try {
    const require = createRequire(pathToFileURL(path.join(cwd, "package.json")));
    const rules = require(path.resolve(config));
    const present = roots.filter((r) => require("node:fs").existsSync(r));
    const result = await cruise(present, { ...rules.options, ruleSet: { forbidden: rules.forbidden }, validate: true, outputType: "json" });
    const output = typeof result.output === "string" ? JSON.parse(result.output) : result.output;
    const violations = (output.summary.violations ?? []).map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, cycle: v.cycle?.map((c) => c.name ?? c) }));
    for (const loop of domainCycles(output.modules)) {
      violations.push({ rule: "no-loop-between-domain-folders", from: loop.domains.join(" ↔ "), to: loop.imports.join("; ") });
    }
    return violations;
  } finally {
    process.chdir(previous);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const violations = await checkDependencies();
  for (const v of violations) {
    process.stdout.write(`✖ ${v.rule}: ${v.from} → ${v.to}${v.cycle ? `\n    cycle: ${v.cycle.join(" → ")}` : ""}\n`);
  }
  if (violations.length) {
    process.stdout.write(`\n${violations.length} import rule violation(s); see .dependency-cruiser.cjs and docs/decisions/050-domains-behind-entry-files.md.\n` +
      "`node scripts/entry-imports.mjs` rewrites deep imports to entries.\n");
    process.exit(1);
  }
  process.stdout.write("import rules: no violations\n");
}
