import { expect, test } from "./fixtures";

// Electronic service of documents (ADR 074), the part without a served document: the info page, and a served
// document's page for a visitor without an account (the lookup-pair form; a wrong pair keeps the reference).
// The full journey (officer serves → party opens → officer sees time and hash → the signed receipt of service
// verifies) is e2e/service-of-documents.spec.ts.

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the info page explains electronic service and its period; axe; 320 px", async ({ page, checkA11y }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto("/dich-vu/tong-dat-van-ban");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tống đạt văn bản điện tử");
    await expect(page.getByText("3 ngày làm việc")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkA11y();
  });

  test("a served document signed out: the pair form; a wrong pair is one message, the reference kept", async ({ page, checkA11y }) => {
    await page.goto("/tong-dat/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Văn bản được tống đạt");
    await page.getByLabel("Mã hồ sơ").fill("YC-2026-0000001");
    await page.getByLabel("Mã tra cứu").fill("AAAA-BBBB-CCCC-DDDD");
    await page.getByRole("button", { name: "Mở văn bản" }).click();
    await expect(page.getByText("Mã hồ sơ hoặc mã tra cứu không đúng.").first()).toBeVisible();
    await expect(page.getByLabel("Mã hồ sơ")).toHaveValue("YC-2026-0000001");
    await checkA11y();
  });
});
