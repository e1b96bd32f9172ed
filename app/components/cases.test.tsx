import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { I18nextProvider } from "react-i18next";
import { pageI18n } from "../../vocabulary/i18n/bundles.server";
import { routeNamespaces } from "../../vocabulary/i18n/namespaces";
import Page, { handle } from "../routes/staff.cases.$id";

const data = {
  content: "cases.enforcementRequest",
  finalStates: ["refused", "closed"],
  case: { id: "c1", caseType: "enforcement-request", submissionId: "s1", reference: "YC-2026-0000001", agencyId: "a", agencyCode: "HNI-KV01", agencyName: "Phòng THADS KV1", state: "awaitingCitizen", caseNumber: null, externalCaseNumber: "PMTL-1", assigneeId: null, assigneeName: null, officerId: null, officerName: null, applicantName: "A", otherPartyName: "B", receivedAt: "2026-10-05T02:00:00Z", updatedAt: "2026-10-05T02:00:00Z", closedAt: null, nextDueOn: "2026-10-06", version: 1 },
  clocks: [
    { clock: "decide", state: "running", dueOn: "2026-10-12", remainingDays: null, endedAt: null, left: { workingDays: -2, overdue: true, dueSoon: false }, rule: { id: "enforcement.decide-request", amount: 5, unit: "working_days", effectiveFrom: "2015-07-01", basis: { vi: "Điều 36 Luật THADS", en: "Art. 36" }, title: { vi: "x", en: "x" } } },
    { clock: "notify", state: "running", dueOn: "2026-10-12", remainingDays: null, endedAt: null, left: { workingDays: 1, overdue: false, dueSoon: true }, rule: { id: "enforcement.notify-documents", amount: 3, unit: "working_days", effectiveFrom: "2015-07-01", basis: { vi: "Điều 39", en: "Art. 39" }, title: { vi: "x", en: "x" } } },
    { clock: "corrections", state: "stopped", dueOn: null, remainingDays: 3, endedAt: null, left: null, rule: { id: "enforcement.ask-corrections", amount: 1, unit: "working_days", effectiveFrom: "2026-07-01", basis: { vi: "Nghị định 152", en: "Decree 152" }, title: { vi: "x", en: "x" } } },
  ],
  events: [
    { id: 1, seq: 1, event: "received", fromState: null, toState: "received", actorType: "citizen", actorId: null, actorName: null, fields: {}, public: true, at: "2026-10-05T02:00:00Z" },
    { id: 2, seq: 2, event: "askForMore", fromState: "received", toState: "awaitingCitizen", actorType: "staff", actorId: "x", actorName: "Nguyễn Thị Thu Hà", fields: { message: "Cần bản án", documentTypes: ["judgment", "identity"] }, public: true, at: "2026-10-06T02:00:00Z" },
    { id: 3, seq: 3, event: "moneyCollected", fromState: "x", toState: "x", actorType: "staff", actorId: "x", actorName: "Y", fields: { amount: 15000000, decisionDate: "2026-10-07" }, public: true, at: "2026-10-06T02:00:00Z" },
  ],
  availableEvents: ["accept", "refuse"],
  submission: null,
  workflow: { notice: null, documents: [] },
  infoRequests: [],
  assignment: null,
};

// The staff case page renders a case's clocks in words (due date, time left, overdue and due soon as
// words in a badge, not by colour alone), the legal basis with its effective date, the events this person
// may fire as links, and the history with choices, dates and amounts in words (vi).
describe("the staff case page (rendered)", () => {
  it("shows clocks, actions and history in words", () => {
    const i18n = pageI18n("vi", routeNamespaces([handle]));
    const router = createMemoryRouter([{ path: "/staff/cases/:id", element: <Page />, loader: () => data, id: "r" }], { initialEntries: ["/staff/cases/c1"], hydrationData: { loaderData: { r: data } } });
    const html = renderToString(<I18nextProvider i18n={i18n}><RouterProvider router={router} /></I18nextProvider>);
    const text = html.replace(/<!-- -->/g, "");
    expect(text).toContain("<h1>Hồ sơ YC-2026-0000001</h1>");
    expect(text).toContain("<strong>Chờ người yêu cầu bổ sung</strong>");
    expect(text).toContain('<li class="clock overdue">');
    expect(text).toContain('<span class="badge badge-error">Quá hạn</span>');
    expect(text).toContain("Hạn: 12/10/2026 · quá hạn 2 ngày làm việc");
    expect(text).toContain('<span class="badge badge-warning">Sắp đến hạn</span>');
    expect(text).toContain("còn 1 ngày làm việc");
    expect(text).toContain("Tạm dừng (còn 3 ngày làm việc khi tiếp tục)");
    expect(text).toContain("Căn cứ: Nghị định 152 (áp dụng từ 01/07/2026)");
    expect(text).toContain('href="/staff/cases/c1/accept">Thụ lý, ra quyết định thi hành án</a>');
    expect(text).toContain("Bản án, quyết định, Giấy tờ tùy thân");
    expect(text).toContain("15.000.000 ₫");
    expect(text).toContain("Số hồ sơ trên Phần mềm Thụ lý");
  });
});
