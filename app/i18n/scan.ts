import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vi from "../../vocabulary/i18n/vi";
import { CORE_NAMESPACES, type Namespace } from "../../vocabulary/i18n/namespaces";

/**
 * A static scan for the namespace test (namespaces.test.ts): which translation keys a route's file and
 * the browser-side modules it imports (transitively; not `*.server.*` files) name, as string literals
 * (`t("payments.lookup.title")`, error keys in shared schemas), template-literal prefixes
 * (`t(\`filing.steps.${id}.title\`)`) and resource paths in `meta` (`(r) => r.payments.lookup.title`).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function nodeAt(keyPath: string): unknown {
  return keyPath.split(".").reduce<unknown>((o, p) => (o && typeof o === "object" ? (o as Record<string, unknown>)[p] : undefined), vi);
}

function resolveImport(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The file and every relative import it reaches (TypeScript sources only, no server-only modules). */
export function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      const target = resolveImport(file, m[1]!);
      if (!target || /\.server\.[tj]sx?$/.test(target) || target.includes(`${path.sep}vocabulary${path.sep}i18n${path.sep}`)) continue;
      if (!/\.(ts|tsx)$/.test(target) || /\.test\.tsx?$/.test(target)) continue;
      visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

export type KeyUse = { file: string; key: string; prefix: boolean };

/** Keys (and key prefixes of template literals) that one file names. */
export function keysIn(file: string): KeyUse[] {
  const text = fs.readFileSync(file, "utf8");
  const out: KeyUse[] = [];
  for (const m of text.matchAll(/"([a-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+)"|'([a-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+)'/g)) {
    const key = (m[1] ?? m[2])!;
    if (typeof nodeAt(key) === "string") out.push({ file, key, prefix: false });
  }
  for (const m of text.matchAll(/`([a-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.)\$\{/g)) {
    const key = m[1]!.slice(0, -1);
    if (nodeAt(key) && typeof nodeAt(key) === "object") out.push({ file, key, prefix: true });
  }
  for (const m of text.matchAll(/\b(?:r|resource|root\?\.resource)\??\.([a-z][A-Za-z0-9]*(?:\??\.[A-Za-z0-9]+)+)/g)) {
    const key = m[1]!.replace(/\?/g, "");
    const node = nodeAt(key);
    if (typeof node === "string") out.push({ file, key, prefix: false });
    else if (node && typeof node === "object") out.push({ file, key, prefix: true });
  }
  return out;
}

/** The namespaces a route's `export const handle = { i18n: [...] }` declares ([] if none). */
export function declaredNamespaces(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const m = /export const handle(?::\s*I18nHandle)?\s*=\s*\{\s*i18n:\s*\[([^\]]*)\]/.exec(text);
  return m ? [...m[1]!.matchAll(/"([^"]+)"/g)].map((x) => x[1]!) : [];
}

/** Whether a namespace set covers a key (or, for a prefix, everything under it). */
export function covers(namespaces: Iterable<string>, use: { key: string; prefix: boolean }): boolean {
  for (const ns of namespaces) if (use.key === ns || use.key.startsWith(`${ns}.`)) return true;
  return false;
}

/** The smallest namespace that holds a key: what a route should declare for it. */
export function namespaceFor(key: string): Namespace {
  const [top, second] = key.split(".");
  return (["filing", "payments", "receipts", "account"].includes(top!) && second ? `${top}.${second}` : top) as Namespace;
}

export const CORE = CORE_NAMESPACES as readonly string[];
export const ROUTES_DIR = path.join(ROOT, "app", "routes");
export const ROOT_FILE = path.join(ROOT, "app", "root.tsx");
