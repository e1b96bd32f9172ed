import { expect, test } from "./fixtures";

test("the home page is Vietnamese, lists every citizen service and passes axe", async ({ page, checkA11y }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dịch vụ công trực tuyến Thi hành án dân sự");
  const services = page.locator(".service-card h3");
  await expect(services).toHaveCount(7);
  await expect(services.first()).toHaveText("Gửi đơn yêu cầu thi hành án");
  await checkA11y();
});

test("no service says coming soon: each card leads to its procedure, complaints to the triage page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("Sắp ra mắt")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Danh sách người phải thi hành án chưa có điều kiện thi hành", exact: true })).toHaveAttribute("href", "/danh-sach-chua-co-dieu-kien-thi-hanh");
  await expect(page.getByRole("link", { name: "Khiếu nại, tố cáo, phản ánh, kiến nghị" })).toHaveAttribute("href", "/ban-can-lam-gi#khieu-nai-to-cao");
});

test("an unknown address gives a localised 404 inside the page shell", async ({ page, checkA11y }) => {
  const response = await page.goto("/khong-co-trang-nay");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" })).toBeVisible();
  await checkA11y();
});

test("the skip link moves keyboard focus to the main content", async ({ page, checkA11y }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Bỏ qua, đến nội dung chính" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("the page fits a 320 px wide screen without horizontal scrolling", async ({ page, checkA11y }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await checkA11y();
});

test("with JavaScript, going from the home page to a live service brings that service's strings", async ({ page }) => {
  // The home page carries only the core dictionary; a client-side navigation to a live service must
  // load the full one (root revalidation), or the page would show translation keys.
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "Nộp tiền thi hành án và tạm ứng án phí" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nộp tiền tạm ứng án phí");
  await expect(page.getByText("Nhập số thông báo nộp tiền tạm ứng án phí", { exact: false })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dịch vụ công trực tuyến Thi hành án dân sự");
  await page.getByRole("link", { name: "Gửi đơn yêu cầu thi hành án" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gửi đơn yêu cầu thi hành án");
});
