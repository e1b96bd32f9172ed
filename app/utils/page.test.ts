import { describe, expect, it } from "vitest";
import { resources } from "../../vocabulary/i18n/resources.server";

const viResource = resources.vi;
import { pageTitle } from "./page";

const matches = [{ id: "root", data: { resource: viResource } }, { id: "routes/x", data: null }];

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
