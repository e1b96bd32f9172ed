import { test, expect, signInAsStaff } from "./fixtures";

// An attacker's wrong passwords make the account wait a little, the page says (in Vietnamese) how long,
// the response carries Retry-After, and the real password works once the wait is over. JavaScript off:
// plain form posts.
test.use({ javaScriptEnabled: false });

test("staff sign-in: failures give a short, stated wait; the right password then works", async ({ page, checkA11y }) => {
  const email = "quantri@thads.local"; // used by no other journey
  let limited = null;
  for (let i = 0; i < 10 && !limited; i++) {
    await page.goto("/staff/sign-in");
    await page.getByLabel("Thư điện tử").fill(email);
    await page.getByLabel("Mật khẩu").fill(`sai-mat-khau-${i}`);
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Đăng nhập" }).click()]);
    if (response.status() === 429) limited = response;
    else expect(response.status()).toBe(401);
  }
  expect(limited, "a 429 after the free failures").not.toBeNull();
  const wait = Number(limited!.headers()["retry-after"]);
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(30);
  await expect(page.getByText(new RegExp(`Đăng nhập sai quá nhiều lần\\. Vui lòng thử lại sau ${wait} giây\\.`)).first()).toBeVisible();
  await checkA11y();
  await page.waitForTimeout(wait * 1000 + 200);
  await signInAsStaff(page, email);
  await expect(page).toHaveURL(/\/staff/);
});

test("filing confirmation: guessing access codes gets a localised 429 page with Retry-After", async ({ page, context, checkA11y }) => {
  const url = new URL("/", test.info().project.use.baseURL).toString();
  let status = 0;
  let retryAfter = "";
  for (let i = 0; i < 10 && status !== 429; i++) {
    await context.addCookies([{ name: "thads_filing_done", value: `YC-2026-0000001.2222-2222-2222-${2220 + i}`, url }]);
    const response = await page.goto("/dich-vu/yeu-cau-thi-hanh-an/da-gui");
    status = response!.status();
    retryAfter = response!.headers()["retry-after"] ?? "";
  }
  expect(status).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bạn thao tác quá nhanh");
  await expect(page.getByText(/Vui lòng đợi \d+ giây rồi thử lại\./)).toBeVisible();
  await checkA11y();
});

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true });

  test("fee-notice lookup: wrong IDs give a 429 data response with Retry-After and a message with the wait", async ({ page }) => {
    await page.goto("/dich-vu/nop-tien");
    let response = null;
    for (let i = 0; i < 10; i++) {
      await page.getByLabel("Số thông báo").fill("TB-2026-0000003");
      await page.getByLabel(/Số căn cước công dân/).fill(`0791900099${String(i).padStart(2, "0")}`);
      const [r] = await Promise.all([
        page.waitForResponse((res) => res.request().method() === "POST" && res.url().includes(".data")),
        page.getByRole("button", { name: "Tìm thông báo" }).click(),
      ]);
      if (r.status() === 429) {
        response = r;
        break;
      }
      expect(r.status()).toBe(404);
    }
    expect(response, "a 429 after the free failures").not.toBeNull();
    const wait = Number(response!.headers()["retry-after"]);
    expect(wait).toBeGreaterThanOrEqual(1);
    await expect(page.getByText(new RegExp(`Bạn đã tra cứu quá nhiều lần\\. Vui lòng thử lại sau ${wait} giây\\.`)).first()).toBeVisible();
  });
});
