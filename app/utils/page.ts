import type { MetaDescriptor } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../vocabulary/i18n/config";
import type { Resource } from "../../vocabulary/i18n/vi";
import { resourceFrom } from "../i18n/page";

// The one way a route names its page (`meta`) and reads the language (`useLocale`); see ADR 055.

type Matches = readonly { id: string; data: unknown; handle?: unknown }[];

/**
 * The page's translations (its declared namespaces, ADR 056), when the root loader answered (not on an
 * error before it ran). A namespace the route did not declare reads as undefined (the namespace test
 * catches it first).
 */
function rootResource(matches: Matches): Resource | undefined {
  return resourceFrom(matches);
}

export type PageTitleOptions = {
  /**
   * Whether the site's short name follows the page's ("Tra cứu thông báo – THADS"): payments, receipts
   * and staff money pages say it; the filing journey, sign-in and the request pages show the page's
   * name alone (their titles are asserted as they are).
   */
  site?: boolean;
  /** More tags for the page (a meta refresh while a payment is checked). */
  extra?: MetaDescriptor[];
};

/**
 * A route's `meta`: `export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (x) => x.payments.lookup.title)`.
 * `pick` reads the title from the translations (or from the loader's data); when it has none, the page
 * is titled "THADS". Root's `MetaWithErrorTitle` adds "Lỗi: " while the page shows errors.
 */
export function pageTitle(matches: Matches, pick: (r: Resource) => string | null | undefined, { site = true, extra = [] }: PageTitleOptions = {}): MetaDescriptor[] {
  const resource = rootResource(matches);
  const own = resource ? pick(resource) : undefined;
  if (!site) return [{ title: own ?? "THADS" }, ...extra];
  const siteShort = resource?.meta.siteShort ?? "THADS";
  return [{ title: own != null ? `${own} – ${siteShort}` : siteShort }, ...extra];
}

/** The page's language (vi or en), the one i18next renders with. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "vi";
}
