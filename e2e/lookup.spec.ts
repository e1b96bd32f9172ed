import { expect, test } from "./fixtures";

// The status lookup without an account ("Tra cứu hồ sơ", ADR 066), with the demo cases' known pairs
// (server/seed.server.ts demoAccessCode; README). On the e2e server's fresh database the demo references
// run from YC-<year>-0000001; the year is Hà Nội's.
const YEAR = new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date());
const CLOSED = { reference: `YC-${YEAR}-0000001`, code: "L6L5-8KVW-STJA-X6DG", fullName: "Võ Thị Thanh Hương" };
const WAITING = { reference: `YC-${YEAR}-0000007`, code: "JS9N-LTGN-CYTW-GH8Y" };

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("from the home page, a demo case by its pair: its state, office and timeline, names masked; no-store, noindex; axe", async ({ page, checkA11y }) => {
      await page.goto("/");
      await page.getByRole("link", { name: "Tra cứu hồ sơ", exact: true }).click();
      await expect(page).toHaveURL(/\/tra-cuu$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tra cứu hồ sơ");
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
      await checkA11y();
      await page.getByLabel("Mã hồ sơ").fill(CLOSED.reference.toLowerCase());
      await page.getByLabel("Mã tra cứu").fill(CLOSED.code.toLowerCase().replaceAll("-", " "));
      const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/tra-cuu"));
      await page.getByRole("button", { name: "Tra cứu" }).click();
      const response = await answer;
      expect(response.headers()["cache-control"]).toBe("no-store");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tình trạng hồ sơ ${CLOSED.reference}`);
      await expect(page.getByText("Đã kết thúc", { exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Diễn biến hồ sơ" })).toBeVisible();
      const timeline = page.locator("ol.case-timeline > li");
      await expect(timeline.first()).toContainText("Kết thúc");
      expect(await timeline.count()).toBeGreaterThanOrEqual(6);
      await expect(page.getByText("Đã chi trả tiền thi hành án")).toBeVisible();
      await expect(page.locator("dd", { hasText: "Trần Văn Đức" }).first()).toBeVisible(); // the officer in charge (a public official: not masked)
      const text = await page.locator("main").innerText();
      expect(text).not.toContain(CLOSED.fullName);
      expect(text).toContain("Võ T** T**** H****");
      expect(text).not.toMatch(/\b\d{12}\b/); // no CCCD
      expect(page.url()).not.toContain(CLOSED.code); // the code never in the URL
      await checkA11y();
    });

    test("a wrong code: one clear message, the reference kept, the code field empty; a case waiting for the party says what to do", async ({ page, checkA11y }) => {
      await page.goto(`/tra-cuu?ma-ho-so=${encodeURIComponent(WAITING.reference)}`);
      await expect(page.getByLabel("Mã hồ sơ")).toHaveValue(WAITING.reference);
      await page.getByLabel("Mã tra cứu").fill("ABCD-EFGH-JKLM-NPQR");
      await page.getByRole("button", { name: "Tra cứu" }).click();
      await expect(page.getByRole("alert")).toContainText("Mã hồ sơ hoặc mã tra cứu không đúng. Hãy kiểm tra lại mã hồ sơ trong thư điện tử xác nhận");
      await expect(page).toHaveTitle(/^Lỗi: /);
      await expect(page.getByLabel("Mã hồ sơ")).toHaveValue(WAITING.reference);
      await expect(page.getByLabel("Mã tra cứu")).toHaveValue("");
      await checkA11y();
      await page.getByLabel("Mã tra cứu").fill(WAITING.code);
      await page.getByRole("button", { name: "Tra cứu" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tình trạng hồ sơ ${WAITING.reference}`);
      await expect(page.getByText("Cần bạn làm")).toBeVisible();
      await expect(page.getByText("Hãy đọc yêu cầu bổ sung và gửi thông tin, tài liệu trong thời hạn được nêu.")).toBeVisible();
    });

    test("usable at 320 px: the form and a case's page fit without sideways scrolling", async ({ page, checkA11y }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto("/tra-cuu");
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.getByLabel("Mã hồ sơ").fill(CLOSED.reference);
      await page.getByLabel("Mã tra cứu").fill(CLOSED.code);
      await page.getByLabel("Mã tra cứu").press("Enter"); // keyboard only
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tình trạng hồ sơ ${CLOSED.reference}`);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await checkA11y();
    });
  });
}

test("over HTTP, a wrong reference and a wrong code get the same status and the same bytes, apart from the reference (and the per-request CSP nonce)", async ({ request, baseURL }) => {
  const post = async (reference: string, accessCode: string) => {
    const res = await request.post("/tra-cuu", { form: { reference, accessCode }, headers: { origin: new URL(baseURL!).origin }, maxRedirects: 0 });
    return { status: res.status(), headers: res.headers(), body: await res.text() };
  };
  const wrongCode = await post(CLOSED.reference, "ABCD-EFGH-JKLM-NPQR");
  const missing = `YC-${YEAR}-0099999`;
  const wrongReference = await post(missing, CLOSED.code);
  expect(wrongCode.status).toBe(404);
  expect(wrongReference.status).toBe(wrongCode.status);
  for (const h of ["cache-control", "content-type", "x-robots-tag"]) expect(wrongReference.headers[h]).toBe(wrongCode.headers[h]);
  const nonces = (body: string) => [...new Set([...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]!))];
  const normalise = (body: string, reference: string) => nonces(body).reduce((b, n) => b.replaceAll(n, "NONCE"), body).replaceAll(reference, "REFERENCE");
  expect(normalise(wrongReference.body, missing)).toBe(normalise(wrongCode.body, CLOSED.reference));
  expect(wrongCode.body).toContain("Mã hồ sơ hoặc mã tra cứu không đúng.");
  // Bad input is the same clear answer, never a 500.
  for (const [reference, accessCode] of [["A".repeat(10_000), "x"], ["YC\u0000-1", "\u0000"], ["' OR 1=1 --", "1"], [`YC\u2014${YEAR}\u20130099998`, "x"]]) {
    const r = await post(reference!, accessCode!);
    expect(r.status).toBe(404);
    expect(r.body).toContain("Mã hồ sơ hoặc mã tra cứu không đúng.");
  }
});
