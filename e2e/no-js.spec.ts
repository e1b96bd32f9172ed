import { expect, signInAsStaff, test } from "./fixtures";

// Every journey here runs with JavaScript switched off: plain HTML forms and links only.
test.use({ javaScriptEnabled: false });

test("switch language, sign in as staff, see name, role and office, sign out — all without JavaScript", async ({ page, context, checkA11y }) => {
  await page.goto("/dich-vu/phan-anh-kien-nghi");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page).toHaveURL(/\/dich-vu\/phan-anh-kien-nghi$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Send feedback or a petition");
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === "lang")?.value).toBe("en");
  await checkA11y();

  // Remembered: the next page is English too; then back to Vietnamese.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Civil judgment enforcement online services");
  await page.getByRole("button", { name: /Tiếng Việt/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");

  await signInAsStaff(page, "ketoan@thads.local");
  await expect(page.getByText("Xin chào, Lê Thị Minh Phương")).toBeVisible();
  await expect(page.getByText("Kế toán – Phòng Thi hành án dân sự khu vực 1 – Hà Nội")).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhập dành cho cán bộ");
  await expect(page.getByRole("status")).toHaveText("Bạn đã đăng xuất.");
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in\?redirectTo=%2Fstaff/);
});

test("a bad sign-in keeps the e-mail, shows the error summary and field messages", async ({ page, checkA11y }) => {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Thư điện tử").fill("khong-phai-email");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: "Có 2 lỗi cần sửa" })).toBeVisible();
  await expect(page).toHaveTitle(/^Lỗi: /);
  await expect(page.getByText("Thư điện tử không đúng định dạng", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Nhập mật khẩu.").first()).toBeVisible();
  await expect(page.getByLabel("Thư điện tử")).toHaveValue("khong-phai-email");
  await checkA11y();

  await page.getByLabel("Thư điện tử").fill("tiepnhan@thads.local");
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Thư điện tử hoặc mật khẩu không đúng.")).toBeVisible();
  await expect(page.getByLabel("Thư điện tử")).toHaveValue("tiepnhan@thads.local");
  await expect(page.getByLabel("Mật khẩu")).toHaveValue("");
});

test("the sign-in alert reaches the development outbox through the in-process job worker", async ({ page, checkA11y }) => {
  await signInAsStaff(page, "chaphanhvien@thads.local");
  await expect(async () => {
    await page.goto("/dev/outbox");
    await expect(page.getByRole("row", { name: /chaphanhvien@thads\.local.*Tài khoản của bạn vừa được đăng nhập/ }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await checkA11y();
  // The message itself is served in a CSP sandbox (no scripts at all), so read it over HTTP.
  const href = await page.getByRole("row", { name: /chaphanhvien@thads\.local/ }).getByRole("link").first().getAttribute("href");
  const message = await page.request.get(href!);
  expect(message.headers()["content-security-policy"]).toMatch(/^sandbox;/);
  expect(await message.text()).toContain("Kính gửi Trần Văn Đức,");
});
