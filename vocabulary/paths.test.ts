import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { paths, withQuery } from "./paths";

const ROUTES = join(__dirname, "..", "app", "routes");
const P = "PARAM";

/** A flat-routes file name as a URL pattern ("staff.receipts.$id_.cancel.tsx" → "/staff/receipts/PARAM/cancel"); null for the splat. */
function patternOf(file: string): string | null {
  const name = file.replace(/\.tsx?$/, "");
  if (name === "$") return null;
  // `[.]` escapes a dot: keep it apart from the separators while splitting.
  const escaped = name.replace(/\[([^\]]*)\]/g, (_m, lit: string) => lit.replaceAll(".", "\u0000"));
  const segments = escaped
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, "").replace(/^\$[A-Za-z]+/, P).replaceAll("\u0000", "."));
  return `/${segments.join("/")}`.replace(/^\/$/, "/");
}

/** Every path of the table, builders called with PARAM for each parameter, without their query. */
function tablePatterns(node: unknown, out: string[] = []): string[] {
  if (typeof node === "string") out.push(node);
  else if (typeof node === "function") out.push(String((node as (...a: string[]) => string)(...Array<string>(node.length).fill(P))));
  else if (node && typeof node === "object") for (const v of Object.values(node)) tablePatterns(v, out);
  return out.map((p) => p.split("?")[0]!);
}

describe("vocabulary/paths (every page's path)", () => {
  const files = readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f) && !/\.test\./.test(f));
  const routePatterns = files.map(patternOf).filter((p): p is string => p !== null).sort();
  const table = [...new Set(tablePatterns(paths))].sort();

  it("reads the route files as expected", () => {
    expect(patternOf("staff.receipts.$id_.cancel.tsx")).toBe("/staff/receipts/PARAM/cancel");
    expect(patternOf("staff.reconciliation.$id[.csv].tsx")).toBe("/staff/reconciliation/PARAM.csv");
    expect(patternOf("dich-vu.yeu-cau-thi-hanh-an.da-gui[.]pdf.tsx")).toBe("/dich-vu/yeu-cau-thi-hanh-an/da-gui.pdf");
    expect(patternOf("_index.tsx")).toBe("/");
    expect(patternOf("$.tsx")).toBeNull();
  });

  it("names a route file for every path in the table", () => {
    expect(table.filter((p) => !routePatterns.includes(p))).toEqual([]);
  });

  it("has a path for every route file", () => {
    expect(routePatterns.filter((p) => !table.includes(p))).toEqual([]);
  });

  it("builds paths with their parameters and queries", () => {
    expect(paths.receipt("AB12")).toBe("/bien-lai/AB12");
    expect(paths.staff.request("0f0e")).toBe("/staff/requests/0f0e");
    expect(paths.fees.notice("a b")).toBe("/dich-vu/nop-tien/thong-bao?token=a%20b");
    expect(paths.fees.result()).toBe("/dich-vu/nop-tien/ket-qua");
    expect(withQuery(paths.staff.notices, { created: "TB/1", none: undefined })).toBe("/staff/notices?created=TB%2F1");
    expect(withQuery(paths.staff.newRefund("x"), { a: 1 })).toBe("/staff/refunds/new?ref=x&a=1");
  });
});
