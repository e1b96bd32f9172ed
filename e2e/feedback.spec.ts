import postgres from "postgres";
import { expect, signInAsStaff, test } from "./fixtures";

// Feedback and petitions (issue 14 item 5) on the generic procedure pages (ADR 074): a citizen sends
// anonymous feedback with JavaScript off at 320 px (a bad first try keeps what was typed), gets a reference and
// access code, and nothing identifying is stored; the office's clerk answers it from the case page; the
// sender reads the answer by lookup without an account, and, since they chose publication, on the public list.
test.skip(!process.env.DATABASE_URL, "needs the e2e database on DATABASE_URL's server (as in CI)");

function e2eDb() {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/thads_e2e_${process.env.E2E_PORT ?? "3210"}`;
  return postgres(url.toString(), { max: 1, onnotice: () => {} });
}

test.describe("anonymous feedback, JavaScript off, 320 px", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });

  test("sent anonymously, stored without identity, answered by the office, read by lookup and on the public list", async ({ page, browser, checkA11y }) => {
    const subject = `Phòng chờ thiếu ghế ${Date.now()}`;
    await page.goto("/dich-vu/phan-anh-kien-nghi");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gửi phản ánh, kiến nghị");
    await checkA11y();
    await page.getByRole("button", { name: "Bắt đầu" }).click();

    // The office in two short lists: the province first, then its offices (not ~700 in one).
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cơ quan thi hành án ở tỉnh, thành phố nào?");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await expect(page.getByText("Chọn tỉnh, thành phố trong danh sách.").first()).toBeVisible();
    await checkA11y();
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thi hành án dân sự thành phố Hà Nội" });
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nội dung phản ánh, kiến nghị");
    await expect(page.locator("select[name=agency] option", { hasText: "Đà Nẵng" })).toHaveCount(0);
    await page.getByLabel("Tiêu đề").fill(subject);
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    // Nothing lost: the subject is still there, and each missing answer says how to fix it.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nội dung phản ánh, kiến nghị");
    await expect(page.getByLabel("Tiêu đề")).toHaveValue(subject);
    await expect(page.getByText("Chọn phản ánh hoặc kiến nghị.").first()).toBeVisible();
    await expect(page.getByText("Chọn cơ quan thi hành án trong danh sách.").first()).toBeVisible();
    await checkA11y();
    await page.getByLabel("Phản ánh (về một việc đã xảy ra)").check();
    await page.getByLabel("Cơ quan thi hành án").selectOption({ label: "Phòng Thi hành án dân sự khu vực 1 – Hà Nội" });
    await page.getByLabel("Nội dung", { exact: true }).fill("Sáng 20/11 phòng tiếp dân không đủ ghế cho người chờ.\nĐề nghị bố trí thêm.");
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Người gửi");
    await page.getByLabel("Có, gửi ẩn danh").check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    // Anonymous: the contact step is skipped.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Công khai trả lời");
    await page.getByLabel("Công khai trên cổng").check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kiểm tra trước khi gửi");
    await expect(page.getByText("Phòng Thi hành án dân sự khu vực 1 – Hà Nội")).toBeVisible();
    await expect(page.getByText("Họ và tên")).toHaveCount(0);
    await checkA11y();
    await page.getByRole("button", { name: "Gửi", exact: true }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đã gửi thành công");
    const reference = (await page.getByTestId("reference").innerText()).trim();
    const code = (await page.getByTestId("access-code").innerText()).trim();
    expect(reference).toMatch(/^PA-\d{4}-\d{7}$/);
    await checkA11y();

    const sql = e2eDb();
    try {
      const [row] = await sql`
        select s.citizen_id, s.applicant_name, s.applicant_email, c.applicant_email as case_email, c.citizen_id as case_citizen
        from submissions s join cases c on c.submission_id = s.id where s.reference = ${reference}`;
      expect(row).toEqual({ citizen_id: null, applicant_name: null, applicant_email: null, case_email: null, case_citizen: null });
      const audits = await sql`select ip from audit_log where details ->> 'reference' = ${reference}`;
      expect(audits.length).toBeGreaterThan(0);
      for (const a of audits) expect(a.ip).toBeNull();
    } finally {
      await sql.end();
    }

    // The office answers from the case page.
    const staff = await browser.newPage();
    await signInAsStaff(staff, "tiepnhan@thads.local");
    await staff.goto(`/staff/cases?q=${encodeURIComponent(reference)}`);
    await staff.getByRole("link", { name: reference }).first().click();
    await expect(staff.getByText(subject).first()).toBeVisible();
    await staff.getByRole("link", { name: "Trả lời", exact: true }).click();
    await staff.getByLabel("Nội dung trả lời").fill("Cơ quan đã bố trí thêm 10 ghế từ ngày 25/11.");
    await staff.getByRole("button", { name: /Xác nhận|Ghi nhận|Lưu/ }).first().click();
    await expect(staff.getByText("Đã trả lời").first()).toBeVisible();
    await staff.close();

    // The sender reads it by lookup, without an account.
    await page.goto(`/tra-cuu?ma-ho-so=${encodeURIComponent(reference)}`);
    await page.getByLabel("Mã tra cứu").fill(code);
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tình trạng hồ sơ ${reference}`);
    await expect(page.getByText("Cơ quan đã bố trí thêm 10 ghế từ ngày 25/11.")).toBeVisible();

    // And, as they chose, on the public list, with no identity.
    await page.goto("/phan-anh-kien-nghi/tra-loi");
    const item = page.locator("article", { hasText: subject });
    await expect(item).toContainText("Cơ quan đã bố trí thêm 10 ghế từ ngày 25/11.");
    await checkA11y();
  });
});
