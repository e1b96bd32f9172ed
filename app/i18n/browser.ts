import type { i18n } from "i18next";
import { createI18n, isLocale, DEFAULT_LOCALE, type Locale } from "../../vocabulary/i18n/config";
import { placeSlice, type Namespace } from "../../vocabulary/i18n/namespaces";
import type { Resource } from "../../vocabulary/i18n/vi";
import { localeFileUrl, type I18nSource } from "./page";

/**
 * The browser's translations (docs/decisions/056): one i18next instance per locale that starts empty and
 * gains each namespace file the pages need. The first page's files are preloaded by its HTML and read
 * before hydration; a client-side navigation fetches what the next page lacks (long-cached, immutable).
 */
const instances = new Map<Locale, i18n>();
const loaded = new Set<string>();
const pending = new Map<string, Promise<void>>();

function instanceFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createI18n(locale, {} as Resource);
    instances.set(locale, instance);
  }
  return instance;
}

async function loadFile(locale: Locale, ns: Namespace, url: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const tree: Record<string, unknown> = {};
  placeSlice(tree, ns, await response.json());
  instanceFor(locale).addResourceBundle(locale, "translation", tree, true, true);
  loaded.add(`${locale}:${ns}`);
}

function load(locale: Locale, ns: Namespace, url: string): Promise<void> {
  const key = `${locale}:${ns}`;
  let promise = pending.get(key);
  if (!promise) {
    promise = loadFile(locale, ns, url);
    pending.set(key, promise);
    promise.catch(() => pending.delete(key));
  }
  return promise;
}

export const browserI18nSource: I18nSource = {
  get(locale, namespaces, manifest) {
    const missing = namespaces.filter((ns) => !loaded.has(`${locale}:${ns}`) && manifest[ns]);
    if (!missing.length) return instanceFor(locale);
    return Promise.all(missing.map((ns) => load(locale, ns, localeFileUrl(locale, ns, manifest[ns]!)))).then(
      () => undefined,
      () => {
        // The files could not be fetched (offline, a new version deployed): let the server render the
        // page instead, which needs no file. The URL is already the next page's.
        window.location.reload();
        return new Promise<void>(() => {});
      },
    );
  },
};

/** Before hydrating: the namespace files the server-rendered page preloads (`<link data-i18n>`). */
export function loadPreloadedNamespaces(): Promise<void> {
  const lang = document.documentElement.lang;
  const locale: Locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const links = [...document.querySelectorAll<HTMLLinkElement>("link[data-i18n]")];
  return Promise.all(links.map((l) => load(locale, l.dataset.i18n as Namespace, l.href))).then(() => undefined);
}
