import { describe, expect, it } from "vitest";
import RefundUpdateEmail from "../../emails/refund-update";
import { renderEmail } from "../notifications";
import { serverT } from "../../vocabulary/i18n/resources.server";

describe("the refund e-mail", () => {
  it("renders Vietnamese without NUL bytes (React 18 left two in the preview padding: the outbox insert failed)", async () => {
    const t = serverT("vi");
    const { html, text } = await renderEmail(
      <RefundUpdateEmail
        t={t}
        lang="vi"
        name="Đặng Văn Khoa"
        office="Phòng Thi hành án dân sự khu vực 1 – Hà Nội"
        amount="1.250.000 ₫"
        reference="T20261122ABC"
        noticeNumber="TB-2026-0000009"
        state={t("receipts.refundStates.proposed")}
        reason="Tòa án đình chỉ giải quyết vụ án"
        url="http://localhost/dich-vu/nop-tien/ket-qua?ref=T20261122ABC"
      />,
    );
    expect(html.includes("\0")).toBe(false);
    expect(text.includes("\0")).toBe(false);
    expect(html).toContain("đang chờ thủ trưởng phê duyệt");
    expect(text).toContain("Lý do: Tòa án đình chỉ giải quyết vụ án");
  });
});
