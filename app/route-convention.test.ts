import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// ADR 055: a route's loader and action each call one server function; no SQL, no database handle and no
// guard in a route file (auth and queries live in the domain's web.server.ts, behind app/server/*.server.ts).

const ROUTES = join(__dirname, "routes");
const FORBIDDEN: [string, RegExp][] = [
  ["SQL (sql`…`)", /\bsql\s*(<[^>]*>)?\s*`/],
  ["the database handle (services.sql)", /services\s*\.\s*sql\b|\{\s*sql\s*\}\s*=\s*context/],
  ["a guard (requireStaff, requireCitizen, requireAccountant …)", /\brequire(Staff|StaffArea|Citizen|Accountant|RefundStaff|Draft)\b/],
  ["a session read (findSession, readCookie)", /\b(findSession|readCookie)\b/],
  ["server internals (../../server/**/*.server)", /from\s+"\.\.\/\.\.\/server\/[^"]*\.server"/],
];

export function violations(source: string): string[] {
  return FORBIDDEN.filter(([, re]) => re.test(source)).map(([what]) => what);
}

describe("route files (app/routes) hold no SQL, no auth and no database access", () => {
  it("catches each forbidden thing", () => {
    expect(violations("const rows = await sql`select 1`;")).toEqual(["SQL (sql`…`)"]);
    expect(violations("const r = await sql<{ id: string }[]>`select 1`;")).toEqual(["SQL (sql`…`)"]);
    expect(violations("await listRuns(context.services.sql, {})")).toEqual(["the database handle (services.sql)"]);
    expect(violations("const { staff } = await requireAccountant(request, context);")).toEqual(["a guard (requireStaff, requireCitizen, requireAccountant …)"]);
    expect(violations('import { findSession } from "../server/accounts.server";')).toEqual(["a session read (findSession, readCookie)"]);
    expect(violations('import { x } from "../../server/payments/notices.server";')).toEqual(["server internals (../../server/**/*.server)"]);
    expect(violations("export const loader = (args: LoaderFunctionArgs) => loadStaffReceipts(args);")).toEqual([]);
  });

  const files = readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f));
  it.each(files)("%s", (file) => {
    expect(violations(readFileSync(join(ROUTES, file), "utf8"))).toEqual([]);
  });
});
