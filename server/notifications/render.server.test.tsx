import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { serverT } from "../../vocabulary/i18n/resources.server";
import ReceiptEmail from "../../emails/receipt";
import { renderEmail } from "./render.server";

describe("renderEmail", () => {
  const vi = serverT("vi");
  const en = serverT("en");
  const messages = [
    <ReceiptEmail
      key="p"
      t={vi}
      lang="vi"
      name="Nguyễn Văn Ân"
      office="Phòng Thi hành án dân sự khu vực 1 – Hà Nội"
      symbol="TA/26E"
      number="0000123"
      amount="1.250.000 ₫"
      noticeNumber="TB-2026-0000123"
      caseReference="Vụ án dân sự số 45/2026/TLST-DS"
      court="Tòa án nhân dân khu vực 1 – Hà Nội"
      paidAt="09:15 23/11/2026"
      txnRef="T261123ABCDEFGHJKLMNPQRS"
      transactionNo="14123456"
      verifyUrl="https://thads.example.vn/xac-minh-bien-lai/ABCDEFGHJKLMNPQRSTUVWXYZ"
      replacesNumber={null}
    />,
    <ReceiptEmail
      key="r"
      t={en}
      lang="en"
      name="Trần Thị Bình"
      office="Enforcement Office, Area 2 – Đà Nẵng"
      symbol="TA/26E"
      number="0000042"
      amount="₫700,000"
      noticeNumber="TB-2026-0000456"
      caseReference="Civil case 12/2026/TLST-DS"
      court="People's Court, Area 2 – Đà Nẵng"
      paidAt="14:05 02/12/2026"
      txnRef="T261202ABCDEFGHJKLMNPQRS"
      transactionNo={null}
      verifyUrl="https://thads.example.vn/xac-minh-bien-lai/ABCDEFGHJKLMNPQRSTUVWXYZ"
      replacesNumber="0000041"
    />,
  ];

  it.each(messages.map((m, i) => [i, m] as const))("gives React Email's own HTML and plain text, without NUL bytes (message %i)", async (_i, element) => {
    const { html, text } = await renderEmail(element);
    expect(html).toBe((await render(element)).replaceAll("\0", ""));
    expect(text).toBe((await render(element, { plainText: true })).replaceAll("\0", ""));
    expect(text.length).toBeGreaterThan(100);
    expect(html + text).not.toContain("\0");
  });
});
