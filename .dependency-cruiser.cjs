// The import rules of the portal (docs/decisions/050-domains-behind-entry-files.md), checked by
// `npm run lint:deps` (scripts/lint-deps.mjs) as the first step of `npm test`: any violation fails it.
//
// Words used below: a DOMAIN is a folder server/<name>/ (accounts, filing, payments, ... , db, http, jobs);
// its ENTRIES are server/<name>/index.ts (server side) and server/<name>/browser.ts (browser-safe); the
// COMPOSITION ROOT is the top-level server/*.ts(x) files (HTTP mounts, job registry, cron, seed, the
// process entry points), the one place that imports every domain. TESTS are *.test.* files, test/ and
// a domain's test-harness.ts.
const TESTS = "(\\.test\\.tsx?$|^test/|/test-harness\\.tsx?$)";
const ENTRY = "^server/[^/]+/(index|browser)\\.tsx?$";
const ROOT = "^server/[^/]+\\.tsx?$";
// Node's built-in modules, as dependency-cruiser names them ("crypto" or "node:crypto").
const NODE_BUILTIN = `^(node:)?(${[
  "assert", "async_hooks", "buffer", "child_process", "cluster", "crypto", "dgram", "diagnostics_channel", "dns",
  "events", "fs", "http", "http2", "https", "inspector", "module", "net", "os", "path", "perf_hooks", "process",
  "querystring", "readline", "stream", "string_decoder", "timers", "tls", "tty", "url", "util", "v8", "vm",
  "worker_threads", "zlib",
].join("|")})(/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      // (a) The UI depends on the server, never the other way: shared words, locales and formatting live
      // in vocabulary/. Tests may drive a route module as Remix would (they import app/routes).
      name: "no-app-from-server",
      comment: "server/, emails/ and vocabulary/ must not import app/ (move what both need to vocabulary/)",
      severity: "error",
      from: { path: "^(server|emails|vocabulary)/", pathNot: TESTS },
      to: { path: "^app/" },
    },
    {
      // (a) vocabulary/ is the neutral layer under everything: it imports only npm packages and itself.
      name: "vocabulary-stands-alone",
      comment: "vocabulary/ must not import server/, app/ or emails/",
      severity: "error",
      from: { path: "^vocabulary/" },
      to: { path: "^(server|app|emails)/" },
    },
    {
      // (b) A domain reaches another only through its entry files; its other files are its own business.
      name: "domain-through-entry",
      comment: "import another domain through server/<domain>/index.ts (or browser.ts), not its internal files",
      severity: "error",
      from: { path: "^server/([^/]+)/" },
      to: { path: "^server/[^/]+/", pathNot: ["^server/$1/", ENTRY, "/test-harness\\.tsx?$"] },
    },
    {
      // (b) Likewise for everything outside the domains: app/ (also app/server/*.server.ts, the Remix
      // boundary), emails/, the composition root, tests, scripts, bench and e2e.
      name: "outside-through-entry",
      comment: "import a domain through server/<domain>/index.ts (or browser.ts), not its internal files",
      severity: "error",
      from: { path: `^(app|emails|vocabulary|test|bench|scripts|e2e)/|${ROOT}` },
      to: { path: "^server/[^/]+/", pathNot: ENTRY },
    },
    {
      // (b, c) Browser code takes the browser-safe entry: index.ts carries server code (argon2, postgres)
      // that Remix's browser build would try to bundle. Type-only imports vanish in the build.
      name: "browser-code-takes-browser-entry",
      comment: "app/ outside *.server.* files and app/server/ imports server/<domain>/browser.ts, not index.ts",
      severity: "error",
      from: { path: "^app/", pathNot: ["\\.server\\.tsx?$", "^app/server/", TESTS] },
      to: { path: "^server/[^/]+/index\\.tsx?$", dependencyTypesNot: ["type-only"] },
    },
    {
      // (c) browser.ts and everything it imports, however deep, must run in a browser.
      name: "browser-entry-no-server-code",
      comment: "a browser.ts entry must not reach a *.server.* file (or anything in server/<domain>/index.ts)",
      severity: "error",
      from: { path: "^server/[^/]+/browser\\.tsx?$" },
      to: { reachable: true, path: ["\\.server\\.tsx?$", "^server/[^/]+/index\\.tsx?$"] },
    },
    {
      // (c) ... nor Node's built-in modules.
      name: "browser-entry-no-node-builtins",
      comment: "a file a browser.ts entry reaches must not import Node built-ins",
      severity: "error",
      from: { path: "^server/[^/]+/browser\\.tsx?$" },
      to: { reachable: true, path: NODE_BUILTIN },
    },
    {
      // (d) No cycle through two domains: each new domain would otherwise tie itself to the knot. A
      // cycle inside one domain is tolerated (none today). scripts/lint-deps.mjs also checks the
      // folder graph, which finds a loop between domains even when no single module closes it.
      name: "no-cycle-between-domains",
      comment: "this import closes a cycle that runs through another domain; cut one direction",
      severity: "error",
      from: { path: "^server/([^/]+)/", pathNot: TESTS },
      to: { circular: true, via: { pathNot: "^server/$1/" } },
    },
    {
      // (e) Only the composition root (and tests) imports the composition root: the job registry
      // (server/tasks.server.tsx), the seed (server/seed.server.ts), the HTTP app and the mounts.
      name: "composition-root-imported-by-no-one",
      comment: "domains, app/ and emails/ must not import the composition root (server/*.ts): move the piece into a domain",
      severity: "error",
      from: { path: "^(server/[^/]+/|app/|emails/|vocabulary/)", pathNot: TESTS },
      to: { path: ROOT },
    },
    {
      // Test helpers (test/, a domain's test-harness.ts, vitest itself) never reach shipped code: an entry
      // that re-exported a harness once put vitest into the production server, which then would not start.
      name: "no-test-code-in-production",
      comment: "only tests may import test/, a test-harness.ts or vitest",
      severity: "error",
      from: { path: "^(server|app|emails|vocabulary)/", pathNot: TESTS },
      to: { path: [TESTS, "(^|/)node_modules/(vitest|@vitest)/"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|build|public)/" },
    // Type-only imports count too: a type is part of what a domain offers.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
    skipAnalysisNotInRules: true,
  },
};
