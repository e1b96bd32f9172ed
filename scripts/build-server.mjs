// Bundles server/index.ts (and what it imports from server/, app/ and emails/) into build/server.js.
// npm packages stay external; migrations are copied beside it so the bundle finds them.
import { build } from "esbuild";
import fs from "node:fs";

await build({
  entryPoints: {
    server: "server/index.ts",
    worker: "server/worker-main.ts",
    "worker-thread": "server/worker-thread.ts",
    migrate: "server/migrate-main.ts",
  },
  outdir: "build",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  jsx: "automatic",
  sourcemap: true,
  logLevel: "warning",
});
fs.rmSync("build/migrations", { recursive: true, force: true });
fs.cpSync("server/db/migrations", "build/migrations", { recursive: true });
