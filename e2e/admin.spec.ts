import { expect, signInAsStaff, test } from "./fixtures";

// The administration pages with JavaScript off (plain forms only), axe on every one of them, and the
// role check from a browser: the administrator gets in, another role gets the 403 page.
test.use({ javaScriptEnabled: false });

test("administrator: every admin page works without JavaScript and is axe-clean; tree import, a court and its key shown once", async ({ page, checkA11y }) => {
  const suffix = String(Date.now()).slice(-6);
  await signInAsStaff(page, "quantri@thads.local");
  await page.getByRole("link", { name: "Quản trị", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quản trị hệ thống");
  await checkA11y();

  // The tree, and a new office that keeps what was typed on an error.
  await page.goto("/staff/admin/agencies");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cơ cấu tổ chức");
  await checkA11y();
  await page.getByLabel("Mã").fill("x");
  await page.getByLabel("Tên", { exact: true }).fill(`Phòng thử ${suffix}`);
  await page.getByRole("button", { name: "Thêm đơn vị" }).click();
  await expect(page.getByRole("alert")).toContainText("Mã chỉ gồm chữ in hoa");
  await expect(page.getByLabel("Tên", { exact: true })).toHaveValue(`Phòng thử ${suffix}`);
  await checkA11y();

  // Import: a bad file lists line and column; a good one previews, then writes on confirm.
  await page.goto("/staff/admin/agencies/import");
  await checkA11y();
  await page.getByLabel("Tệp CSV").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(`ma,ten,ma_cap_tren,loai\nE2E-${suffix},Phòng E2E,KHONG-CO,khu_vuc\n`) });
  await page.getByRole("button", { name: "Tải lên và xem trước" }).click();
  await expect(page.getByRole("alert")).toContainText("Không có đơn vị cấp trên với mã này");
  await expect(page.getByRole("alert").getByRole("cell", { name: "ma_cap_tren" })).toBeVisible();
  await checkA11y();
  await page.getByLabel("Tệp CSV").setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFFma,ten,ma_cap_tren,loai\nE2E-${suffix},Phòng Thi hành án E2E ${suffix},HNI,khu_vuc\n`) });
  await page.getByRole("button", { name: "Tải lên và xem trước" }).click();
  await expect(page.getByRole("heading", { name: "Xem trước: 1 đơn vị" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Xác nhận nhập 1 đơn vị" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã nhập cơ cấu tổ chức từ tệp.");
  await page.getByRole("link", { name: `Phòng Thi hành án E2E ${suffix}` }).click();
  await checkA11y();

  // Staff accounts: the list, one account's page.
  await page.goto("/staff/admin/staff");
  await checkA11y();
  await page.getByLabel("Họ và tên").fill(`Cán bộ E2E ${suffix}`);
  await page.getByLabel("Thư điện tử").fill(`canbo.${suffix}@thads.local`);
  await page.getByLabel("Mật khẩu ban đầu").fill("MatKhauBanDau#2026");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByRole("status")).toContainText("Đã tạo tài khoản");
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: `— — Phòng Thi hành án E2E ${suffix} (E2E-${suffix})` });
  await page.getByLabel("Vai trò", { exact: true }).selectOption({ label: "Kế toán" });
  await page.getByRole("button", { name: "Giao vai trò" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã giao vai trò.");
  await checkA11y();

  // Courts: a new one, its key shown once.
  await page.goto("/staff/admin/courts");
  await checkA11y();
  await page.getByLabel("Mã").fill(`TA-E2E-${suffix}`);
  await page.getByLabel("Tên", { exact: true }).fill(`Tòa án thử ${suffix}`);
  await page.getByRole("button", { name: "Thêm Tòa án" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã thêm Tòa án.");
  await page.getByRole("button", { name: "Cấp khóa mới" }).click();
  const key = (await page.locator("#new-api-key").textContent())!.trim();
  expect(key).toMatch(/^tak_[A-Za-z0-9_-]{32}$/);
  await checkA11y();
  await page.goto(page.url()); // opening the page again (GET) never shows a key
  await expect(page.locator("#new-api-key")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);
  await page.getByRole("button", { name: "Thu hồi khóa" }).click();
  await expect(page.getByRole("status")).toContainText("Đã thu hồi khóa API");
});

test("another role gets the 403 page for the admin pages and sees no admin link", async ({ page }) => {
  await signInAsStaff(page, "ketoan@thads.local");
  await expect(page.getByRole("link", { name: "Quản trị", exact: true })).toHaveCount(0);
  for (const path of ["/staff/admin", "/staff/admin/agencies", "/staff/admin/agencies/import", "/staff/admin/staff", "/staff/admin/courts"]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(403);
  }
});
