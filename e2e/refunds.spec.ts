import type { Page } from "@playwright/test";
import { courtNotice, expect, randomCccd, signInAsStaff, test } from "./fixtures";

/** Pays the notice in the sandbox; returns the result page's URL (…/ket-qua?ref=TXN). */
async function payNotice(page: Page, noticeNumber: string, idNumber: string) {
  await page.goto("/dich-vu/nop-tien");
  await page.getByLabel("Số thông báo").fill(noticeNumber);
  await page.getByLabel(/Số căn cước công dân/).fill(idNumber);
  await page.getByRole("button", { name: "Tìm thông báo" }).click();
  await page.getByLabel("Thư điện tử nhận xác nhận").fill("dang.khoa@example.vn");
  await page.getByRole("button", { name: /Thanh toán .* qua VNPay/ }).click();
  await page.getByRole("button", { name: "Thanh toán thành công" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thanh toán thành công" })).toBeVisible({ timeout: 20_000 });
  return page.url();
}

async function signOut(page: Page) {
  await page.goto("/staff");
  await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
}

test.use({ javaScriptEnabled: false });
// One long journey: a payment, two staff sign-ins and a dozen pages each checked by axe (no-JS axe opens a second page).
test.setTimeout(240_000);

test("refund: the accountant proposes, cannot approve it; the head approves; the gateway refunds; the payer sees it", async ({ page, request, checkA11y }) => {
  const idNumber = randomCccd();
  const noticeNumber = await courtNotice(request, idNumber, 1_250_000);
  const resultUrl = await payNotice(page, noticeNumber, idNumber);
  const txnRef = new URL(resultUrl).searchParams.get("ref")!;

  // The accountant opens the payment's receipt and proposes a refund (a too-large amount first: kept input, localised error).
  await signInAsStaff(page, "ketoan@thads.local");
  await checkA11y();
  await page.getByRole("link", { name: "Biên lai" }).click();
  await page.getByRole("row", { name: new RegExp(noticeNumber) }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2, name: "Đề nghị hoàn trả cho giao dịch này" })).toBeVisible();
  await checkA11y();
  // Amounts as people write them (issue 10: "500.000" was refused): grouped digits are read, decimals refused.
  await page.getByLabel("Số tiền hoàn trả (đồng)").fill("1.250.000,00");
  await page.getByLabel("Lý do hoàn trả").fill("Tòa án đình chỉ giải quyết vụ án");
  await page.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(page.getByText("Số tiền hoàn trả không có phần thập phân.", { exact: false }).first()).toBeVisible();
  await expect(page.getByLabel("Số tiền hoàn trả (đồng)")).toHaveValue("1.250.000,00");
  await checkA11y();
  await page.getByLabel("Số tiền hoàn trả (đồng)").fill("1.250.001");
  await page.getByLabel("Lý do hoàn trả").fill("Tòa án đình chỉ giải quyết vụ án");
  await page.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(page.getByText("Số tiền hoàn trả vượt quá số tiền đã thu").first()).toBeVisible();
  await expect(page.getByLabel("Lý do hoàn trả")).toHaveValue("Tòa án đình chỉ giải quyết vụ án");
  await checkA11y();
  await page.getByLabel("Số tiền hoàn trả (đồng)").fill("1.250.000");
  await page.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã gửi đề nghị hoàn trả; chờ thủ trưởng phê duyệt.");
  await expect(page.getByText("Chờ phê duyệt")).toBeVisible();
  const refundUrl = page.url().replace(/\?.*$/, "");
  await checkA11y();

  // Not by the person who proposed: no decision form, and a forged POST is refused with the localised reason.
  await expect(page.getByRole("button", { name: "Ghi nhận quyết định" })).toHaveCount(0);
  await expect(page.getByText("Người đề nghị không được tự phê duyệt đề nghị của mình")).toBeVisible();
  // (The request comes from the portal's origin, as a hand-edited form would: the server's own rule refuses it.)
  const forged = await page.request.post(refundUrl, { form: { decision: "approve" }, headers: { origin: new URL(refundUrl).origin } });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain("Người đề nghị không được tự phê duyệt đề nghị của mình");
  await signOut(page);

  // The head of office decides: a rejection needs a reason, then the approval.
  await signInAsStaff(page, "thutruong@thads.local");
  await expect(page.getByRole("link", { name: "Biên lai" })).toHaveCount(0);
  await page.getByRole("link", { name: "Hoàn trả tiền" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hoàn trả tiền" })).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: /^Chờ phê duyệt/ }).click();
  await page.getByRole("link", { name: txnRef }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Quyết định của thủ trưởng" })).toBeVisible();
  await checkA11y();
  await page.getByLabel("Từ chối").check();
  await page.getByRole("button", { name: "Ghi nhận quyết định" }).click();
  await expect(page.getByText("Nhập lý do từ chối (từ 5 đến 500 ký tự).").first()).toBeVisible();
  await checkA11y();
  await page.getByLabel("Phê duyệt hoàn trả").check();
  await page.getByLabel("Ghi chú quyết định").fill("Đồng ý hoàn trả toàn bộ");
  await page.getByRole("button", { name: "Ghi nhận quyết định" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã ghi nhận quyết định.");

  // The job sends it to the gateway (in-process worker); the office sees "refunded".
  await expect(async () => {
    await page.goto(refundUrl);
    await expect(page.getByText("Đã hoàn trả", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await checkA11y();
  await signOut(page);

  // The payer sees the refund's state on the payment's result page.
  await page.goto(resultUrl);
  await expect(page.getByText(/Đề nghị hoàn trả 1\.250\.000 ₫: đã hoàn trả/)).toBeVisible();
  await checkA11y();

  // And is e-mailed at each step (the dev outbox).
  await expect(async () => {
    await page.goto("/dev/outbox");
    for (const state of ["đang chờ thủ trưởng phê duyệt", "đã được phê duyệt, đang hoàn trả qua VNPay", "đã hoàn trả"]) {
      await expect(page.getByText(`Hoàn trả tiền cho giao dịch ${txnRef}: ${state}`, { exact: true }).first()).toBeVisible({ timeout: 1000 });
    }
  }).toPass({ timeout: 30_000 });
});

test("reconciliation: the accountant runs it for today, opens the run and downloads the CSV", async ({ page, checkA11y }) => {
  await signInAsStaff(page, "ketoan@thads.local");
  await page.getByRole("link", { name: "Đối soát" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đối soát thanh toán" })).toBeVisible();
  await checkA11y();

  await page.getByLabel("Ngày giao dịch").fill("31/02/2026");
  await page.getByRole("button", { name: "Đối soát ngay" }).click();
  await expect(page.getByText("Ngày không đúng, ví dụ: 05/01/2026.").first()).toBeVisible();
  await expect(page.getByLabel("Ngày giao dịch")).toHaveValue("31/02/2026");
  await checkA11y();

  const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());
  await page.getByLabel("Ngày giao dịch").fill(today);
  await page.getByLabel("Đơn vị").selectOption({ label: "Phòng Thi hành án dân sự khu vực 1 – Hà Nội" });
  await page.getByRole("button", { name: "Đối soát ngay" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Đối soát ngày ${today} – Phòng Thi hành án dân sự khu vực 1 – Hà Nội` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/đã kiểm tra \d+ giao dịch/)).toBeVisible();
  await checkA11y();

  const href = await page.getByRole("link", { name: "Tải danh sách (CSV)" }).getAttribute("href");
  expect(href).toMatch(/^\/staff\/reconciliation\/[0-9a-f-]{36}\.csv$/);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM
  expect(body.toString("utf8").slice(1).split("\r\n")[0]).toBe('"Ngày giao dịch","Đơn vị","Loại chênh lệch","Mã giao dịch","Trạng thái trên Cổng","Trạng thái VNPay","Số tiền trên Cổng (đồng)","Số tiền VNPay (đồng)","Biên lai","Đã xử lý","Cách xử lý","Ghi chú"');
  await expect(page.getByRole("table", { name: "Theo kết quả đối soát" })).toBeVisible();

  await page.getByRole("link", { name: "Về trang đối soát" }).click();
  await expect(page.getByRole("table", { name: "Các lần đối soát" })).toBeVisible();
  await checkA11y();
});
