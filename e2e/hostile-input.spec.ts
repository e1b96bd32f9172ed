import { expect, signInAsStaff, test } from "./fixtures";

// Bodies and ids an attacker sends: each gets a localised page with its own status, never a 500.

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a form posted with a field far over the body limit gets the localised 413 page, and the rest is not read", async ({ page, checkA11y }) => {
    await page.goto("/staff/sign-in");
    await page.getByLabel("Thư điện tử").fill("ketoan@thads.local");
    await page.getByLabel("Mật khẩu").fill("x".repeat(1024 * 1024));
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/staff/sign-in") && r.request().method() === "POST"), page.getByRole("button", { name: "Đăng nhập" }).click()]);
    expect(response.status()).toBe(413);
    await expect(page.getByRole("heading", { level: 1, name: "Dữ liệu gửi lên quá lớn" })).toBeVisible();
    await expect(page.getByText("tối đa 256 KB")).toBeVisible();
    await checkA11y();
  });

  test("the refusal pages are in English for an English reader, and axe-clean", async ({ page, context, checkA11y }) => {
    await context.addCookies([{ name: "lang", value: "en", url: new URL(test.info().project.use.baseURL!).origin }]);
    for (const [status, heading] of [
      [413, "What was sent is too large"],
      [415, "This was not sent from a form"],
      [400, "What was sent could not be read"],
    ] as const) {
      const res = await page.goto(`/loi/${status}`);
      expect(res!.status()).toBe(status);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await checkA11y();
    }
  });
});

test("with JavaScript on, a field far over its limit is refused in the browser with the limit stated, and nothing is sent", async ({ page }) => {
  await page.goto("/staff/sign-in");
  await page.waitForLoadState("networkidle");
  let posted = 0;
  page.on("request", (r) => (posted += r.method() === "POST" ? 1 : 0));
  await page.getByLabel("Thư điện tử").fill("ketoan@thads.local");
  await page.getByLabel("Mật khẩu").fill("x".repeat(1024 * 1024));
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Mật khẩu phải có tối đa 200 ký tự.").first()).toBeVisible();
  expect(posted).toBe(0);
});

test("form actions given JSON, text, no content type or broken multipart answer 415/400 with a page, not 500", async ({ request }) => {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const cases: [string, Record<string, string>, string, number, string][] = [
    ["/dang-nhap", { "Content-Type": "application/json" }, '{"email":"a@b.vn"}', 415, "Dữ liệu không được gửi từ biểu mẫu"],
    ["/lang", { "Content-Type": "text/plain" }, "lang=en", 415, "Dữ liệu không được gửi từ biểu mẫu"],
    ["/dich-vu/nop-tien", {}, "noticeNumber=x", 415, "Dữ liệu không được gửi từ biểu mẫu"],
    ["/staff/sign-in", { "Content-Type": "multipart/form-data; boundary=zz" }, '--zz\r\nContent-Disposition: form-data; name="email"\r\n\r\nunterminated', 400, "Không đọc được dữ liệu đã gửi"],
  ];
  for (const [path, headers, body, status, heading] of cases) {
    const res = await request.post(path, { headers: { Origin: origin, ...headers }, data: Buffer.from(body) });
    expect(res.status(), path).toBe(status);
    expect(await res.text()).toContain(heading);
  }
});

test("a NUL in a sign-in field is refused with a message naming the field, not a 500", async ({ request }) => {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const res = await request.post("/dang-nhap", { headers: { Origin: origin }, form: { email: "an\u0000@example.vn" } });
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain("Địa chỉ thư điện tử có ký tự điều khiển không được phép");
});

test("every staff page with an id, given garbage ids, is the 404 page (GET and POST), never a 500", async ({ page }) => {
  await signInAsStaff(page, "ketoan@thads.local");
  const origin = new URL(page.url()).origin;
  const garbage = ["-".repeat(36), "not-a-uuid", "%00", "123e4567e89b12d3a456426614174000", "'%20or%201=1--", "x".repeat(300)];
  const paths = (id: string) => [`/staff/receipts/${id}`, `/staff/refunds/${id}`, `/staff/reconciliation/${id}`, `/staff/reconciliation/${id}.csv`, `/staff/requests/${id}`, `/staff/requests/${id}/pdf`];
  for (const id of garbage) {
    for (const path of paths(id)) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(404);
    }
    for (const path of [`/staff/receipts/${id}/cancel`, `/staff/refunds/${id}`]) {
      const res = await page.request.post(path, { headers: { Origin: origin }, form: { reason: "Huỷ vì nhập sai thông tin", action: "cancel", decision: "approve" } });
      expect(res.status(), `POST ${path}`).toBe(404);
    }
  }
  await page.goto(`/staff/receipts/${"-".repeat(36)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Không tìm thấy trang" })).toBeVisible();
});
