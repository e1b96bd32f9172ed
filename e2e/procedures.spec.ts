import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { e2eDb, expect, fireFromCasePage, freshStaff, signInAsStaff, signInCitizen, signInStaffWithTotp, test } from "./fixtures";

// Issue 14 ("Done when"): the four procedures on the generic procedure pages (ADR 079, 082), each filed by a
// citizen and answered by staff end to end — the complaint and the change of officer with JavaScript off at
// 320 px; the confirmation and the denunciation with it on. Each new page is checked with axe.
test.skip(!process.env.DATABASE_URL, "needs the e2e database on DATABASE_URL's server (as in CI)");

const PDF = (text: string) => ({ name: `${text}.pdf`, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\n%%EOF\n`) });

/** The demo seed's access code of an applicant's case (server/seed.server.ts demoAccessCode, development data only). */
function demoAccessCode(email: string): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const bytes = crypto.createHash("sha256").update(`thads-demo-lookup:${email}`).digest().subarray(0, 16);
  return Array.from(bytes, (b) => alphabet[b & 31]).join("").match(/.{4}/g)!.join("-");
}

async function demoCase(email: string): Promise<{ id: string; reference: string; code: string }> {
  const sql = e2eDb();
  try {
    const [row] = await sql<{ id: string; reference: string }[]>`
      select id, reference from cases where case_type = 'enforcement-request' and applicant_email = ${email}`;
    return { ...row!, code: demoAccessCode(email) };
  } finally {
    await sql.end();
  }
}

async function caseIdOf(reference: string): Promise<string> {
  const sql = e2eDb();
  try {
    const [row] = await sql<{ id: string }[]>`select id from cases where reference = ${reference}`;
    return row!.id;
  } finally {
    await sql.end();
  }
}

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const next = (page: Page) => page.getByRole("button", { name: "Tiếp tục" }).click();

async function fitsIn320(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** "Sent": the reference (with its prefix) and the access code. */
async function sent(page: Page, prefix: string) {
  await expect(h1(page)).toHaveText("Đã gửi thành công");
  const reference = (await page.getByTestId("reference").innerText()).trim();
  const code = (await page.getByTestId("access-code").innerText()).trim();
  expect(reference).toMatch(new RegExp(`^${prefix}-\\d{4}-\\d{7}$`));
  return { reference, code };
}

async function lookUp(page: Page, reference: string, code: string) {
  await page.goto(`/tra-cuu?ma-ho-so=${encodeURIComponent(reference)}`);
  await page.getByLabel("Mã tra cứu").fill(code);
  await page.getByRole("button", { name: "Tra cứu" }).click();
  await expect(h1(page)).toHaveText(`Tình trạng hồ sơ ${reference}`);
}

test.describe("JavaScript off, 320 px", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });

  test("a late complaint: the time limit computed and shown, filed with its reason and evidence, accepted and resolved, read by lookup", async ({ page, browser, checkA11y }) => {
    const related = await demoCase("bichngoc.truong@example.com");
    await page.goto("/dich-vu/khieu-nai");
    await expect(h1(page)).toHaveText("Khiếu nại về thi hành án dân sự");
    await checkA11y();
    await page.getByRole("button", { name: "Bắt đầu" }).click();

    await expect(h1(page)).toHaveText("Hồ sơ thi hành án liên quan");
    await page.getByLabel("Mã hồ sơ thi hành án").fill(related.reference);
    await page.getByLabel(/Mã tra cứu/).fill("AAAA-BBBB-CCCC-DDDD");
    await next(page);
    // A wrong pair: the lookup's one answer, and nothing typed is lost.
    await expect(page.getByText("Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này.").first()).toBeVisible();
    await expect(page.getByLabel("Mã hồ sơ thi hành án")).toHaveValue(related.reference);
    await page.getByLabel(/Mã tra cứu/).fill(related.code);
    await next(page);

    await expect(h1(page)).toHaveText("Quyết định, hành vi bị khiếu nại");
    await checkA11y();
    await fitsIn320(page);
    await page.getByLabel("Khiếu nại lần đầu", { exact: true }).check();
    await page.getByLabel("Chấp hành viên", { exact: true }).check();
    await page.getByLabel("Áp dụng biện pháp cưỡng chế", { exact: true }).check();
    await page.getByLabel("Số quyết định").fill("21/QĐ-CCTHA");
    await page.getByLabel("Ngày ra quyết định hoặc ngày có hành vi").fill("2026-03-02");
    await page.getByLabel(/Ngày bạn nhận được/).fill("2026-03-05");
    await next(page);
    // Months ago: late, so the reason is asked for, and every answer is kept.
    await expect(page.getByText("Đã quá hạn khiếu nại: nhập lý do nộp muộn.").first()).toBeVisible();
    await expect(page.getByLabel("Số quyết định")).toHaveValue("21/QĐ-CCTHA");
    await expect(page.getByLabel("Áp dụng biện pháp cưỡng chế", { exact: true })).toBeChecked();
    await checkA11y();
    await page.getByLabel(/Lý do khiếu nại sau thời hạn/).fill("Tôi điều trị dài ngày tại bệnh viện từ tháng 3 đến tháng 10/2026.");
    await next(page);

    await expect(h1(page)).toHaveText("Nội dung khiếu nại");
    // The time limit, computed from the rules in force, shows on the next steps.
    await expect(page.getByText(/Đã quá hạn khiếu nại \(\d{2}\/\d{2}\/2026\)/)).toBeVisible();
    await page.getByLabel("Nội dung khiếu nại").fill("Chấp hành viên kê biên căn hộ khi tôi đã nộp đủ tiền.");
    await page.getByLabel("Bạn đề nghị giải quyết như thế nào").fill("Hủy quyết định cưỡng chế số 21/QĐ-CCTHA.");
    await next(page);
    await expect(h1(page)).toHaveText("Người khiếu nại");
    await page.getByLabel("Họ và tên").fill("Trương Thị Bích Ngọc");
    await page.getByLabel("Địa chỉ").fill("Số 88 Thợ Nhuộm, phường Cửa Nam, Hà Nội");
    await next(page);

    // The attachments page of the generic pages: an upload without JavaScript, a wrong file refused by content.
    await expect(h1(page)).toHaveText("Tài liệu, chứng cứ");
    await checkA11y();
    await fitsIn320(page);
    await page.locator("#f-file").setInputFiles({ name: "anh.pdf", mimeType: "application/pdf", buffer: Buffer.from("not really a pdf") });
    await page.getByRole("button", { name: "Tải lên" }).click();
    await expect(page.getByText("Tệp “anh.pdf” không phải PDF, JPG, PNG hoặc DOCX").first()).toBeVisible();
    await checkA11y();
    await page.getByLabel("Loại tài liệu").selectOption({ label: "Quyết định bị khiếu nại" });
    await page.locator("#f-file").setInputFiles(PDF("quyet-dinh-21"));
    await page.getByRole("button", { name: "Tải lên" }).click();
    await expect(page.getByText("Đã tải lên 1 tệp.")).toBeVisible();
    await expect(page.getByRole("cell", { name: "quyet-dinh-21.pdf", exact: true })).toBeVisible();
    await next(page);

    await expect(h1(page)).toHaveText("Kiểm tra trước khi gửi");
    await expect(page.getByText(/Đã quá hạn khiếu nại/)).toBeVisible();
    await expect(page.getByText(/quyet-dinh-21\.pdf — Quyết định bị khiếu nại/)).toBeVisible();
    await checkA11y();
    await page.getByRole("button", { name: "Gửi", exact: true }).click();
    const { reference, code } = await sent(page, "KN");
    await checkA11y();

    // The clerk accepts it (the kind decides the resolution deadline); a head resolves it.
    const caseId = await caseIdOf(reference);
    const staffContext = await browser.newContext({ javaScriptEnabled: false });
    const clerk = await staffContext.newPage();
    await signInAsStaff(clerk, "tiepnhan@thads.local");
    await clerk.goto(`/staff/cases/${caseId}`);
    await expect(clerk.getByText("khiếu nại quá hạn", { exact: false }).or(clerk.getByText("Tôi điều trị dài ngày", { exact: false })).first()).toBeVisible();
    await expect(clerk.getByText("quyet-dinh-21.pdf").first()).toBeVisible();
    await fireFromCasePage(clerk, caseId, "accept", async () => {
      await clerk.locator("select[name=kind]").selectOption("coercive");
    });
    await staffContext.close();
    const headContext = await browser.newContext({ javaScriptEnabled: false });
    const head = await headContext.newPage();
    await signInStaffWithTotp(head, await freshStaff("head"));
    await fireFromCasePage(head, caseId, "resolve", async () => {
      await head.getByLabel("Số quyết định giải quyết").fill("05/QĐ-GQKN");
      await head.getByLabel("Khiếu nại đúng một phần").check();
      await head.getByLabel("Nội dung giải quyết").fill("Hủy một phần quyết định cưỡng chế; hoàn trả chi phí cưỡng chế.");
    });
    await headContext.close();

    // The complainant reads it by lookup, without an account.
    await lookUp(page, reference, code);
    await expect(page.getByText("Khiếu nại đã được giải quyết").first()).toBeVisible();
    await checkA11y();
  });

  test("a change of officer: filed signed in (no code for one's own case), granted by the head, the related case moves to the new officer", async ({ page, browser, checkA11y }) => {
    const email = "huuphuoc.nguyen@example.com";
    const related = await demoCase(email);
    await signInCitizen(page, email);
    await page.goto("/dich-vu/thay-doi-chap-hanh-vien");
    await expect(h1(page)).toHaveText("Đề nghị thay đổi Chấp hành viên");
    await checkA11y();
    await page.getByRole("button", { name: "Bắt đầu" }).click();

    await expect(h1(page)).toHaveText("Hồ sơ thi hành án");
    await page.getByLabel("Mã hồ sơ thi hành án").fill(related.reference);
    await next(page);
    await expect(h1(page)).toHaveText("Người yêu cầu");
    await next(page);
    await expect(page.getByText("Nhập họ và tên.").first()).toBeVisible();
    await checkA11y();
    await page.getByLabel("Họ và tên").fill("Nguyễn Hữu Phước");
    await next(page);
    await expect(h1(page)).toHaveText("Căn cứ yêu cầu");
    await fitsIn320(page);
    await page.getByLabel("Chậm trễ hoặc không vô tư").check();
    await page.getByLabel("Trình bày cụ thể").fill("Đã 5 tháng kể từ khi thông báo quyết định, Chấp hành viên chưa xác minh tài sản.");
    await next(page);
    await expect(h1(page)).toHaveText("Chứng cứ");
    await checkA11y();
    await next(page); // evidence is optional
    await expect(h1(page)).toHaveText("Kiểm tra trước khi gửi");
    await checkA11y();
    await page.getByRole("button", { name: "Gửi", exact: true }).click();
    const { reference } = await sent(page, "DC");

    const caseId = await caseIdOf(reference);
    const headContext = await browser.newContext({ javaScriptEnabled: false });
    const head = await headContext.newPage();
    await signInStaffWithTotp(head, await freshStaff("head"));
    await fireFromCasePage(head, caseId, "grant", async () => {
      const value = await head.locator("select[name=newOfficerId] option", { hasText: "Ngô Minh Tuấn" }).first().getAttribute("value");
      await head.locator("select[name=newOfficerId]").selectOption(value!);
      await head.getByLabel("Căn cứ chấp nhận").fill("Chấp hành viên chậm trễ xác minh tài sản.");
    });
    await headContext.close();

    const sql = e2eDb();
    try {
      const [moved] = await sql<{ full_name: string }[]>`select s.full_name from cases c join staff s on s.id = c.officer_id where c.id = ${related.id}`;
      expect(moved!.full_name).toBe("Ngô Minh Tuấn");
    } finally {
      await sql.end();
    }
    // The party sees the decision, and the related case's new officer, in My cases.
    await page.goto(`/tai-khoan/ho-so/${encodeURIComponent(reference)}`);
    await expect(page.getByText("Yêu cầu được chấp nhận: hồ sơ thi hành án đã được giao cho Chấp hành viên khác.")).toBeVisible();
    await checkA11y();
    await page.goto(`/tai-khoan/ho-so/${encodeURIComponent(related.reference)}`);
    await expect(page.getByText("Ngô Minh Tuấn").first()).toBeVisible();
  });
});

test.describe("JavaScript on", () => {
  test("a confirmation of result by a relative: the required proof is asked for, the office confirms, the party reads it by lookup", async ({ page, browser, checkA11y }) => {
    const related = await demoCase("thanhhuong.vo@example.com");
    await page.goto("/dich-vu/xac-nhan-ket-qua");
    await expect(h1(page)).toHaveText("Yêu cầu xác nhận kết quả thi hành án");
    await checkA11y();
    await page.getByRole("button", { name: "Bắt đầu" }).click();
    await page.getByLabel("Mã hồ sơ thi hành án").fill(related.reference);
    await page.getByLabel(/Mã tra cứu/).fill(related.code);
    await next(page);
    await expect(h1(page)).toHaveText("Người yêu cầu");
    await page.getByLabel("Thân nhân của đương sự đã chết").check();
    await page.getByLabel("Họ và tên").fill("Võ Văn Hải");
    await next(page);

    await expect(h1(page)).toHaveText("Giấy tờ của thân nhân");
    await next(page);
    await expect(page.getByText("Hãy đính kèm giấy tờ chứng minh quan hệ thân nhân.").first()).toBeVisible();
    await checkA11y();
    await page.getByLabel("Loại tài liệu").selectOption({ label: "Giấy tờ chứng minh quan hệ thân nhân" });
    await page.locator("#f-file").setInputFiles(PDF("giay-khai-sinh"));
    await page.getByRole("button", { name: "Tải lên" }).click();
    await expect(page.getByRole("cell", { name: "giay-khai-sinh.pdf", exact: true })).toBeVisible();
    await next(page);

    await expect(h1(page)).toHaveText("Nội dung cần xác nhận");
    await page.getByLabel("Toàn bộ kết quả thi hành án").check();
    await page.getByLabel("Bản điện tử có chữ ký số").check();
    await next(page);
    await expect(h1(page)).toHaveText("Kiểm tra trước khi gửi");
    await checkA11y();
    await page.getByRole("button", { name: "Gửi", exact: true }).click();
    const { reference, code } = await sent(page, "XN");

    const caseId = await caseIdOf(reference);
    const staff = await browser.newPage();
    await signInAsStaff(staff, "tiepnhan@thads.local");
    await fireFromCasePage(staff, caseId, "confirm", async () => {
      await staff.getByLabel("Số tiền đã thu (đồng)").fill("30000000");
      await staff.getByLabel("Số tiền đã chi trả (đồng)").fill("30000000");
      await staff.getByLabel("Tình trạng từng nghĩa vụ").fill("Trả nợ 30.000.000 đồng: đã thi hành xong.");
    });
    await staff.close();

    await lookUp(page, reference, code);
    await expect(page.getByText("Cơ quan thi hành án đã cấp giấy xác nhận kết quả thi hành án có chữ ký số.")).toBeVisible();
    await checkA11y();
  });

  test("a denunciation: sign-in required, the denouncer seen only by the handler, the conclusion reaches the denouncer", async ({ page, browser, checkA11y }) => {
    const email = `to.cao.${Date.now()}@example.com`;
    const denounced = `Chấp hành viên ${crypto.randomUUID().slice(0, 8)}`;
    await page.goto("/dich-vu/to-cao");
    await expect(h1(page)).toHaveText("Tố cáo vi phạm pháp luật trong thi hành án dân sự");
    await expect(page.getByRole("button", { name: "Bắt đầu" })).toHaveCount(0);
    await checkA11y();
    // Not signed in: no draft, the steps send to sign-in and back.
    await page.goto("/dich-vu/to-cao/noi-dung");
    await expect(page).toHaveURL(/\/dang-nhap\?redirectTo=%2Fdich-vu%2Fto-cao/);
    await page.goto("/dich-vu/to-cao");
    await page.getByRole("link", { name: "Đăng nhập để bắt đầu" }).click();
    await expect(page).toHaveURL(/\/dang-nhap\?redirectTo=/);
    await signInCitizen(page, email, page.url());
    await expect(page).toHaveURL(/\/dich-vu\/to-cao$/);
    await page.getByRole("button", { name: "Bắt đầu" }).click();

    await expect(h1(page)).toHaveText("Cơ quan thi hành án ở tỉnh, thành phố nào?");
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Thi hành án dân sự thành phố Hà Nội" });
    await next(page);
    await expect(h1(page)).toHaveText("Nội dung tố cáo");
    await page.getByLabel("Cơ quan thi hành án nơi xảy ra vi phạm").selectOption({ label: "Phòng Thi hành án dân sự khu vực 1 – Hà Nội" });
    await page.getByLabel("Người bị tố cáo").fill(denounced);
    await page.getByLabel("Hành vi vi phạm").fill("Nhận 5.000.000 đồng của người phải thi hành án để hoãn cưỡng chế.");
    await next(page);
    await expect(h1(page)).toHaveText("Người tố cáo");
    await page.getByLabel("Họ và tên").fill("Lý Thị Tố Cáo");
    await page.getByLabel("Địa chỉ").fill("Số 1 Tràng Thi, Hà Nội");
    await page.getByLabel(/Số định danh cá nhân/).fill("12345");
    await next(page);
    await expect(page.getByText("Số định danh cá nhân gồm đúng 12 chữ số, ví dụ: 001085012345.").first()).toBeVisible();
    await expect(page.getByLabel("Họ và tên")).toHaveValue("Lý Thị Tố Cáo");
    await checkA11y();
    await page.getByLabel(/Số định danh cá nhân/).fill("001090123456");
    await next(page);
    await expect(h1(page)).toHaveText("Chứng cứ");
    await next(page);
    await expect(h1(page)).toHaveText("Kiểm tra trước khi gửi");
    await checkA11y();
    await page.getByRole("button", { name: "Gửi", exact: true }).click();
    const { reference } = await sent(page, "TC");

    // The submission holds no identity; the denouncer is kept apart.
    const sql = e2eDb();
    try {
      const [s] = await sql`select s.applicant_name, s.answers::text as answers from submissions s where s.reference = ${reference}`;
      expect(s!.applicant_name).toBeNull();
      expect(s!.answers).not.toContain("Lý Thị Tố Cáo");
      expect(s!.answers).not.toContain("001090123456");
      const [d] = await sql`select d.full_name from denunciation_identities d join submissions s on s.id = d.submission_id where s.reference = ${reference}`;
      expect(d!.full_name).toBe("Lý Thị Tố Cáo");
    } finally {
      await sql.end();
    }

    const caseId = await caseIdOf(reference);
    // A clerk does not see the case at all; a head sees it without the denouncer.
    const clerk = await browser.newPage();
    await signInAsStaff(clerk, "tiepnhan@thads.local");
    const res = await clerk.goto(`/staff/cases/${caseId}`);
    expect(res!.status()).toBe(404);
    await clerk.close();
    const head = await browser.newPage();
    await signInStaffWithTotp(head, await freshStaff("head"));
    await head.goto(`/staff/cases/${caseId}`);
    await expect(head.getByText(denounced).first()).toBeVisible();
    await expect(head.getByText("Lý Thị Tố Cáo")).toHaveCount(0);
    await head.close();

    // The handler sees who denounced, accepts and concludes; the conclusion is served on the denouncer.
    const handler = await browser.newPage();
    await signInStaffWithTotp(handler, await freshStaff("denunciation-handler"));
    await handler.goto(`/staff/cases/${caseId}`);
    await expect(handler.getByText("Lý Thị Tố Cáo").first()).toBeVisible();
    await fireFromCasePage(handler, caseId, "accept", async () => {
      await handler.getByLabel("Ghi chú thụ lý").fill("Đủ điều kiện thụ lý.");
    });
    await fireFromCasePage(handler, caseId, "resolve", async () => {
      await handler.getByLabel("Kết luận").fill("Tố cáo đúng. Đã xử lý kỷ luật người bị tố cáo.");
    });
    await handler.close();

    await page.goto(`/tai-khoan/ho-so/${encodeURIComponent(reference)}`);
    await expect(page.getByText("Đã có kết luận nội dung tố cáo. Kết luận đã được gửi cho bạn.")).toBeVisible();
    await checkA11y();
  });
});
