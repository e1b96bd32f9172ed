import en from "./en";
import vi, { type Resource } from "./vi";
import { createI18n, type Locale } from "./config";

/**
 * Every string in both languages: server code (e-mails, PDFs, errors) translates with all of them. English
 * has the shape of Vietnamese except its plural leaves (`<key>_one`/`<key>_other` for a Vietnamese
 * `plural(...)` `<key>`, see Translation), which only t() resolves: read a counted string through t().
 */
export const resources: Record<Locale, Resource> = { vi, en: en as unknown as Resource };

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
