// Bundles server/index.ts (and what it imports from server/, app/ and emails/) into build/server.js.
// npm packages stay external; migrations and every domain's rules.sql are copied beside it so the bundle
// finds them (build/migrations, build/rules/<domain>/rules.sql: server/db/migrate.server.ts).
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
fs.rmSync("build/rules", { recursive: true, force: true });
for (const domain of fs.readdirSync("server")) {
  const file = `server/${domain}/rules.sql`;
  if (!fs.existsSync(file)) continue;
  fs.mkdirSync(`build/rules/${domain}`, { recursive: true });
  fs.copyFileSync(file, `build/rules/${domain}/rules.sql`);
}
