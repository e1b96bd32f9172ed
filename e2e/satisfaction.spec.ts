import type { Page } from "@playwright/test";
import fs from "node:fs";
import { codeFromOutbox, expect, signInAsStaff, test } from "./fixtures";

// The satisfaction question at closing and the staff statistics (issue 14 item 8, ADR 081), JavaScript off,
// on the e2e server's fresh demo data: the party of the closed demo case answers on the status lookup (the
// access code typed once, never in a URL or in the page), the party of the refused demo case answers on My
// cases, then the head of HNI-KV01 sees both answers counted and downloads the same table as CSV.
const YEAR = new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date());
const CLOSED = { reference: `YC-${YEAR}-0000001`, code: "L6L5-8KVW-STJA-X6DG" };
// The refused demo request's applicant (server/seed.server.ts): My cases joins it when that address signs in.
const REFUSED_EMAIL = "duongvancuong@example.com";

test.use({ javaScriptEnabled: false });
test.describe.configure({ mode: "serial" });

async function fitsIn320(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function lookUp(page: Page) {
  await page.goto("/tra-cuu");
  await page.getByLabel("Mã hồ sơ").fill(CLOSED.reference);
  await page.getByLabel("Mã tra cứu").fill(CLOSED.code);
  await page.getByRole("button", { name: "Tra cứu" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tình trạng hồ sơ ${CLOSED.reference}`);
}

test("the party of a closed case answers on the status lookup, once; the code never leaves the form", async ({ page, checkA11y }) => {
  await lookUp(page);
  const question = page.getByRole("group", { name: "Bạn hài lòng thế nào với việc giải quyết hồ sơ này?" });
  await expect(question).toBeVisible();
  expect(await page.content()).not.toContain(CLOSED.code);
  await fitsIn320(page);
  await checkA11y();

  // No choice: one clear message, the comment kept.
  await page.getByLabel("Góp ý thêm (không bắt buộc)").fill("Cán bộ hướng dẫn rõ ràng.");
  await page.getByRole("button", { name: "Gửi đánh giá" }).click();
  await expect(page.getByRole("alert")).toContainText("Chọn một mức độ hài lòng");
  await expect(page.getByLabel("Góp ý thêm (không bắt buộc)")).toHaveValue("Cán bộ hướng dẫn rõ ràng.");
  await checkA11y();

  await page.getByLabel("Rất hài lòng").check();
  await page.getByRole("button", { name: "Gửi đánh giá" }).click();
  await expect(page.getByRole("status")).toHaveText("Cảm ơn bạn đã đánh giá. Câu trả lời của bạn đã được ghi nhận.");
  await expect(page.getByRole("button", { name: "Gửi đánh giá" })).toHaveCount(0);
  expect(page.url()).not.toContain(CLOSED.code);
  expect(await page.content()).not.toContain(CLOSED.code);
  await checkA11y();

  // Looked up again: answered, no question.
  await lookUp(page);
  await expect(page.getByText("Hồ sơ này đã được đánh giá. Cảm ơn bạn.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Gửi đánh giá" })).toHaveCount(0);
});

test("the party of a refused request answers on My cases", async ({ page, checkA11y }) => {
  await page.goto("/dang-nhap");
  await page.getByLabel("Địa chỉ thư điện tử").fill(REFUSED_EMAIL);
  await page.getByRole("button", { name: "Gửi mã đăng nhập" }).click();
  await expect(page).toHaveURL(/\/dang-nhap\/ma$/);
  await page.getByLabel("Mã đăng nhập").fill(await codeFromOutbox(page, REFUSED_EMAIL));
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tài khoản của tôi");
  await page.goto("/tai-khoan/ho-so");
  await page.getByRole("link", { name: new RegExp(`YC-${YEAR}-\\d{7}`) }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Đánh giá mức độ hài lòng" })).toBeVisible();
  await fitsIn320(page);
  await checkA11y();
  await page.getByLabel("Không hài lòng", { exact: true }).check();
  await page.getByRole("button", { name: "Gửi đánh giá" }).click();
  await expect(page).toHaveURL(/\?cam-on=1#hai-long$/);
  await expect(page.getByRole("status").filter({ hasText: "Cảm ơn bạn đã đánh giá." })).toBeVisible();
  await checkA11y();
  await page.goto(page.url().replace(/\?.*$/, ""));
  await expect(page.getByText("Hồ sơ này đã được đánh giá. Cảm ơn bạn.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Gửi đánh giá" })).toHaveCount(0);
});

test("the head sees both answers counted in the statistics and downloads the table as CSV", async ({ page, checkA11y }) => {
  await signInAsStaff(page, "thutruong@thads.local");
  await page.getByRole("link", { name: "Thống kê", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thống kê hồ sơ và mức độ hài lòng");
  const row = page.locator("tbody tr", { hasText: "HNI-KV01" }).filter({ hasText: "Yêu cầu thi hành án" });
  await expect(row).toHaveCount(1);
  const cells = row.locator("td");
  // procedure, filed, closed, on time, late, answers, mean, 1…5
  await expect(cells.nth(5)).toHaveText("2");
  await expect(cells.nth(6)).toHaveText("3,50");
  await expect(cells.nth(8)).toHaveText("1"); // Không hài lòng (2)
  await expect(cells.nth(11)).toHaveText("1"); // Rất hài lòng (5)
  await expect(page.locator("tbody")).not.toContainText("HNI-KV02");
  await fitsIn320(page);
  await checkA11y();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải bảng về (tệp CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^thong-ke-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv).toContain('"Mã đơn vị","Đơn vị","Thủ tục","Tiếp nhận"');
  expect(csv).toMatch(/"HNI-KV01","[^"]+","Yêu cầu thi hành án","\d+","\d+","\d+","\d+","2","3,50","0","1","0","0","1"/);
  expect(csv).not.toContain("HNI-KV02");

  // A bad period: a localised message, the values kept, no table.
  await page.getByLabel("Từ ngày").fill("32/13/2026");
  await page.getByRole("button", { name: "Xem thống kê" }).click();
  await expect(page.getByRole("alert")).toContainText("Ngày không hợp lệ.");
  await expect(page.getByLabel("Từ ngày")).toHaveValue("32/13/2026");
  await expect(page.locator("table")).toHaveCount(0);
  await checkA11y();
});
