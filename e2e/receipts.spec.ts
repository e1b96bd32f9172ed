import { test, expect, signInAsStaff } from "./fixtures";

// The demo notice paid here (HNI-KV01, whose demo accountant cancels the receipt); other journeys use other notices.
const NOTICE = "TB-2026-0000002";
const PAYER_ID = "0300588569";

test.setTimeout(150_000);

test("pay → open the e-receipt → follow its QR link → valid; the accountant cancels it → the same link says cancelled", async ({ page, checkA11y, request }) => {
  await page.goto("/dich-vu/nop-tien");
  await page.getByLabel("Số thông báo").fill(NOTICE);
  await page.getByLabel(/Số căn cước công dân hoặc mã số doanh nghiệp/).fill(PAYER_ID);
  await page.getByRole("button", { name: "Tìm thông báo" }).click();
  await page.getByLabel("Thư điện tử nhận xác nhận").fill("ketoan.minhphat@example.vn");
  await page.getByRole("button", { name: /Thanh toán .* qua VNPay/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thanh toán (thử nghiệm)" })).toBeVisible();
  await page.getByRole("button", { name: "Thanh toán thành công" }).click();

  // The result page (it refreshes itself until the IPN is applied), then the receipt.
  await expect(page.getByRole("heading", { level: 1, name: "Thanh toán thành công" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 2, name: "Biên lai điện tử" })).toBeVisible();
  await checkA11y();
  const pdfHref = await page.getByRole("link", { name: "Tải biên lai (PDF)" }).getAttribute("href");
  await page.getByRole("link", { name: "Xem biên lai" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /BIÊN LAI THU TIỀN TẠM ỨNG ÁN PHÍ/ })).toBeVisible();
  await expect(page.getByText("Mười tám triệu ba trăm nghìn đồng")).toBeVisible();
  // The payer is a business: its name as an organisation's, its tax code in full.
  await expect(page.getByText("Tên tổ chức nộp tiền", { exact: true })).toBeVisible();
  await expect(page.getByText("Mã số thuế", { exact: true })).toBeVisible();
  await expect(page.getByText(PAYER_ID, { exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "Mã QR dẫn đến trang kiểm tra biên lai" })).toBeVisible();
  await checkA11y();

  const pdf = await request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The QR code's target, printed beside it.
  const verifyUrl = await page.locator(".receipt-url a").getAttribute("href");
  expect(verifyUrl).toMatch(/\/xac-minh-bien-lai\/[A-Z0-9]{24}$/);
  const receiptUrl = page.url();
  await page.goto(verifyUrl!);
  await expect(page.getByRole("heading", { level: 1, name: "Biên lai hợp lệ" })).toBeVisible();
  await expect(page.getByText("Công ty TNHH Thương mại Minh Phát")).toBeVisible();
  await checkA11y();
  const jwks = await request.get("/.well-known/jwks.json");
  expect((await jwks.json()).keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256" });

  // The accountant of the issuing office cancels it with a reason.
  await signInAsStaff(page, "ketoan@thads.local");
  await page.goto("/staff/receipts");
  await checkA11y();
  await page.getByRole("row", { name: new RegExp(NOTICE) }).getByRole("link").click(); // its own receipt: other journeys pay HNI-KV01 notices too
  await expect(page.getByRole("heading", { level: 2, name: "Hoàn trả của giao dịch này" })).toBeVisible();
  await checkA11y();
  // Cancelling is its own step, and nothing is chosen for the accountant: without a choice, nothing happens.
  await page.getByRole("link", { name: "Hủy hoặc thay thế biên lai này" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hủy hoặc thay thế biên lai" })).toBeVisible();
  await expect(page.getByLabel("Chỉ hủy biên lai")).not.toBeChecked();
  await expect(page.getByLabel("Hủy và lập biên lai thay thế (số mới)")).not.toBeChecked();
  await checkA11y();
  await page.getByLabel("Lý do hủy").fill("Thanh toán nhầm, đơn vị sẽ hoàn trả");
  await page.getByRole("button", { name: "Xác nhận hủy" }).click();
  await expect(page.getByText("Chọn “Chỉ hủy biên lai” hoặc “Hủy và lập biên lai thay thế”.").first()).toBeVisible();
  await expect(page.getByLabel("Lý do hủy")).toHaveValue("Thanh toán nhầm, đơn vị sẽ hoàn trả");
  await page.getByLabel("Chỉ hủy biên lai").check();
  await page.getByRole("button", { name: "Xác nhận hủy" }).click();
  await expect(page.getByRole("status")).toContainText("Đã hủy biên lai số");
  await checkA11y();

  await page.goto(verifyUrl!);
  await expect(page.getByRole("heading", { level: 1, name: "Biên lai đã bị hủy" })).toBeVisible();
  await checkA11y();
  await page.goto(receiptUrl);
  await expect(page.getByText(/Biên lai này đã bị hủy ngày/)).toBeVisible();
  await checkA11y();
});
