import type { Page } from "@playwright/test";
import { codeFromOutbox, expect, outboxHighWater, test } from "./fixtures";


test.describe("citizen sign-in with an e-mailed code, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("ask for a code, mistype it, sign in, see the account, sign out", async ({ page, checkA11y }) => {
    test.setTimeout(180_000); // an axe run on each of the four pages, each in a fresh JavaScript-enabled context
    const email = `cong.dan.${Date.now()}@example.vn`;
    await page.goto("/");
    await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/dang-nhap$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhập");
    await checkA11y();

    // A bad address: localised message, value kept.
    await page.getByLabel("Địa chỉ thư điện tử").fill("khong-dung");
    await page.getByRole("button", { name: "Gửi mã đăng nhập" }).click();
    await expect(page.getByRole("heading", { name: "Có 1 lỗi cần sửa" })).toBeVisible();
    await expect(page.getByLabel("Địa chỉ thư điện tử")).toHaveValue("khong-dung");

    await page.getByLabel("Địa chỉ thư điện tử").fill(email);
    await page.getByRole("button", { name: "Gửi mã đăng nhập" }).click();
    await expect(page).toHaveURL(/\/dang-nhap\/ma$/);
    await expect(page.getByText(`Nếu địa chỉ ${email} dùng được`)).toBeVisible();
    await checkA11y();

    const code = await codeFromOutbox(page, email);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    await page.getByLabel("Mã đăng nhập").fill(wrong);
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await expect(page.getByText("Mã đăng nhập chưa đúng. Bạn còn 4 lần thử.").first()).toBeVisible();
    await expect(page.getByLabel("Mã đăng nhập")).toHaveValue(wrong);
    await checkA11y();

    await page.getByLabel("Mã đăng nhập").fill(code);
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await expect(page).toHaveURL(/\/tai-khoan$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tài khoản của tôi");
    await expect(page.getByText(email)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tài khoản" })).toBeVisible();
    await checkA11y();

    // Extending works as a plain form.
    await page.getByRole("button", { name: "Gia hạn phiên đăng nhập" }).click();
    await expect(page.getByText(/Phiên đăng nhập đã được gia hạn đến/)).toBeVisible();

    await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
    await expect(page).toHaveURL(/\/dang-nhap\?signedOut=1$/);
    await expect(page.getByRole("status")).toHaveText("Bạn đã đăng xuất.");
    await page.goto("/tai-khoan");
    await expect(page).toHaveURL(/\/dang-nhap\?redirectTo=%2Ftai-khoan$/);
  });
});

test.describe("session-timeout warning, with JavaScript", () => {
  test("warns before the session ends and extends it without leaving the page", async ({ page, checkA11y }) => {
    await page.clock.install();
    const email = `het.gio.${Date.now()}@example.vn`;
    await page.goto("/dang-nhap");
    await page.getByLabel("Địa chỉ thư điện tử").fill(email);
    await page.getByRole("button", { name: "Gửi mã đăng nhập" }).click();
    await expect(page).toHaveURL(/\/dang-nhap\/ma$/);
    await page.getByLabel("Mã đăng nhập").fill(await codeFromOutbox(page, email));
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tài khoản của tôi");
    await expect(page.getByRole("heading", { name: "Phiên đăng nhập sắp kết thúc" })).toHaveCount(0);
    // The timer starts when the page hydrates: jumping the clock before that would start it 29 minutes late.
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });

    // 29 minutes later in the browser (the default session lasts 30): the warning, focus on its button.
    await page.clock.fastForward("29:00");
    await expect(page.getByRole("heading", { name: "Phiên đăng nhập sắp kết thúc" })).toBeVisible();
    const extend = page.getByRole("button", { name: "Tiếp tục phiên đăng nhập" });
    await expect(extend).toBeFocused();
    await checkA11y();
    await extend.click();
    await expect(page.getByRole("heading", { name: "Phiên đăng nhập sắp kết thúc" })).toHaveCount(0);

    // Left alone past the end: the page says so and offers to sign in again.
    await page.clock.fastForward("31:00");
    await expect(page.getByRole("heading", { name: "Phiên đăng nhập đã kết thúc" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Đăng nhập lại" })).toHaveAttribute("href", "/dang-nhap?redirectTo=%2Ftai-khoan");
  });
});

test.describe("a signed-in citizen's draft follows them, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("started as a guest on one device, resumed on another after signing in", async ({ page, browser, checkA11y }) => {
    test.setTimeout(120_000);
    const email = `hai.thiet.bi.${Date.now()}@example.vn`;
    const signIn = async (p: Page) => {
      await p.goto("/dang-nhap?redirectTo=%2Fdich-vu%2Fyeu-cau-thi-hanh-an");
      await p.getByLabel("Địa chỉ thư điện tử").fill(email);
      const before = await outboxHighWater(p); // the second device's code, not the first's
      await p.getByRole("button", { name: "Gửi mã đăng nhập" }).click();
      await expect(p).toHaveURL(/\/dang-nhap\/ma\?redirectTo=/);
      await p.getByLabel("Mã đăng nhập").fill(await codeFromOutbox(p, email, before));
      await p.getByRole("button", { name: "Đăng nhập", exact: true }).click();
      await expect(p).toHaveURL(/\/dich-vu\/yeu-cau-thi-hanh-an$/);
    };

    // Device A: a guest answers the first step, then signs in: the draft becomes theirs.
    await page.goto("/dich-vu/yeu-cau-thi-hanh-an");
    await page.getByRole("button", { name: "Bắt đầu" }).click();
    await page.locator("input[name=role][value=creditor]").check();
    await page.locator("input[name=party][value=person]").check();
    await page.locator("input[name=actingAs][value=self]").check();
    await page.getByRole("button", { name: "Tiếp tục", exact: true }).click();
    await expect(page).toHaveURL(/thong-tin-ca-nhan$/);
    await signIn(page);
    await expect(page.getByRole("heading", { name: "Bạn có một đơn đang làm dở" })).toBeVisible();

    // Device B: another browser, nothing shared but the e-mail address.
    const other = await browser.newContext({ javaScriptEnabled: false, locale: "vi-VN" });
    const b = await other.newPage();
    await b.goto("/dich-vu/yeu-cau-thi-hanh-an");
    await expect(b.getByRole("heading", { name: "Bạn có một đơn đang làm dở" })).toHaveCount(0);
    await signIn(b);
    await expect(b.getByRole("heading", { name: "Bạn có một đơn đang làm dở" })).toBeVisible();
    await b.getByRole("link", { name: "Tiếp tục đơn đang làm" }).click();
    await expect(b).toHaveURL(/thong-tin-ca-nhan$/);
    await b.goto("/tai-khoan");
    await expect(b.getByText(/đã hoàn thành 1 bước/)).toBeVisible();
    await other.close();
    await checkA11y();
  });
});
