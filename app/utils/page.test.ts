import { describe, expect, it } from "vitest";
import { resources } from "../../vocabulary/i18n/resources.server";
import { localeManifest, pageI18n } from "../../vocabulary/i18n/bundles.server";
import { setI18nSource } from "../i18n/page";
import { pageTitle } from "./page";

const viResource = resources.vi;
// As on the server (entry.server.tsx): the page's translations are its declared namespaces (ADR 056).
setI18nSource({ get: (locale, namespaces) => pageI18n(locale, namespaces) });
const matches = [
  { id: "root", data: { locale: "vi", i18n: localeManifest("vi") } },
  { id: "routes/x", data: null, handle: { i18n: ["payments.lookup", "filing.start"] } },
];

describe("pageTitle (every route's meta)", () => {
  it("follows the page's title with the site's short name", () => {
    expect(pageTitle(matches, (r) => r.payments.lookup.title)).toEqual([{ title: `${viResource.payments.lookup.title} – Cổng THADS` }]);
  });
  it("shows the page's title alone where the page asks so, and keeps extra tags", () => {
    expect(pageTitle(matches, (r) => r.filing.start.title, { site: false, extra: [{ httpEquiv: "refresh", content: "3" }] })).toEqual([
      { title: viResource.filing.start.title },
      { httpEquiv: "refresh", content: "3" },
    ]);
  });
  it("falls back to THADS without translations or without a title", () => {
    expect(pageTitle([], (r) => r.payments.lookup.title)).toEqual([{ title: "THADS" }]);
    expect(pageTitle([], (r) => r.filing.start.title, { site: false })).toEqual([{ title: "THADS" }]);
    expect(pageTitle(matches, () => undefined, { site: false })).toEqual([{ title: "THADS" }]);
    expect(pageTitle(matches, () => undefined)).toEqual([{ title: "Cổng THADS" }]);
  });
});
