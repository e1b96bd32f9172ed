import type { Resource } from "./vi";

/**
 * Translation namespaces: the slices of the dictionary a page can ask for (docs/decisions/056). A
 * namespace is a key prefix: a top-level section (`home`, `errors`), or, for the large sections listed
 * in SPLIT, one of their second-level parts (`filing.fields`, `payments.lookup`). Each route declares the
 * namespaces its own strings use (`export const handle = { i18n: ["payments.lookup"] }`); CORE_NAMESPACES
 * (the page shell, error pages and shared form messages) are always there.
 *
 * Browser-safe: types and names only, never the dictionaries themselves.
 */
export const SPLIT = ["filing", "payments", "receipts", "account", "workflow"] as const;
type Split = (typeof SPLIT)[number];

export type Namespace =
  | Exclude<keyof Resource, Split>
  | { [K in Split]: `${K}.${keyof Resource[K] & string}` }[Split];

/** What the page shell (root.tsx), the error pages and the shared form components use. */
export const CORE_NAMESPACES = ["meta", "layout", "lang", "errors", "validation", "staff", "account.nav", "account.timeout", "secondFactor"] as const satisfies readonly Namespace[];

/** The namespaces of a resource (every top-level key; the SPLIT sections' second-level keys instead). */
export function namespacesOf(resource: object): Namespace[] {
  return Object.entries(resource).flatMap(([key, value]) =>
    (SPLIT as readonly string[]).includes(key) ? Object.keys(value as object).map((sub) => `${key}.${sub}`) : [key],
  ) as Namespace[];
}

/** The part of a resource under one namespace (`filing.fields` → resource.filing.fields). */
export function sliceOf(resource: object, ns: Namespace): unknown {
  return ns.split(".").reduce<unknown>((o, part) => (o && typeof o === "object" ? (o as Record<string, unknown>)[part] : undefined), resource);
}

/** Puts a namespace's slice back at its place in a (partial) resource tree. */
export function placeSlice(target: Record<string, unknown>, ns: Namespace, slice: unknown): void {
  const parts = ns.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = slice;
}

/** The resource cut down to some namespaces (the rest absent: a key outside them is missing). */
export function subsetOf(resource: object, namespaces: Iterable<Namespace>): Resource {
  const out: Record<string, unknown> = {};
  for (const ns of namespaces) {
    const slice = sliceOf(resource, ns);
    if (slice !== undefined) placeSlice(out, ns, slice);
  }
  return out as Resource;
}

/** Core first, then what the matched routes declare, each once, in a stable order (a cache key). */
export function routeNamespaces(handles: Iterable<unknown>): Namespace[] {
  const set = new Set<Namespace>(CORE_NAMESPACES);
  for (const handle of handles) {
    const declared = (handle as { i18n?: unknown } | null | undefined)?.i18n;
    if (Array.isArray(declared)) for (const ns of declared) if (typeof ns === "string") set.add(ns as Namespace);
  }
  return [...set].sort();
}

/** The route `handle` shape: `export const handle: I18nHandle = { i18n: ["payments.lookup"] }`. */
export type I18nHandle = { i18n: readonly Namespace[] };
