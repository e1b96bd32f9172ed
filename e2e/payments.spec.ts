import type { Page } from "@playwright/test";
import { courtNotice, expect, randomCccd, signInAsStaff, test } from "./fixtures";

async function outboxHas(page: Page, subject: RegExp) {
  await expect(async () => {
    await page.goto("/dev/outbox");
    await expect(page.getByText(subject).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

test.describe("with JavaScript", () => {
  test("find a notice, check it, pay with VNPay in the sandbox, see the result, get the e-mail; it cannot be paid twice", async ({ page, request, checkA11y }) => {
    test.setTimeout(120_000);
    const idNumber = randomCccd();
    const noticeNumber = await courtNotice(request, idNumber);

    await page.goto("/");
    await page.getByRole("link", { name: "Nộp tiền thi hành án và tạm ứng án phí" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nộp tiền tạm ứng án phí" })).toBeVisible();
    await checkA11y();

    await page.getByLabel("Số thông báo").fill(noticeNumber);
    await page.getByLabel(/Số căn cước công dân/).fill("003085000001");
    await page.getByRole("button", { name: "Tìm thông báo" }).click();
    await expect(page.getByText("ba chữ số đầu phải là mã tỉnh").first()).toBeVisible();
    await checkA11y();

    await page.getByLabel(/Số căn cước công dân/).fill("001085099999");
    await page.getByRole("button", { name: "Tìm thông báo" }).click();
    await expect(page.getByText("Không tìm thấy thông báo khớp")).toBeVisible();
    await expect(page.getByLabel("Số thông báo")).toHaveValue(noticeNumber);

    await page.getByLabel(/Số căn cước công dân/).fill(idNumber);
    await page.getByRole("button", { name: "Tìm thông báo" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thông báo nộp tiền tạm ứng án phí" })).toBeVisible();
    await expect(page.getByText("1.250.000 ₫", { exact: true })).toBeVisible();
    await expect(page.getByText(idNumber)).toHaveCount(0); // masked
    await checkA11y();

    await page.getByLabel("Thư điện tử nhận xác nhận").fill("vu.lan@example.vn");
    await page.getByRole("button", { name: "Thanh toán 1.250.000 ₫ qua VNPay" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thanh toán (thử nghiệm)" })).toBeVisible();
    await checkA11y();
    await page.getByLabel("Vietcombank").check();
    await page.getByRole("button", { name: "Thanh toán thành công" }).click();

    await expect(page).toHaveURL(/\/dich-vu\/nop-tien\/ket-qua\?ref=T/);
    await expect(page.getByRole("heading", { level: 1, name: "Thanh toán thành công" })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(`Đã nhận 1.250.000 ₫ cho thông báo ${noticeNumber}`)).toBeVisible();
    // Money already paid: "đã nộp", when, and what happens next (the receipt by e-mail, and here).
    await expect(page.getByText("Số tiền đã nộp", { exact: true })).toBeVisible();
    await expect(page.getByText("Số tiền phải nộp")).toHaveCount(0);
    await expect(page.getByText("Thời điểm nộp tiền", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Việc tiếp theo" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Xem biên lai" })).toBeVisible({ timeout: 15_000 });
    await checkA11y();

    // One e-mail for the payment: the receipt, which confirms it.
    const subject = new RegExp(`Biên lai điện tử TA/\\d\\dE số \\d{7}: đã nhận tiền tạm ứng án phí theo thông báo ${noticeNumber}`);
    await outboxHas(page, subject);
    await page.waitForTimeout(1500); // a second e-mail, if any, would be in by now
    await page.goto("/dev/outbox");
    await expect(page.getByText(new RegExp(noticeNumber))).toHaveCount(1);

    await page.goto("/dich-vu/nop-tien");
    await page.getByLabel("Số thông báo").fill(noticeNumber);
    await page.getByLabel(/Số căn cước công dân/).fill(idNumber);
    await page.getByRole("button", { name: "Tìm thông báo" }).click();
    await expect(page.getByText("Thông báo này đã được nộp đủ tiền")).toBeVisible();
    await expect(page.getByRole("button", { name: /qua VNPay/ })).toHaveCount(0);
    await checkA11y();
    // The paid notice links its receipt.
    await page.getByRole("link", { name: /Xem biên lai điện tử ký hiệu TA\/\d\dE số \d{7}/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: /BIÊN LAI THU TIỀN TẠM ỨNG ÁN PHÍ/ })).toBeVisible();
  });

  test("an accountant creates a notice by form and imports a CSV (all or nothing)", async ({ page, checkA11y }) => {
    await signInAsStaff(page, "ketoan@thads.local");
    await page.getByRole("link", { name: "Thông báo nộp tiền" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thông báo nộp tiền tạm ứng án phí" })).toBeVisible();
    await checkA11y();

    await page.getByRole("link", { name: "Tạo thông báo" }).click();
    await page.getByLabel("Tòa án ra thông báo").selectOption("TAND-HNI-KV01");
    await page.getByLabel("Vụ việc").fill("Vụ án dân sự số 5/2026/TLST-DS");
    await page.getByLabel("Họ tên hoặc tên tổ chức của người nộp").fill("Bùi Minh Tâm");
    await page.getByLabel("Số căn cước công dân hoặc mã số doanh nghiệp").fill("0300588568");
    await page.getByLabel("Địa chỉ người nộp").fill("Hà Nội");
    // issue 10: "450000.00" was read as 45,000,000 đồng; now it is refused, with what to type instead
    await page.getByLabel("Số tiền (đồng)").fill("450000.00");
    await page.getByLabel("Hạn nộp").fill("31/12/2026");
    await page.getByRole("button", { name: "Tạo thông báo" }).click();
    await expect(page.getByText("sai chữ số kiểm tra").first()).toBeVisible();
    await expect(page.getByText("Số tiền không có phần thập phân. Nhập số tiền bằng đồng, không có phần thập phân, ví dụ 1.250.000.").first()).toBeVisible();
    await expect(page.getByLabel("Họ tên hoặc tên tổ chức của người nộp")).toHaveValue("Bùi Minh Tâm");
    await expect(page.getByLabel("Số tiền (đồng)")).toHaveValue("450000.00");
    await checkA11y();
    await page.getByLabel("Số căn cước công dân hoặc mã số doanh nghiệp").fill("0300588569");
    await page.getByLabel("Số tiền (đồng)").fill("450.000");
    await page.getByRole("button", { name: "Tạo thông báo" }).click();
    await expect(page.getByText(/Đã tạo thông báo TB-\d{4}-\d{7}/)).toBeVisible();
    await expect(page.getByRole("cell", { name: "450.000 ₫" }).first()).toBeVisible();

    await page.getByRole("link", { name: "Nhập từ tệp CSV" }).click();
    await checkA11y();
    const header = "court_code,court_document_number,case_reference,payer_name,payer_id_number,payer_address,amount,due_date";
    await page.getByLabel("Tệp CSV").setInputFiles({
      name: "thong-bao.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${header}\nTAND-HNI-KV01,,Vụ án 1,Người Một,001085000011,Hà Nội,100000,31/12/2026\nTAND-HNI-KV01,,Vụ án 2,Người Hai,12345,Hà Nội,abc,31/12/2026\n`),
    });
    await page.getByRole("button", { name: "Nhập thông báo" }).click();
    await expect(page.getByRole("heading", { name: "Không nhập thông báo nào: tệp có 2 lỗi" })).toBeVisible();
    await checkA11y();
    await page.getByLabel("Tệp CSV").setInputFiles({
      name: "thong-bao.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${header}\nTAND-HNI-KV01,,Vụ án 1,Người Một,001085000011,Hà Nội,100000,31/12/2026\n`),
    });
    await page.getByRole("button", { name: "Nhập thông báo" }).click();
    await expect(page.getByText("Đã nhập 1 thông báo.")).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("in English, with the IPN lost: the return page checks with VNPay and refreshes itself until paid; e-mail in English", async ({ page, request, checkA11y }) => {
    test.setTimeout(120_000); // several self-refreshes of the return page, then the e-mail
    const idNumber = randomCccd();
    const noticeNumber = await courtNotice(request, idNumber, 2_000_000);

    await page.goto("/dich-vu/nop-tien");
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pay an advance court fee" })).toBeVisible();
    await page.getByRole("button", { name: "Find the notice" }).click();
    await expect(page.getByRole("heading", { name: "There are 2 problems to fix" })).toBeVisible();
    await checkA11y();

    await page.getByLabel("Notice number").fill(noticeNumber);
    await page.getByLabel(/citizen ID number/).fill(idNumber);
    await page.getByRole("button", { name: "Find the notice" }).click();
    await expect(page.getByText("VND 2,000,000", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Pay VND 2,000,000 with VNPay" }).click();
    await expect(page.getByText("Enter an e-mail address for the confirmation.").first()).toBeVisible();
    await checkA11y();
    await page.getByLabel("E-mail for the confirmation").fill("lan.vu@example.com");
    await page.getByRole("button", { name: "Pay VND 2,000,000 with VNPay" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Payment (test)" })).toBeVisible();
    await checkA11y();
    await page.getByLabel("Do not send the IPN (lost notification)").check();
    await page.getByRole("button", { name: "Pay successfully" }).click();

    // No IPN will come: the page itself asks VNPay (querydr) and settles the payment.
    await expect(page.getByRole("heading", { level: 1, name: /Checking your payment|Payment successful/ })).toBeVisible();
    await checkA11y();
    await expect(page.getByRole("heading", { level: 1, name: "Payment successful" })).toBeVisible({ timeout: 20_000 });
    await checkA11y();
    await expect(page.getByText("Amount paid", { exact: true })).toBeVisible();
    await outboxHas(page, new RegExp(`Electronic receipt TA/\\d\\dE no\\. \\d{7}: advance court fee received for notice ${noticeNumber}`));
  });

  test("cancel at the gateway, then pay again", async ({ page, request, checkA11y }) => {
    const idNumber = randomCccd();
    const noticeNumber = await courtNotice(request, idNumber, 300_000);
    await page.goto("/dich-vu/nop-tien");
    await page.getByLabel("Số thông báo").fill(noticeNumber);
    await page.getByLabel(/Số căn cước công dân/).fill(idNumber);
    await page.getByRole("button", { name: "Tìm thông báo" }).click();
    await page.getByLabel("Thư điện tử nhận xác nhận").fill("huy@example.vn");
    await page.getByRole("button", { name: "Thanh toán 300.000 ₫ qua VNPay" }).click();
    await page.getByRole("button", { name: "Hủy thanh toán" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Bạn đã hủy thanh toán|Đang kiểm tra/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Bạn đã hủy thanh toán" })).toBeVisible({ timeout: 15_000 });
    await checkA11y();
    await page.getByRole("link", { name: "Thanh toán lại" }).click();
    // Back to the notice itself, ready to pay again (not to the search).
    await expect(page.getByRole("heading", { level: 1, name: "Thông báo nộp tiền tạm ứng án phí" })).toBeVisible();
    await expect(page.getByText(noticeNumber)).toBeVisible();
    await expect(page.getByRole("button", { name: "Thanh toán 300.000 ₫ qua VNPay" })).toBeVisible();
    await checkA11y();
  });
});

test.describe("back from the gateway", () => {
  const portPart = () => process.env.E2E_PORT ?? "3210"; // as playwright.config.ts

  test("paying from http://127.0.0.1 (BASE_URL is localhost) comes back to 127.0.0.1, in the language chosen there", async ({ page, request, checkA11y }) => {
    const idNumber = randomCccd();
    const noticeNumber = await courtNotice(request, idNumber, 400_000);
    const origin = `http://127.0.0.1:${portPart()}`;
    await page.goto(`${origin}/dich-vu/nop-tien`);
    await page.getByRole("button", { name: /English/ }).click();
    await page.getByLabel("Notice number").fill(noticeNumber);
    await page.getByLabel(/citizen ID number/).fill(idNumber);
    await page.getByRole("button", { name: "Find the notice" }).click();
    await page.getByLabel("E-mail for the confirmation").fill("lan.vu@example.com");
    await page.getByRole("button", { name: "Pay VND 400,000 with VNPay" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Payment (test)" })).toBeVisible();
    await page.getByRole("button", { name: "Pay successfully" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Payment successful" })).toBeVisible({ timeout: 20_000 });
    expect(new URL(page.url()).origin).toBe(origin);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await checkA11y();
  });

  test("two tabs pay the same notice: the second ends on the result page, which says the notice is paid", async ({ context, request }) => {
    const idNumber = randomCccd();
    const noticeNumber = await courtNotice(request, idNumber, 350_000);
    const tabs = [await context.newPage(), await context.newPage()];
    for (const tab of tabs) {
      await tab.goto("/dich-vu/nop-tien");
      await tab.getByLabel("Số thông báo").fill(noticeNumber);
      await tab.getByLabel(/Số căn cước công dân/).fill(idNumber);
      await tab.getByRole("button", { name: "Tìm thông báo" }).click();
      await tab.getByLabel("Thư điện tử nhận xác nhận").fill("hai.tab@example.vn");
      await tab.getByRole("button", { name: "Thanh toán 350.000 ₫ qua VNPay" }).click();
      await expect(tab.getByRole("heading", { level: 1, name: "Thanh toán (thử nghiệm)" })).toBeVisible();
    }
    await tabs[0]!.getByRole("button", { name: "Thanh toán thành công" }).click();
    await expect(tabs[0]!.getByRole("heading", { level: 1, name: "Thanh toán thành công" })).toBeVisible({ timeout: 20_000 });
    await tabs[1]!.getByRole("button", { name: "Thanh toán thành công" }).click();
    await expect(tabs[1]!).toHaveURL(/\/dich-vu\/nop-tien\/ket-qua\?ref=T/);
    await expect(tabs[1]!.getByRole("heading", { level: 1, name: "Thanh toán thành công" })).toBeVisible({ timeout: 20_000 });
    await expect(tabs[1]!.getByText("Thông báo đã được nộp đủ tiền; bạn không cần nộp lại.")).toBeVisible();
    await expect(tabs[1]!.getByRole("heading", { name: "Không thể thực hiện giao dịch" })).toHaveCount(0);
  });
});
