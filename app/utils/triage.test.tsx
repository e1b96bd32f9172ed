import { afterEach, describe, expect, it, vi } from "vitest";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { I18nextProvider } from "react-i18next";
import { pageI18n } from "../../vocabulary/i18n/bundles.server";
import { routeNamespaces } from "../../vocabulary/i18n/namespaces";
import { LEGAL_RULES } from "../../server/deadlines/browser";
import { SERVICES } from "../../vocabulary/services";
import { triageEntries } from "./triage";
import Page, { handle, loader } from "../routes/ban-can-lam-gi";

function render(data: ReturnType<typeof loader>, lang: "vi" | "en" = "vi") {
  const i18n = pageI18n(lang, routeNamespaces([handle]));
  const router = createMemoryRouter([{ path: "/ban-can-lam-gi", element: <Page />, loader: () => data, id: "r" }], {
    initialEntries: ["/ban-can-lam-gi"],
    hydrationData: { loaderData: { r: data } },
  });
  return renderToString(<I18nextProvider i18n={i18n}><RouterProvider router={router} /></I18nextProvider>).replace(/<!-- -->/g, "");
}

const timeOf = (html: string, key: string) => html.match(new RegExp(`data-testid="time-${key}">([^<]*)`))?.[1];

afterEach(() => vi.useRealTimers());

// The triage page says how long each procedure takes from the LEGAL_RULES row in force today, never from
// a number typed into its words (ADR 078).
describe("the triage page", () => {
  it("lists every procedure with its link, and the complaint group the home page leads to", () => {
    const html = render({ entries: triageEntries("2026-12-02") });
    expect(html).toContain("<h1>Bạn cần làm gì?</h1>");
    for (const href of ["/dich-vu/yeu-cau-thi-hanh-an", "/dich-vu/nop-tien", "/dich-vu/tong-dat-van-ban", "/dich-vu/khieu-nai", "/dich-vu/to-cao", "/dich-vu/phan-anh-kien-nghi", "/dich-vu/xac-nhan-ket-qua", "/dich-vu/thay-doi-chap-hanh-vien", "/danh-sach-chua-co-dieu-kien-thi-hanh", "/tra-cuu"]) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain('id="khieu-nai-to-cao"');
    expect(SERVICES.find((s) => s.slug === "khieu-nai-to-cao")!.href).toBe("/ban-can-lam-gi#khieu-nai-to-cao");
  });

  it("reads the period of the rule version in force on the day (the 2026 decree shortens officer change to 3 working days)", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-30T10:00:00+07:00"));
    expect(timeOf(render(loader()), "officer")).toContain("Thủ trưởng cơ quan trả lời trong 5 ngày làm việc.");
    vi.setSystemTime(new Date("2026-07-01T10:00:00+07:00"));
    expect(timeOf(render(loader()), "officer")).toContain("Thủ trưởng cơ quan trả lời trong 3 ngày làm việc.");
  });

  it("changes when a rule changes, in both languages (plural in English)", () => {
    const changed = LEGAL_RULES.map((r) => (r.id === "enforcement.decide-request" ? { ...r, amount: 1 } : r));
    expect(timeOf(render({ entries: triageEntries("2026-12-02") }), "request")).toContain("Cơ quan ra quyết định thi hành án trong 5 ngày làm việc kể từ khi nhận đơn.");
    expect(timeOf(render({ entries: triageEntries("2026-12-02", changed) }), "request")).toContain("Cơ quan ra quyết định thi hành án trong 1 ngày làm việc kể từ khi nhận đơn.");
    expect(timeOf(render({ entries: triageEntries("2026-12-02", changed) }, "en"), "request")).toContain("The office decides on enforcement within 1 working day of receiving the request.");
    expect(timeOf(render({ entries: triageEntries("2026-12-02") }, "en"), "request")).toContain("The office decides on enforcement within 5 working days of receiving the request.");
  });

  it("says 'at once' for the procedures without a period", () => {
    const html = render({ entries: triageEntries("2026-12-02") });
    expect(timeOf(html, "lookup")).toContain("Kết quả hiện ngay.");
    expect(timeOf(html, "pay")).toContain("Ngay khi thanh toán xong: biên lai điện tử được cấp liền.");
  });
});
