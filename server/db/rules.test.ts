import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { functionNames, tableCatalog, triggerNames } from "../../test/schema-catalog";
import { withDatabase } from "./bootstrap.server";
import { createPool } from "./client.server";
import { RULES, migrate, readMigrations, readRules } from "./migrate.server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", ".git", "build", ".data", ".cache", "test-results", "playwright-report", "reports", "public"]);

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, keep, out);
    else if (keep(full)) out.push(full);
  }
  return out;
}

export type Definition = { kind: "function" | "trigger"; name: string; file: string };

/** SQL without its `--` comments (a comment may name a function without defining it). */
function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, "");
}

/**
 * The functions, procedures and triggers a SQL text defines: `create [or replace] function|procedure
 * <name>` and `create [or replace] [constraint] trigger <name> … on <table>` (a trigger's name is its
 * table's: `name on table`).
 */
export function definitions(sql: string, file: string): Definition[] {
  const text = stripComments(sql);
  const found: Definition[] = [];
  const unquote = (s: string) => s.replace(/"/g, "").toLowerCase().replace(/^public\./, "");
  for (const m of text.matchAll(/\bcreate\s+(?:or\s+replace\s+)?(?:function|procedure)\s+((?:"?\w+"?\.)?"?\w+"?)\s*\(/gi)) {
    found.push({ kind: "function", name: unquote(m[1]!), file });
  }
  for (const m of text.matchAll(/\bcreate\s+(?:or\s+replace\s+)?(?:constraint\s+)?trigger\s+("?\w+"?)\s[\s\S]*?\bon\s+((?:"?\w+"?\.)?"?\w+"?)/gi)) {
    found.push({ kind: "trigger", name: `${unquote(m[1]!)} on ${unquote(m[2]!)}`, file });
  }
  return found;
}

/** Every definition problem in these files: a name defined twice, or defined outside a listed rules file. */
export function problems(files: { file: string; sql: string }[], rulesFiles: string[]): string[] {
  const defs = files.flatMap((f) => definitions(f.sql, f.file));
  const out: string[] = [];
  const byName = new Map<string, Definition[]>();
  for (const d of defs) byName.set(`${d.kind} ${d.name}`, [...(byName.get(`${d.kind} ${d.name}`) ?? []), d]);
  for (const [key, list] of byName) {
    if (list.length > 1) out.push(`${key} is defined ${list.length} times: ${list.map((d) => d.file).join(", ")}`);
  }
  for (const d of defs) {
    if (d.file.startsWith("server/db/migrations/")) out.push(`${d.kind} ${d.name} is defined in a migration (${d.file}): move it to its domain's rules.sql`);
    else if (!rulesFiles.includes(d.file)) out.push(`${d.kind} ${d.name} is defined in ${d.file}, which is not a rules file applied at start (RULES in server/db/migrate.server.ts)`);
  }
  return out;
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");
const sqlFiles = () => walk(ROOT, (f) => f.endsWith(".sql")).map((f) => ({ file: rel(f), sql: fs.readFileSync(f, "utf8") }));
const listedRules = RULES.map((d) => `server/${d}/rules.sql`);

describe("SQL rules are defined once", () => {
  it("no function or trigger is defined in two .sql files, nor in a migration, nor outside a rules file", () => {
    const files = sqlFiles();
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(["server/db/migrations/00001_baseline/index.sql", ...listedRules]));
    expect(problems(files, listedRules)).toEqual([]);
  });

  it("the check finds a duplicate, a function in a migration and one in an unlisted file", () => {
    const fn = "create or replace function receipts_issue(p uuid) returns int language sql as $$ select 1 $$;";
    const trigger = "create trigger fee_notices_issue_receipt after update of status on public.fee_notices for each row execute function x();";
    const found = problems(
      [
        { file: "server/receipts/rules.sql", sql: `-- create function commented_out()\n${fn}\n${trigger}` },
        { file: "server/payments/rules.sql", sql: fn.replace("or replace ", "") },
        { file: "server/db/migrations/00002_x/index.sql", sql: `CREATE FUNCTION "Sneaky" (a int) returns int language sql as $$ select a $$;\n${trigger}` },
        { file: "server/filing/extra.sql", sql: "create procedure filing_tidy() language sql as $$ select 1 $$;" },
      ],
      listedRules,
    );
    expect(found).toEqual([
      "function receipts_issue is defined 2 times: server/receipts/rules.sql, server/payments/rules.sql",
      "trigger fee_notices_issue_receipt on fee_notices is defined 2 times: server/receipts/rules.sql, server/db/migrations/00002_x/index.sql",
      "function sneaky is defined in a migration (server/db/migrations/00002_x/index.sql): move it to its domain's rules.sql",
      "trigger fee_notices_issue_receipt on fee_notices is defined in a migration (server/db/migrations/00002_x/index.sql): move it to its domain's rules.sql",
      "function filing_tidy is defined in server/filing/extra.sql, which is not a rules file applied at start (RULES in server/db/migrate.server.ts)",
    ]);
  });

  it("every server/<domain>/rules.sql is applied at start, in the order of RULES", () => {
    const onDisk = walk(path.join(ROOT, "server"), (f) => path.basename(f) === "rules.sql").map(rel).sort();
    expect(onDisk).toEqual([...listedRules].sort());
    expect(readRules().map((r) => r.name)).toEqual(RULES.map((d) => `${d}/rules.sql`));
  });

  it("application code creates no SQL function or trigger (only rules files and tests do)", () => {
    const code = ["server", "app", "emails", "vocabulary", "scripts", "bench"]
      .filter((d) => fs.existsSync(path.join(ROOT, d)))
      .flatMap((d) => walk(path.join(ROOT, d), (f) => /\.(ts|tsx|mjs|js)$/.test(f) && !/\.test\.tsx?$/.test(f)));
    const offenders = code.filter((f) => /\bcreate\s+(or\s+replace\s+)?(function|procedure|(constraint\s+)?trigger)\s/i.test(stripComments(fs.readFileSync(f, "utf8")))).map(rel);
    expect(offenders).toEqual([]);
  });
});

describe("the migrated database", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it("holds exactly the functions and triggers the rules files define", async () => {
    const defs = readRules().flatMap((r) => definitions(r.sql, r.name));
    expect(await functionNames(db.sql)).toEqual(defs.filter((d) => d.kind === "function").map((d) => d.name).sort());
    expect(await triggerNames(db.sql)).toEqual(defs.filter((d) => d.kind === "trigger").map((d) => d.name).sort());
  });

  it("re-applies a changed function at the next start, and a dropped trigger comes back", async () => {
    await db.sql.unsafe(`create or replace function jobs_flush_outbox(p_limit int) returns int language sql as $$ select -1 $$`);
    await db.sql`drop trigger fee_notices_issue_receipt on fee_notices`;
    expect((await db.sql<{ n: number }[]>`select jobs_flush_outbox(1) as n`)[0]!.n).toBe(-1);
    expect(await migrate(db.sql)).toEqual([]); // nothing new to migrate, the rules still applied
    expect(await triggerNames(db.sql)).toContain("fee_notices_issue_receipt on fee_notices");
    const src = await db.sql<{ src: string }[]>`select prosrc as src from pg_proc where proname = 'jobs_flush_outbox'`;
    expect(src[0]!.src).toContain("for update skip locked");
  });
});

describe("the baseline migration", () => {
  it("builds the tables, types, indexes and constraints the eleven squashed migrations built", async () => {
    // test/fixtures/baseline-catalog.txt was written from a database migrated by 00001_init … 00011_job_runners
    // (the chain the baseline replaces); the baseline must keep building exactly that.
    const adminUrl = inject("adminUrl");
    const name = `${inject("runPrefix")}baseline_${crypto.randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template template0`); // template1 may be in use
    const sql = createPool(withDatabase(adminUrl, name), { max: 1 });
    try {
      const baseline = readMigrations().filter((m) => m.name === "00001_baseline");
      expect(await migrate(sql, baseline, [])).toEqual(["00001_baseline"]);
      expect(await tableCatalog(sql)).toBe(fs.readFileSync(path.join(ROOT, "test/fixtures/baseline-catalog.txt"), "utf8"));
      expect(await functionNames(sql)).toEqual([]); // the baseline defines no function
    } finally {
      await sql.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
