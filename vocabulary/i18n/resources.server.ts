import en from "./en";
import vi, { type Resource } from "./vi";
import { createI18n, type Locale } from "./config";
import { HEAVY_SECTIONS } from "./sections";

export const resources: Record<Locale, Resource> = { vi, en };

const cache = new Map<Locale, ReturnType<typeof createI18n>>();

/** A shared translator per locale for server code (e-mails, PDFs, errors): instances are immutable here. */
export function serverT(locale: Locale) {
  let instance = cache.get(locale);
  if (!instance) {
    instance = createI18n(locale, resources[locale]);
    cache.set(locale, instance);
  }
  return instance.t;
}

const cores = new Map<Locale, Resource>();

/** The dictionary without the large areas' sections (see sections.ts), built once per locale. */
export function dictionary(locale: Locale, which: "core" | "all"): Resource {
  if (which === "all") return resources[locale];
  let core = cores.get(locale);
  if (!core) {
    const copy: Record<string, unknown> = { ...resources[locale] };
    for (const key of HEAVY_SECTIONS) delete copy[key];
    core = copy as Resource;
    cores.set(locale, core);
  }
  return core;
}
