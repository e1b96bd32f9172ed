import type { Locale } from "../../vocabulary/i18n/config";

/** "1,5 MB" in vi, "1.5 MB" in en; KB below one megabyte. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const fmt = (n: number) => n.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${fmt(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${fmt(bytes / 1024 / 1024)} MB`;
}
