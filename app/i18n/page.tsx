import type { i18n } from "i18next";
import { useMatches, useRouteLoaderData } from "@remix-run/react";
import { routeNamespaces, type Namespace } from "../../vocabulary/i18n/namespaces";
import type { Locale } from "../../vocabulary/i18n/config";
import type { Resource } from "../../vocabulary/i18n/vi";

/**
 * Where a page's translations come from (docs/decisions/056). The server entry registers one that cuts
 * the full dictionaries down to the page's namespaces; the browser entry one that fetches the
 * namespace files it lacks. `get` returns the translator, or a promise while namespaces still load.
 */
export type I18nSource = {
  get(locale: Locale, namespaces: readonly Namespace[], manifest: LocaleManifest): i18n | Promise<void>;
};
/** Namespace → content hash of its file for one locale (the root loader's `i18n`). */
export type LocaleManifest = Record<string, string>;

let source: I18nSource | null = null;
export function setI18nSource(s: I18nSource) {
  source = s;
}

/** `/locales/<hash>/<namespace>.<locale>.json`: immutable, named by its content (server/http/locales.server.ts). */
export function localeFileUrl(locale: Locale, ns: string, hash: string) {
  return `/locales/${hash}/${ns}.${locale}.json`;
}

type RootI18nData = { locale: Locale; i18n: LocaleManifest };
type MatchLike = { id: string; handle?: unknown; data?: unknown };

function translatorFor(root: RootI18nData | undefined, handles: unknown[]): { i18n: i18n; namespaces: Namespace[] } | Promise<void> | null {
  if (!root?.i18n || !source) return null;
  const namespaces = routeNamespaces(handles);
  const got = source.get(root.locale, namespaces, root.i18n);
  return got instanceof Promise ? got : { i18n: got, namespaces };
}

/**
 * The translator for the page being rendered: core plus what the matched routes declare in
 * `handle.i18n`. In the browser, a client-side navigation to a page with namespaces not loaded yet
 * suspends here (inside the router's transition, so the previous page stays on screen) until they are.
 */
export function usePageI18n(): { i18n: i18n; namespaces: Namespace[] } | null {
  const root = useRouteLoaderData("root") as RootI18nData | undefined;
  const matches = useMatches();
  const got = translatorFor(root, matches.map((m) => m.handle));
  if (got instanceof Promise) throw got; // Suspense: React keeps the old page until the strings are in
  return got;
}

/** The page's strings as a resource tree, for `meta` functions (they cannot use hooks): undefined if none. */
export function resourceFrom(matches: readonly MatchLike[]): Resource | undefined {
  const root = matches.find((m) => m.id === "root")?.data as RootI18nData | undefined;
  const got = translatorFor(root, matches.map((m) => m.handle));
  if (!got || got instanceof Promise) return undefined;
  return got.i18n.store.data[root!.locale]?.translation as Resource | undefined;
}

/** The `<link rel=preload>`s of the page's namespace files: the browser fetches them with the scripts. */
export function LocalePreloads({ locale, manifest, namespaces }: { locale: Locale; manifest: LocaleManifest; namespaces: readonly Namespace[] }) {
  return (
    <>
      {namespaces.map((ns) =>
        manifest[ns] ? <link key={ns} rel="preload" as="fetch" crossOrigin="anonymous" href={localeFileUrl(locale, ns, manifest[ns]!)} data-i18n={ns} /> : null,
      )}
    </>
  );
}
