import type { Page } from "@playwright/test";
import postgres from "postgres";
import { codeFromOutbox, expect, signInAsStaff, test } from "./fixtures";

// My cases (ADR 067) against the real build with JavaScript off: a request filed while signed out with an
// address joins the account when that address signs in; the citizen sees it in My cases with its timeline,
// an officer's event (the acceptance) appears there with its decision document, the citizen turns the
// case's e-mails off; another citizen's case is a 404; axe on every page; nothing wider than 320 px.
test.skip(!process.env.DATABASE_URL, "needs the e2e database on DATABASE_URL's server (as in CI)");

function e2eDb() {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/thads_e2e_${process.env.E2E_PORT ?? "3210"}`;
  return postgres(url.toString(), { max: 1, onnotice: () => {} });
}

/** A request filed while signed out at HNI-KV01 by `email`, and its case (seq 1 `received`), as the filing submit opens them. */
async function filedSignedOut(sql: postgres.Sql, email: string, tag: string) {
  const reference = `YC-2026-M${tag}`;
  const [row] = await sql<{ id: string }[]>`
    with a as (select id from agencies where code = 'HNI-KV01'),
    court as (select id from courts where code = 'TAND-HNI-KV01'),
    r as (
      insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, applicant_email, debtor_name,
        judgment_number, judgment_effective_on, answers, locale)
      select ${reference}, '\\x00', a.id, court.id, 'Phạm Minh Tuấn', ${email}, 'Đặng Quốc Việt', '12/2025/DS-ST', '2025-06-01', '{}'::jsonb, 'vi'
      from a, court returning id, agency_id
    ),
    c as (
      insert into cases (case_type, submission_id, reference, agency_id, state, applicant_name, other_party_name, search_text, received_at, applicant_email)
      select 'enforcement-request', r.id, ${reference}, r.agency_id, 'received', 'Phạm Minh Tuấn', 'Đặng Quốc Việt', 'pham minh tuan', now() - interval '1 hour', ${email}
      from r returning id
    ),
    e as (
      insert into case_events (case_id, seq, event, from_state, to_state, actor_type, public, at)
      select c.id, 1, 'received', null, 'received', 'citizen', true, now() - interval '1 hour' from c returning id, case_id, at
    )
    insert into case_timeline (case_id, event_id, event, at, details) select case_id, id, 'received', at, '{}'::jsonb from e
    returning case_id as id`;
  return { caseId: row!.id, reference };
}

async function signInCitizen(page: Page, email: string) {
  await page.goto("/dang-nhap");
  await page.getByLabel("Địa chỉ thư điện tử").fill(email);
  await page.getByRole("button", { name: "Gửi mã đăng nhập" }).click();
  await expect(page).toHaveURL(/\/dang-nhap\/ma$/);
  await page.getByLabel("Mã đăng nhập").fill(await codeFromOutbox(page, email));
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tài khoản của tôi");
}

async function fitsIn320(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a request filed signed out joins the account; its timeline, the officer's event and document; e-mails off; another's case is a 404", async ({ page, browser, checkA11y }) => {
    const sql = e2eDb();
    try {
      const tag = String(Date.now() % 10_000_000).padStart(7, "0");
      const email = `ho.so.${tag}@example.vn`;
      const mine = await filedSignedOut(sql, email.toUpperCase(), tag);
      const theirs = await filedSignedOut(sql, `nguoi.khac.${tag}@example.vn`, `${tag}X`);

      await signInCitizen(page, email);
      await page.getByRole("main").getByRole("link", { name: "Hồ sơ của tôi" }).click();
      await expect(page).toHaveURL(/\/tai-khoan\/ho-so$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hồ sơ của tôi");
      await expect(page.getByRole("link", { name: mine.reference })).toBeVisible();
      await expect(page.getByText(theirs.reference)).toHaveCount(0);
      await expect(page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Hồ sơ của tôi" })).toBeVisible();
      await checkA11y();
      await fitsIn320(page);

      await page.getByRole("link", { name: mine.reference }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(mine.reference);
      await expect(page.getByRole("heading", { name: "Diễn biến hồ sơ" })).toBeVisible();
      await expect(page.locator(".case-timeline li")).toHaveCount(1);
      await expect(page.getByText("Phạm Minh Tuấn")).toBeVisible(); // their own name, in full
      await checkA11y();
      await fitsIn320(page);

      // An officer (the clerk of the office) accepts the case, in their own browser.
      const staff = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      await signInAsStaff(staff, "tiepnhan@thads.local");
      await staff.goto(`/staff/cases/${mine.caseId}/accept`);
      await staff.getByLabel("Số quyết định thi hành án").fill("21/QĐ-THADS");
      await staff.getByLabel("Ngày ra quyết định").fill(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()));
      await staff.getByRole("button", { name: "Xác nhận" }).click();
      await expect(staff).toHaveURL(new RegExp(`/staff/cases/${mine.caseId}\\?done=accept&seq=2$`));
      // Staff cannot use the citizen's pages: the citizen sign-in instead.
      await staff.goto(`/tai-khoan/ho-so/${mine.reference}`);
      await expect(staff).toHaveURL(/\/dang-nhap\?redirectTo=/);
      await staff.context().close();

      await page.reload();
      await expect(page.locator(".case-timeline li")).toHaveCount(2);
      const download = page.getByRole("link", { name: /^Tải văn bản \(PDF\)/ });
      await expect(download).toHaveCount(1);
      const pdf = await page.request.get((await download.getAttribute("href"))!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");

      // E-mails about this case: off, as a plain form.
      await expect(page.getByText("Bạn đang nhận thư về hồ sơ này.")).toBeVisible();
      await page.getByLabel("Không, tôi sẽ tự xem trên cổng").check();
      await page.getByRole("button", { name: "Lưu lựa chọn" }).click();
      await expect(page).toHaveURL(/\?luu=1#thong-bao$/);
      await expect(page.getByRole("status").filter({ hasText: "Đã lưu lựa chọn của bạn." })).toBeVisible();
      await expect(page.getByText("Bạn đã tắt thư về hồ sơ này.")).toBeVisible();
      await expect(page.getByLabel("Không, tôi sẽ tự xem trên cổng")).toBeChecked();
      const [row] = await sql<{ notify_applicant: boolean }[]>`select notify_applicant from cases where id = ${mine.caseId}`;
      expect(row!.notify_applicant).toBe(false);
      await checkA11y();

      // Another citizen's case, by its reference, and its document: the same 404 as a case that does not exist.
      for (const url of [`/tai-khoan/ho-so/${theirs.reference}`, `/tai-khoan/ho-so/${theirs.reference}/van-ban/1`, "/tai-khoan/ho-so/YC-2026-0000000"]) {
        const res = await page.goto(url);
        expect(res!.status(), url).toBe(404);
      }
      await checkA11y();
    } finally {
      await sql.end();
    }
  });
});

test("in English, with JavaScript on, the list and the case read the same", async ({ page }) => {
  const sql = e2eDb();
  try {
    const tag = String((Date.now() + 7) % 10_000_000).padStart(7, "0");
    const email = `en.${tag}@example.vn`;
    const mine = await filedSignedOut(sql, email, `${tag}E`);
    await signInCitizen(page, email);
    await page.getByRole("button", { name: "English" }).click();
    await page.goto("/tai-khoan/ho-so");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My cases");
    await page.getByRole("link", { name: mine.reference }).click();
    await expect(page.getByRole("heading", { name: "E-mails about this case" })).toBeVisible();
    // Posted with no choice (the radios cleared in the browser): the page again, with the message, in English.
    await page.locator("input[name=notify]").evaluateAll((radios) => radios.forEach((r) => ((r as HTMLInputElement).checked = false)));
    const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Save my choice" }).click()]);
    expect(answer.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("Choose whether to get e-mails");
    await expect(page.locator("#f-notify-error")).toHaveText("Choose whether to get e-mails");
    await page.getByLabel("No, I will check the portal myself").check();
    await page.getByRole("button", { name: "Save my choice" }).click();
    await expect(page.getByText("You have turned off e-mails about this case.")).toBeVisible();
  } finally {
    await sql.end();
  }
});
