import crypto from "node:crypto";
import type { i18n } from "i18next";
import { createI18n, LOCALES, type Locale } from "./config";
import { namespacesOf, sliceOf, subsetOf, type Namespace } from "./namespaces";
import { resources } from "./resources.server";

/**
 * The dictionaries as the browser gets them (docs/decisions/056): one JSON file per namespace and locale,
 * named by a hash of its content, served at `/locales/<hash>/<namespace>.<locale>.json` with a year of
 * immutable caching. Built once per process; nothing here runs per request.
 */
export type Bundle = { locale: Locale; namespace: Namespace; hash: string; json: string; etag: string };

const bundles = new Map<string, Bundle>();
const manifests = new Map<Locale, Record<string, string>>();
for (const locale of LOCALES) {
  const manifest: Record<string, string> = {};
  for (const namespace of namespacesOf(resources[locale])) {
    const json = JSON.stringify(sliceOf(resources[locale], namespace));
    const hash = crypto.createHash("sha256").update(json).digest("base64url").slice(0, 12);
    bundles.set(`${namespace}.${locale}`, { locale, namespace, hash, json, etag: `"${hash}"` });
    manifest[namespace] = hash;
  }
  manifests.set(locale, manifest);
}

export const LOCALES_PATH = "/locales";

/** Namespace → content hash, for one locale: the root loader sends it so the browser can name the files. */
export function localeManifest(locale: Locale): Record<string, string> {
  return manifests.get(locale)!;
}

/** The bundle a `/locales/<hash>/<file>` request names, or null (unknown file, or a hash of another version). */
export function bundleFor(hash: string, file: string): Bundle | null {
  const bundle = bundles.get(file.replace(/\.json$/, ""));
  return bundle && file.endsWith(".json") && bundle.hash === hash ? bundle : null;
}

const instances = new Map<string, i18n>();

/**
 * The server render's translator for a page: only the namespaces the page declares, so a string a route
 * forgot to declare shows as its key on the server too (as it would in the browser), never silently.
 * One immutable instance per locale and namespace set, made on first use.
 */
export function pageI18n(locale: Locale, namespaces: readonly Namespace[]): i18n {
  const key = `${locale}:${namespaces.join(",")}`;
  let instance = instances.get(key);
  if (!instance) {
    instance = createI18n(locale, subsetOf(resources[locale], namespaces));
    instances.set(key, instance);
  }
  return instance;
}
