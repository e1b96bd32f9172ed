import { expect, test } from "./fixtures";

// Issue 14 items 1 and 2 (ADR 078): the home page leads to "Bạn cần làm gì?", which says for each
// procedure who may use it, what it needs and how long it takes, and links it. No JavaScript needed.
test.describe("the triage page without JavaScript at 320 px", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });

  test("home → triage → a procedure", async ({ page, checkA11y }) => {
    await page.goto("/");
    await expect(page.getByText("Sắp ra mắt")).toHaveCount(0);
    await page.getByRole("link", { name: "Chưa biết chọn dịch vụ nào? Xem “Bạn cần làm gì?”" }).click();
    await expect(page).toHaveURL(/\/ban-can-lam-gi$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bạn cần làm gì?");
    await expect(page.locator("[data-procedure]")).toHaveCount(10);
    await expect(page.getByTestId("time-request")).toContainText("ngày làm việc");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkA11y();
    await page.getByRole("link", { name: "Nộp tiền", exact: true }).click();
    await expect(page).toHaveURL(/\/dich-vu\/nop-tien$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nộp tiền tạm ứng án phí");
  });

  test("the home page's complaints card leads to the complaints section of the triage page", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Khiếu nại, tố cáo, phản ánh, kiến nghị" }).click();
    await expect(page).toHaveURL(/\/ban-can-lam-gi#khieu-nai-to-cao$/);
    const section = page.locator("section#khieu-nai-to-cao");
    await expect(section.getByRole("link", { name: "Gửi khiếu nại" })).toHaveAttribute("href", "/dich-vu/khieu-nai");
    await expect(section.getByRole("link", { name: "Gửi tố cáo" })).toHaveAttribute("href", "/dich-vu/to-cao");
    await expect(section.getByRole("link", { name: "Gửi phản ánh, kiến nghị" })).toHaveAttribute("href", "/dich-vu/phan-anh-kien-nghi");
  });
});
