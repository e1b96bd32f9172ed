import type { Page } from "@playwright/test";
import { expect, signInAsStaff, test } from "./fixtures";

// The whole "file an enforcement request" journey at 360 px wide, in Vietnamese and English, with
// JavaScript on and off; axe on every page.

const TEXT = {
  vi: { continue: "Tiếp tục", start: "Bắt đầu", upload: "Tải lên", submit: "Gửi đơn", done: "Đã gửi đơn yêu cầu thi hành án", check: "Kiểm tra thông tin trước khi gửi", errors: /Có \d+ lỗi cần sửa/, cccdError: "Ba chữ số đầu của số căn cước phải là mã tỉnh, thành phố. Hãy kiểm tra lại số trên thẻ.", futureError: "Ngày sinh phải là một ngày trong quá khứ.", titlePrefix: "Lỗi: ", pastLimit: "Có thể đã hết thời hiệu yêu cầu thi hành án", duplicate: "Đã có trong danh sách nên không tải lên lần nữa", saveLink: "Lưu và tiếp tục sau", back: "Quay lại", office: "Phòng Thi hành án dân sự khu vực 1 – Hà Nội", change: "Thay đổi" },
  en: { continue: "Continue", start: "Start now", upload: "Upload", submit: "Send request", done: "Enforcement request sent", check: "Check your answers before sending", errors: /There (is|are) \d+ problems?|\d+ errors?/i, cccdError: "The first three digits of the citizen ID must be a province code. Check the number on the card.", futureError: "Date of birth must be in the past.", titlePrefix: "Error: ", pastLimit: "The time limit for requesting enforcement may have passed", duplicate: "Already in the list, so not uploaded again", saveLink: "Save and continue later", back: "Back", office: "Phòng Thi hành án dân sự khu vực 1 – Hà Nội", change: "Change" },
} as const;

const PDF = Buffer.from("%PDF-1.4\n% test\n1 0 obj <<>> endobj\n%%EOF\n");

