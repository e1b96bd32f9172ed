import type { Locale } from "./i18n/config";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

/** Money is an integer number of đồng: `48.136.219.921 ₫` in vi, `VND 48,136,219,921` in en. */
export function formatMoney(dong: number | bigint, locale: Locale): string {
  const n = typeof dong === "bigint" ? dong : BigInt(Math.trunc(dong));
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString();
  const sep = locale === "vi" ? "." : ",";
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const sign = negative ? "-" : "";
  return locale === "vi" ? `${sign}${grouped} ₫` : `${sign}VND ${grouped}`;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let f = dateFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", {
      timeZone: TIME_ZONE,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
    });
    dateFormatters.set(key, f);
  }
  return f;
}

function parts(date: Date, locale: Locale, withTime: boolean) {
  const p = Object.fromEntries(formatter(locale, withTime).formatToParts(date).map((x) => [x.type, x.value]));
  return p as Record<"day" | "month" | "year" | "hour" | "minute", string>;
}

/** dd/mm/yyyy in Vietnam's time zone, whatever the server's zone. */
export function formatDate(date: Date | string, locale: Locale): string {
  const p = parts(new Date(date), locale, false);
  return `${p.day}/${p.month}/${p.year}`;
}

/** dd/mm/yyyy HH:mm in Vietnam's time zone. */
export function formatDateTime(date: Date | string, locale: Locale): string {
  const p = parts(new Date(date), locale, true);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
