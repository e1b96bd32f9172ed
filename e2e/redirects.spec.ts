import type { APIRequestContext } from "@playwright/test";
import { codeFromOutbox, expect, test, DEMO_PASSWORD } from "./fixtures";

// Hostile return targets after a real sign-in, citizen (e-mailed code) and staff (password): every one
// ends on the portal's own origin. The example is `/%09/other-host`: the check saw "/", the
// browser dropped the tab and went to //other-host.
const HOSTILE_QUERY = "/%09/evil.example";


/** Answers without following redirects: status and Location. */
async function answer(r: Promise<Awaited<ReturnType<APIRequestContext["get"]>>>) {
  const res = await r;
  return { status: res.status(), location: res.headers()["location"] ?? null };
}

test.describe("hostile return targets", () => {
  test("a citizen signed in by e-mail code stays on the portal", async ({ page, baseURL, checkA11y }) => {
    const origin = new URL(baseURL!).origin;
    const email = `chuyen.huong.${Date.now()}@example.vn`;
    await page.goto(`/dang-nhap?redirectTo=${HOSTILE_QUERY}`);
    await page.getByLabel("Địa chỉ thư điện tử").fill(email);
    await page.getByRole("button", { name: "Gửi mã đăng nhập" }).click();
    await expect(page).toHaveURL(/\/dang-nhap\/ma$/); // the hostile target is not carried on
    await page.getByLabel("Mã đăng nhập").fill(await codeFromOutbox(page, email));
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tài khoản của tôi");
    expect(new URL(page.url()).origin).toBe(origin);
    expect(new URL(page.url()).pathname).toBe("/tai-khoan");
    await checkA11y();

    // Signed in, the sign-in page passes the citizen on: to the account, not to the other host.
    for (const target of [HOSTILE_QUERY, "//evil.example", "/%5Cevil.example", "/%2F%2Fevil.example", "https://evil.example/"]) {
      await page.goto(`/dang-nhap?redirectTo=${target}`);
      expect(new URL(page.url()).origin).toBe(origin);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tài khoản của tôi");
    }

    // The language switch with a tampered return target: back to the home page, on the portal.
    await page.locator('form[action="/lang"] input[name="redirectTo"]').evaluate((el: HTMLInputElement) => (el.value = "/\t/evil.example"));
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(new URL(page.url()).origin).toBe(origin);
    expect(new URL(page.url()).pathname).toBe("/");

    // CR, LF and NUL (a 500 before): a redirect to the default page at every entry point.
    const req = page.request;
    for (const bad of ["%0A", "%0D", "%00"]) {
      expect(await answer(req.get(`/dang-nhap?redirectTo=/${bad}`, { maxRedirects: 0 }))).toEqual({ status: 302, location: "/tai-khoan" });
      const form = (fields: string) => ({ headers: { origin, "content-type": "application/x-www-form-urlencoded" }, data: fields, maxRedirects: 0 });
      expect(await answer(req.post("/lang", form(`lang=vi&redirectTo=/${bad}`)))).toEqual({ status: 302, location: "/" });
      expect(await answer(req.post("/tai-khoan/gia-han", form(`redirectTo=/${bad}`)))).toEqual({ status: 302, location: "/tai-khoan?extended=1" });
    }
  });

  test("a staff member signed in by password stays on the portal, and sees who is signed in", async ({ page, baseURL, playwright, checkA11y }) => {
    const origin = new URL(baseURL!).origin;
    await page.goto(`/staff/sign-in?redirectTo=${HOSTILE_QUERY}`);
    await page.getByLabel("Thư điện tử").fill("tiepnhan@thads.local");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Khu vực làm việc của cán bộ" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(origin);
    expect(new URL(page.url()).pathname).toBe("/staff");

    // The header names the staff member, offers sign-out, and links only the areas a clerk can use.
    const mainNav = page.getByRole("navigation", { name: "Điều hướng chính" });
    await expect(mainNav.getByRole("link", { name: "Đăng nhập" })).toHaveCount(0);
    await expect(page.getByText("Đã đăng nhập: Nguyễn Thị Thu Hà")).toBeVisible();
    const staffNav = page.getByRole("navigation", { name: "Khu vực cán bộ" });
    await expect(staffNav.getByRole("link", { name: "Hộp công việc" })).toBeVisible();
    await expect(staffNav.getByRole("link", { name: "Đơn yêu cầu" })).toHaveCount(0); // the old list is the inbox now
    for (const name of ["Thông báo nộp tiền", "Biên lai", "Đối soát", "Hoàn trả tiền"]) await expect(staffNav.getByRole("link", { name })).toHaveCount(0);
    await checkA11y();
    const staffPage = await page.request.get("/staff");
    expect(staffPage.headers()["cache-control"]).toBe("no-store");

    // A state-changing request that does not come from the portal's pages is refused.
    expect((await page.request.post("/staff/sign-out", { headers: { origin: "null" }, maxRedirects: 0 })).status()).toBe(403);
    expect((await page.request.post("/staff/sign-out", { headers: { origin: "https://evil.example" }, maxRedirects: 0 })).status()).toBe(403);

    await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhập dành cho cán bộ");
    await expect(page.getByText(/Đã đăng nhập:/)).toHaveCount(0);

    // The password form with CR, LF or NUL in the target: to the staff home, not a 500 (a fresh client each time).
    for (const bad of ["%0A", "%0D", "%00"]) {
      const client = await playwright.request.newContext({ baseURL });
      const res = await answer(
        client.post("/staff/sign-in", {
          headers: { origin, "content-type": "application/x-www-form-urlencoded" },
          data: `email=chaphanhvien%40thads.local&password=${encodeURIComponent(DEMO_PASSWORD)}&redirectTo=/${bad}`,
          maxRedirects: 0,
        }),
      );
      expect(res).toEqual({ status: 302, location: "/staff" });
      await client.dispose();
    }
  });
});
