import i18next, { type i18n } from "i18next";
import type { Resource } from "./vi";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";
export const LANG_COOKIE = "lang";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A synchronous i18next instance for one locale: used per request on the server and once in the browser. */
export function createI18n(locale: Locale, resource: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: resource } },
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  // `{{seconds, wait}}`: a wait given in seconds, said as people say it ("30 giây", "5 phút", "2 giờ").
  instance.services.formatter?.add("wait", (value: unknown) => formatWait(Number(value), locale));
  return instance;
}

/** A wait in seconds as words: seconds under a minute, minutes under an hour, else hours (rounded up). */
export function formatWait(seconds: number, locale: Locale): string {
  const s = Math.max(1, Math.ceil(Number.isFinite(seconds) ? seconds : 1));
  const [n, unit] = s < 60 ? [s, 0] : s < 3600 ? [Math.ceil(s / 60), 1] : [Math.ceil(s / 3600), 2];
  if (locale === "vi") return `${n} ${["giây", "phút", "giờ"][unit]}`;
  return `${n} ${["second", "minute", "hour"][unit]}${n === 1 ? "" : "s"}`;
}

/** Cookie first, then Accept-Language, then Vietnamese. */
export function detectLocale(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  const fromCookie = /(?:^|;\s*)lang=([a-z]{2})/.exec(cookieHeader ?? "")?.[1];
  if (isLocale(fromCookie)) return fromCookie;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: (tag ?? "").slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find(isLocale) ?? DEFAULT_LOCALE;
}
