import crypto from "node:crypto";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import type { Page } from "@playwright/test";
import { e2eDb, expect, expectNoAxeViolations, fileEnforcementRequest, freshStaff, mailFromOutbox, signInAsStaff, signInCitizen, signInStaffWithTotp, test } from "./fixtures";

// Electronic service of documents end to end (issue 14 item 2, ADR 074 and 080): a citizen files a request
// signed in and agrees to electronic service (JavaScript off); a head accepts it; an officer, signed in with
// password and TOTP, serves the acceptance decision from the case's service page; the notice e-mail reaches
// the outbox (a link, not the document); the party, signed in with JavaScript off, opens the document; the
// officer's page then shows it opened, with the time and the SHA-256 of the bytes the party got; the signed
// receipt of service verifies on its public page (no account) and prints as a PDF; a changed code is a
// localised 404. Also the certificate's public form and page. axe and 320 px on each new page.
test.skip(!process.env.DATABASE_URL, "needs the e2e database on DATABASE_URL's server (as in CI)");

const NAME = "Hoàng Thị Mai Anh";
const MASKED = "Hoàng T** M** A**";

async function fitsIn320(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
  if (size) await page.setViewportSize(size);
}

test.describe("a document served, opened by the party and shown as served to the officer", () => {
  test("consent, serve, the notice e-mail, the party opens it (JavaScript off), the officer sees time and SHA-256, the signed receipt verifies", async ({ browser, baseURL }) => {
    test.setTimeout(300_000);
    const email = `tong.dat.${Date.now()}@example.vn`;

    // 1. The party, signed in with JavaScript off, files a request and agrees to electronic service.
    const partyContext = await browser.newContext({ javaScriptEnabled: false });
    const party = await partyContext.newPage();
    await signInCitizen(party, email);
    await expect(party).toHaveURL(/\/tai-khoan/);
    const { reference } = await fileEnforcementRequest(party, { name: NAME, email, judgment: "92/2025/DS-ST" });
    await party.goto(`/tai-khoan/ho-so/${encodeURIComponent(reference)}`);
    await party.getByRole("link", { name: "Nhận văn bản điện tử" }).click();
    await expect(party.getByRole("heading", { level: 1 })).toHaveText("Nhận văn bản điện tử");
    await party.getByLabel("Địa chỉ thư điện tử nhận thông báo").fill("khong-phai-email");
    await party.getByRole("button", { name: "Đồng ý nhận văn bản điện tử" }).click();
    await expect(party.getByText("Nhập địa chỉ thư điện tử hợp lệ, ví dụ ten@example.vn.").first()).toBeVisible();
    await expect(party.getByLabel("Địa chỉ thư điện tử nhận thông báo")).toHaveValue("khong-phai-email");
    await party.getByLabel("Địa chỉ thư điện tử nhận thông báo").fill(email);
    await party.getByRole("button", { name: "Đồng ý nhận văn bản điện tử" }).click();
    await expect(party.getByText(`tại địa chỉ ${email}`)).toBeVisible();
    await expectA11yJsOff(party);

    // 2. A head of the office accepts the request (the acceptance decision is issued by the job queue).
    const head = await (await browser.newContext()).newPage();
    await signInAsStaff(head, await freshStaff("head", "HNI-KV01", "Thủ Trưởng Tống Đạt"));
    await expect(head.getByRole("heading", { level: 1, name: "Khu vực làm việc của cán bộ" })).toBeVisible();
    await head.goto(`/staff/cases?q=${encodeURIComponent(reference)}`);
    const href = (await head.getByRole("link", { name: new RegExp(reference) }).first().getAttribute("href"))!;
    const caseId = /\/staff\/cases\/([0-9a-f-]{36})/.exec(href)![1]!;
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    await head.goto(`/staff/cases/${caseId}/accept`);
    await head.getByLabel("Số quyết định thi hành án").fill("141/QĐ-THADS");
    await head.getByLabel("Ngày ra quyết định").fill(today);
    await head.getByRole("button", { name: "Xác nhận" }).click();
    await expect(head).toHaveURL(new RegExp(`/staff/cases/${caseId}\\?done=accept`));
    await head.context().close();

    // 3. An officer of the office (password + TOTP) serves it electronically from the case's service page.
    const officer = await (await browser.newContext()).newPage();
    await signInStaffWithTotp(officer, await freshStaff("officer", "HNI-KV01", "Chấp Hành Viên Tống Đạt"));
    await officer.goto(`/staff/cases/${caseId}`);
    await officer.getByRole("link", { name: "Tống đạt văn bản" }).click();
    await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Tống đạt văn bản");
    await expect(officer.getByText(`Đương sự đã đồng ý nhận văn bản điện tử (${email}).`)).toBeVisible();
    const decision = officer.locator("section", { has: officer.getByRole("heading", { level: 2, name: "Quyết định thi hành án" }) });
    await expect(async () => {
      await officer.reload();
      await expect(decision.getByRole("button", { name: "Tống đạt điện tử" })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
    await decision.getByRole("button", { name: "Tống đạt điện tử" }).click();
    await expect(officer).toHaveURL(new RegExp(`/staff/cases/${caseId}/service\\?luu=1`));
    await expect(decision.getByTestId("opened-at")).toHaveText("Chưa mở");
    await expect(decision.getByText("Biên nhận tống đạt được lập khi đương sự mở văn bản lần đầu")).toBeVisible();
    const servedSha = (await decision.getByTestId("sha256").innerText()).trim();
    expect(servedSha).toMatch(/^[0-9a-f]{64}$/);

    // 4. The notice e-mail: a link to the served document, never the document itself.
    const mail = await mailFromOutbox(party, email, `Có văn bản chờ bạn nhận — hồ sơ ${reference}`);
    const servedPath = /\/tong-dat\/([0-9a-f-]{36})/.exec(mail)?.[0];
    expect(servedPath, "the link to the served document").toBeDefined();
    expect(mail).not.toContain("%PDF");

    // 5. The party, signed in, JavaScript off, opens it: the page shows the proof; the PDF is the exact bytes served.
    await party.goto(servedPath!);
    await expect(party.getByRole("heading", { level: 1 })).toHaveText("Văn bản được tống đạt");
    await expect(party.getByTestId("opened-at")).toHaveText("Chưa mở");
    await expect(party.getByRole("button", { name: "Mở văn bản (PDF)" })).toBeVisible();
    await expectA11yJsOff(party);
    // The button posts the form (no JavaScript needed) and the answer is the PDF itself (the browser shows
    // it in its viewer): post the same form from the same signed-in context to read the bytes.
    const openAction = (await party.locator("form", { has: party.getByRole("button", { name: "Mở văn bản (PDF)" }) }).getAttribute("action"))!;
    expect(openAction).toBe(`${servedPath}/mo`);
    const opened = await party.request.post(openAction, { headers: { Origin: baseURL! }, form: {} });
    expect(opened.status()).toBe(200);
    expect(opened.headers()["content-type"]).toBe("application/pdf");
    const bytes = await opened.body();
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const sha = crypto.createHash("sha256").update(bytes).digest("hex");
    expect(sha).toBe(servedSha);
    await party.reload();
    await expect(party.getByTestId("opened-at")).not.toHaveText("Chưa mở");
    await expect(party.getByTestId("sha256")).toHaveText(sha);
    const verifyHref = (await party.getByTestId("service-receipt-verify").getAttribute("href"))!;
    expect(verifyHref).toMatch(/^\/xac-minh-tong-dat\/[A-Z0-9]{16}$/);
    // The party's own page of the case's service lists it with the same receipt.
    await party.goto(`/tai-khoan/ho-so/${encodeURIComponent(reference)}/tong-dat`);
    await expect(party.getByTestId("service-receipt-verify")).toHaveAttribute("href", verifyHref);
    await fitsIn320(party);
    await expectA11yJsOff(party);

    // 6. The officer's page: served, opened at a time, the SHA-256 of what the party got, and the same receipt.
    await officer.reload();
    const openedAt = (await decision.getByTestId("opened-at").innerText()).trim();
    expect(openedAt).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await expect(decision.getByTestId("sha256")).toHaveText(sha);
    await expect(decision.getByTestId("service-receipt-verify")).toHaveAttribute("href", verifyHref);
    await checkA11yOn(officer);

    // 7. Anyone, without an account and without JavaScript, verifies the receipt; it prints as a PDF.
    const publicContext = await browser.newContext({ javaScriptEnabled: false });
    const visitor = await publicContext.newPage();
    const res = await visitor.goto(verifyHref);
    expect(res!.status()).toBe(200);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Biên nhận tống đạt hợp lệ");
    for (const text of [reference, MASKED, "Quyết định thi hành án", sha, openedAt]) await expect(visitor.getByText(text, { exact: true }).first()).toBeVisible();
    await expect(visitor.getByText(NAME)).toHaveCount(0);
    await fitsIn320(visitor);
    await expectA11yJsOff(visitor);
    const pdf = await visitor.request.get(`${verifyHref}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    // The JWS as signed verifies with the key set published for receipts, fetched like any outsider would.
    const jws = await (await visitor.request.get(`${verifyHref}/jws`)).text();
    const jwks = (await (await visitor.request.get("/.well-known/jwks.json")).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(jws, createLocalJWKSet(jwks), { typ: "thads-service+jwt" });
    expect(payload).toMatchObject({ service: { reference, sha256: servedSha, openedSha256: sha, party: MASKED } });

    // 8. One character of the code changed: a localised 404, never a 500.
    const code = verifyHref.split("/").pop()!;
    const changed = `${code.slice(0, 5)}${code[5] === "A" ? "B" : "A"}${code.slice(6)}`;
    const missing = await visitor.goto(`/xac-minh-tong-dat/${changed}`);
    expect(missing!.status()).toBe(404);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy biên nhận tống đạt");
    await fitsIn320(visitor);
    await expectA11yJsOff(visitor);
    expect((await visitor.request.get(`/xac-minh-tong-dat/${changed}/pdf`)).status()).toBe(404);
    await publicContext.close();
    await partyContext.close();
    await officer.context().close();
  });
});

test.describe("the certificate's public verification, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the form keeps a malformed code with a message; an unknown code is a localised 404; axe; 320 px", async ({ page, checkA11y }) => {
    await page.goto("/xac-minh-xac-nhan");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xác minh giấy xác nhận kết quả thi hành án");
    await fitsIn320(page);
    await checkA11y();
    await page.getByLabel("Mã giấy xác nhận").fill("abc-123");
    const bad = page.waitForResponse((r) => r.url().includes("/xac-minh-xac-nhan?ma="));
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    expect((await bad).status()).toBe(400);
    await expect(page.getByText("Mã gồm 16 chữ cái và chữ số, ví dụ ABCD-EFGH-JKLM-NPQR.").first()).toBeVisible();
    await expect(page.getByLabel("Mã giấy xác nhận")).toHaveValue("abc-123");
    await fitsIn320(page);
    await checkA11y();
    await page.getByLabel("Mã giấy xác nhận").fill("abcd-efgh-jkmn-pqrs");
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await expect(page).toHaveURL(/\/xac-minh-xac-nhan\/ABCDEFGHJKMNPQRS$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy giấy xác nhận");
    await fitsIn320(page);
    await checkA11y();
    const res = await page.goto("/xac-minh-xac-nhan/%3Cscript%3E");
    expect(res!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy giấy xác nhận");
  });
});

test.describe("a confirmed certificate of enforcement result", () => {
  test("the office confirms; the certificate verifies on its public page without JavaScript, the name masked; axe; 320 px", async ({ browser }) => {
    // The confirmation journey's citizen pages are not online yet: the request is put in as fileSubmission
    // leaves it (a submission and its case, received), and the clerk confirms it from the event page.
    const reference = `XN-2026-${String(Date.now() % 1e7).padStart(7, "0")}`;
    const sql = e2eDb();
    let caseId = "";
    try {
      const [row] = await sql<{ id: string }[]>`
        with a as (select id from agencies where code = 'HNI-KV01'),
        s as (
          insert into submissions (procedure, reference, access_code_hash, agency_id, applicant_name, answers)
          select 'confirmation', ${reference}, '\\x00', a.id, ${NAME}, '{}'::jsonb from a returning id, agency_id),
        c as (
          insert into cases (case_type, submission_id, reference, agency_id, state, applicant_name, search_text, received_at, updated_at)
          select 'confirmation', s.id, ${reference}, s.agency_id, 'received', ${NAME}, ${reference.toLowerCase()}, now(), now() from s returning id)
        insert into case_events (case_id, seq, event, from_state, to_state, actor_type, fields, public, at)
        select c.id, 1, 'received', null, 'received', 'citizen', '{}'::jsonb, true, now() from c returning case_id as id`;
      caseId = row!.id;
    } finally {
      await sql.end();
    }
    const clerk = await (await browser.newContext()).newPage();
    await signInAsStaff(clerk, await freshStaff("clerk", "HNI-KV01", "Cán Bộ Xác Nhận"));
    await expect(clerk.getByRole("heading", { level: 1, name: "Khu vực làm việc của cán bộ" })).toBeVisible();
    await clerk.goto(`/staff/cases/${caseId}/confirm`);
    await clerk.getByLabel("Số tiền đã thu (đồng)").fill("15.000.000");
    await clerk.getByLabel("Số tiền đã chi trả (đồng)").fill("10.000.000");
    await clerk.getByLabel("Tình trạng từng nghĩa vụ").fill("Trả nợ 15.000.000 đồng: đã thi hành xong");
    await clerk.getByRole("button", { name: "Xác nhận" }).click();
    await expect(clerk).toHaveURL(new RegExp(`/staff/cases/${caseId}\\?done=confirm`));
    await clerk.context().close();

    // The certificate is signed by the event's document job.
    let code = "";
    await expect(async () => {
      const db = e2eDb();
      try {
        const [cert] = await db<{ code: string }[]>`select code from confirmation_certificates where case_id = ${caseId}`;
        expect(cert, "the certificate").toBeDefined();
        code = cert!.code;
      } finally {
        await db.end();
      }
    }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });

    const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await visitor.goto("/xac-minh-xac-nhan");
    await visitor.getByLabel("Mã giấy xác nhận").fill(code.toLowerCase().replace(/(.{4})(?=.)/g, "$1-"));
    await visitor.getByRole("button", { name: "Kiểm tra" }).click();
    await expect(visitor).toHaveURL(new RegExp(`/xac-minh-xac-nhan/${code}$`));
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Giấy xác nhận hợp lệ");
    for (const text of [reference, MASKED, "15.000.000 ₫", "10.000.000 ₫", "Trả nợ 15.000.000 đồng: đã thi hành xong"]) {
      await expect(visitor.getByText(text, { exact: true }).first()).toBeVisible();
    }
    await expect(visitor.getByText(NAME)).toHaveCount(0);
    await fitsIn320(visitor);
    await expectA11yJsOff(visitor);
    await visitor.context().close();
  });
});

/** axe on a page of a JavaScript-off context (the fixture's helper serves its HTML to a scratch page). */
const expectA11yJsOff = (page: Page) => expectNoAxeViolations(page, { javaScriptEnabled: false });
const checkA11yOn = (page: Page) => expectNoAxeViolations(page);