async function fileRequest(page: Page, lang: "vi" | "en", checkA11y: () => Promise<void>, js: boolean) {
  const T = TEXT[lang];
  const next = () => page.getByRole("button", { name: T.continue, exact: true }).click();
  // With JavaScript, each step's heading takes focus after "Continue" (as a page load would put a screen
  // reader at the top); the title carries no error prefix while the page shows none.
  const landed = async () => {
    if (js) await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    expect(await page.title()).not.toContain(T.titlePrefix);
  };

  await page.goto("/dich-vu/yeu-cau-thi-hanh-an");
  await checkA11y();
  await page.getByRole("button", { name: T.start }).click();

  await expect(page).toHaveURL(/nguoi-nop-don$/);
  await checkA11y();
  await page.locator("input[name=role][value=creditor]").check();
  await page.locator("input[name=party][value=person]").check();
  await page.locator("input[name=actingAs][value=self]").check();
  await next();

  // A wrong ID and a future date: messages beside the fields, the summary focused, nothing lost.
  await expect(page).toHaveURL(/thong-tin-ca-nhan$/);
  await landed();
  await checkA11y();
  await page.locator("[name=fullName]").fill("Nguyễn Văn An");
  await page.locator("[name=birthDate]").fill("2999-01-01");
  await page.locator("[name=cccd]").fill("003085012345");
  await page.locator("[name=address]").fill("Số 1 Tràng Tiền, phường Hoàn Kiếm, Hà Nội");
  await page.locator("[name=phone]").fill("0912 345 678");
  await page.locator("[name=email]").fill("an@example.vn");
  await next();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  expect(await page.title()).toMatch(new RegExp(`^${T.titlePrefix}`));
  await expect(page.locator("#f-cccd-error")).toHaveText(T.cccdError);
  await expect(page.locator("#f-birthDate-error")).toHaveText(T.futureError);
  await expect(page.locator("[name=fullName]")).toHaveValue("Nguyễn Văn An");
  await expect(page.locator("[name=cccd]")).toHaveValue("003085012345");
  await expect(page.locator("[name=address]")).toHaveValue("Số 1 Tràng Tiền, phường Hoàn Kiếm, Hà Nội");
  await expect(page.locator("[name=phone]")).toHaveValue("0912 345 678");
  await expect(page.locator("[name=email]")).toHaveValue("an@example.vn");
  await checkA11y();
  await page.locator("[name=birthDate]").fill("1985-04-12");
  await page.locator("[name=cccd]").fill("001085012345");
  await next();

  await expect(page).toHaveURL(/ban-an$/);
  await landed();
  await checkA11y();
  // "Save and come back later" offers the applicant's e-mail address from the answers.
  await page.getByRole("link", { name: T.saveLink }).click();
  await expect(page.locator("[name=email]")).toHaveValue("an@example.vn");
  await page.getByRole("link", { name: T.back, exact: true }).click();
  await expect(page).toHaveURL(/ban-an$/);
  // A judgment that took effect more than 5 years ago: the warning follows on the next step.
  await page.locator("[name=court]").selectOption("TAND-HNI-KV01");
  await page.locator("[name=judgmentNumber]").fill("125/2019/DS-ST");
  await page.locator("[name=judgmentDate]").fill("2019-03-01");
  await page.locator("[name=effectiveDate]").fill("2019-04-01");
  await next();

  await expect(page).toHaveURL(/nguoi-phai-thi-hanh-an$/);
  await landed();
  await expect(page.getByRole("heading", { name: T.pastLimit })).toBeVisible();
  await checkA11y();
  await page.locator("input[name=debtorKind][value=person]").check();
  await page.locator("[name=debtorName]").fill("Trần Thị Bình");
  await page.locator("[name=debtorAddress]").fill("Số 5 Kim Mã, phường Ba Đình, Hà Nội");
  await next();

  await expect(page).toHaveURL(/noi-dung-yeu-cau$/);
  await checkA11y();
  await page.locator("input[name=obligations][value=money]").check();
  await page.locator("[name=amount]").fill("150.000.000");
  await next();

  await expect(page).toHaveURL(/tai-san-thu-nhap$/);
  await checkA11y();
  await page.locator("[name=debtorAssets]").fill("Căn hộ chung cư tại phường Cầu Giấy");
  await next();

  await expect(page).toHaveURL(/tai-lieu$/);
  await checkA11y();
  // A file that only pretends to be a PDF is refused by its content.
  await page.locator("input[name=file]").setInputFiles({ name: "gia-mao.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
  await page.getByRole("button", { name: T.upload }).click();
  await expect(page.locator("#f-file-error")).toContainText("gia-mao.pdf");
  await checkA11y();
  await page.locator("input[name=file]").setInputFiles({ name: "Bản án 125.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: T.upload }).click();
  await expect(page.getByRole("cell", { name: "Bản án 125.pdf", exact: true })).toBeVisible();
  // The same file again (a second press of "Upload" once chosen again) is not stored twice.
  await page.locator("input[name=file]").setInputFiles({ name: "Bản án 125.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: T.upload }).click();
  await expect(page.getByRole("status").filter({ hasText: T.duplicate })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Bản án 125.pdf", exact: true })).toHaveCount(1);
  await next();

  await expect(page).toHaveURL(/cam-doan$/);
  await checkA11y();
  await page.locator("input[name=declaration]").check();
  await next();

  await expect(page).toHaveURL(/kiem-tra$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(T.check);
  await expect(page.getByRole("heading", { name: T.pastLimit })).toBeVisible();
  await expect(page.getByText("Nguyễn Văn An")).toBeVisible();
  await expect(page.getByText("Tòa án nhân dân khu vực 1 – Hà Nội")).toBeVisible();
  await expect(page.getByText(lang === "vi" ? "150.000.000 ₫" : "VND 150,000,000")).toBeVisible();
  await checkA11y();

  // "Change" goes back to the step and returns to the check page.
  await page.locator('a[href*="nguoi-phai-thi-hanh-an?quay-lai=kiem-tra"]').first().click();
  await expect(page.locator("[name=debtorName]")).toHaveValue("Trần Thị Bình");
  await page.locator("[name=debtorName]").fill("Trần Thị Bình Minh");
  await next();
  await expect(page).toHaveURL(/kiem-tra$/);
  await expect(page.getByText("Trần Thị Bình Minh")).toBeVisible();

  await page.getByRole("button", { name: T.submit }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(T.done);
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  expect(reference).toMatch(/^YC-\d{4}-\d{7}$/);
  await expect(page.getByTestId("access-code")).toHaveText(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
  await expect(page.getByText(T.office).first()).toBeVisible();
  await checkA11y();
  const pdf = await page.request.get("/dich-vu/yeu-cau-thi-hanh-an/da-gui.pdf");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  return reference;
}

for (const javaScriptEnabled of [true, false]) {
  for (const lang of ["vi", "en"] as const) {
    test.describe(`filing ${lang}, JavaScript ${javaScriptEnabled ? "on" : "off"}, 360 px`, () => {
      test.use({ javaScriptEnabled, viewport: { width: 360, height: 780 } });
      test.describe.configure({ timeout: 180_000 });

      test("the whole journey, then the clerk of the competent office opens it", async ({ page, context, baseURL, checkA11y }) => {
        if (lang === "en") await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
        const reference = await fileRequest(page, lang, checkA11y, javaScriptEnabled);
        if (lang !== "vi" || !javaScriptEnabled) return;

        await context.clearCookies();
        await signInAsStaff(page, "tiepnhan@thads.local");
        // The old list is the inbox now, filtered to enforcement requests (issue 12).
        await page.goto("/staff/requests");
        await expect(page).toHaveURL(/\/staff\/cases\?type=enforcement-request$/);
        await checkA11y();
        await page.getByRole("link", { name: new RegExp(reference) }).click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hồ sơ ${reference}`);
        await expect(page.getByRole("link", { name: "Bản án 125.pdf" })).toBeVisible();
        // Staff read about the applicant, not the citizen's questions.
        await expect(page.getByText("Người yêu cầu gửi đơn với tư cách")).toBeVisible();
        await expect(page.getByText(/Bạn gửi đơn|Ai điền đơn này/)).toHaveCount(0);
        await checkA11y();
        const file = await page.request.get(await page.getByRole("link", { name: "Bản án 125.pdf" }).getAttribute("href").then((h) => h!));
        expect(file.status()).toBe(200);
        expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
      });
    });
  }
}

test("the old request list opens the work inbox", async ({ page }) => {
  // Officers see their office's cases in the inbox (issue 12); the old list's URL leads there.
  await signInAsStaff(page, "chaphanhvien@thads.local");
  await page.goto("/staff/requests");
  await expect(page).toHaveURL(/\/staff\/cases\?type=enforcement-request$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hộp công việc" })).toBeVisible();
});
