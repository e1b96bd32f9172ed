import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, e2eDb, expect, fileEnforcementRequest, mailFromOutbox, fireFromCasePage, freshStaff, signInCitizen, signInStaffWithTotp, test } from "./fixtures";

// Issue 13's main journey ("Done when"): a citizen files a request signed in (JavaScript off) and keeps its
// reference and tracking code; a head of office signs in with password and TOTP, accepts the request and
// assigns the officer from the case page; the officer posts "decision notified" from the case page; the
// citizen sees it in My cases AND, in a fresh browser without an account, by lookup — JavaScript off in
// both; the e-mail of that event arrives in the outbox (through the job queue) with the lookup link and
// no tracking code; its one-click unsubscribe page turns the case's e-mails off and back on, without
// JavaScript, and My cases shows the same choice. axe and 320 px on the citizen's pages.
test.skip(!process.env.DATABASE_URL, "needs the e2e database on DATABASE_URL's server (as in CI)");

const OFFICER = "Trần Văn Đức"; // the demo officer of HNI-KV01 (server/seed.server.ts)

async function staffPassword(page: Page, email: string) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

async function fitsIn320(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an officer posts an event → the citizen sees it in My cases and by lookup → the e-mail arrives, and its link turns e-mails off and on", async ({ page, browser, checkA11y }) => {
    test.setTimeout(420_000);
    const email = `theo.doi.${Date.now()}@example.vn`;

    // 1. The citizen, signed in, files the request and keeps the pair from the confirmation.
    await signInCitizen(page, email);
    await expect(page).toHaveURL(/\/tai-khoan/);
    const { reference, code } = await fileEnforcementRequest(page, { name: "Hoàng Thị Mai Anh", email });
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);

    // 2. A head of office with password and TOTP accepts it and assigns the officer, from the case page.
    const headContext = await browser.newContext({ javaScriptEnabled: false });
    const head = await headContext.newPage();
    await signInStaffWithTotp(head, await freshStaff("head", "HNI-KV01", "Thủ Trưởng Theo Dõi"));
    await head.goto(`/staff/cases?q=${encodeURIComponent(reference)}`);
    const href = (await head.getByRole("link", { name: new RegExp(reference) }).getAttribute("href"))!;
    const caseId = /\/staff\/cases\/([0-9a-f-]{36})/.exec(href)![1]!;
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    await fireFromCasePage(head, caseId, "accept", async () => {
      await head.getByLabel("Số quyết định thi hành án").fill("131/QĐ-THADS");
      await head.getByLabel("Ngày ra quyết định").fill(today);
    });
    await fireFromCasePage(head, caseId, "assignOfficer", async () => {
      const value = await head.locator("select[name=officerId] option", { hasText: OFFICER }).first().getAttribute("value");
      await head.getByLabel("Chấp hành viên").selectOption(value!);
    });
    await headContext.close();

    // 3. The officer posts "decision notified" from the case page.
    const officerContext = await browser.newContext({ javaScriptEnabled: false });
    const officer = await officerContext.newPage();
    await staffPassword(officer, "chaphanhvien@thads.local");
    await expect(officer.getByRole("heading", { level: 1, name: "Khu vực làm việc của cán bộ" })).toBeVisible();
    await fireFromCasePage(officer, caseId, "decisionNotified", async () => {
      await officer.getByLabel("Ngày thông báo").fill(today);
      await officer.getByLabel("Điện tử").check();
    });
    await officerContext.close();

    // 4. The citizen sees it in My cases.
    await page.goto("/tai-khoan/ho-so");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hồ sơ của tôi");
    await page.locator(`a[href="/tai-khoan/ho-so/${reference}"]`).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference);
    const timeline = page.locator(".case-timeline");
    await expect(timeline.locator("li")).toHaveCount(4);
    await expect(timeline.locator("li").first()).toContainText("Đã thông báo quyết định thi hành án");
    await expect(page.getByText(OFFICER).first()).toBeVisible();
    await checkA11y();

    // 5. … and, in a fresh browser without an account, by lookup (the reference prefilled from the e-mail's link).
    const guestContext = await browser.newContext({ javaScriptEnabled: false });
    const guest = await guestContext.newPage();
    await guest.goto(`/tra-cuu?ma-ho-so=${encodeURIComponent(reference)}`);
    await expect(guest.getByLabel("Mã hồ sơ")).toHaveValue(reference);
    await guest.getByLabel("Mã tra cứu").fill(code.toLowerCase());
    await guest.getByRole("button", { name: "Tra cứu" }).click();
    await expect(guest.getByRole("heading", { level: 1 })).toHaveText(`Tình trạng hồ sơ ${reference}`);
    const guestTimeline = guest.locator(".case-timeline li");
    await expect(guestTimeline).toHaveCount(4);
    await expect(guestTimeline.first()).toContainText("Đã thông báo quyết định thi hành án");
    await expect(guest.getByText(OFFICER).first()).toBeVisible();
    await expect(guest.getByText("Hoàng Thị Mai Anh")).toHaveCount(0); // masked without an account
    await guestContext.close();

    // 6. The e-mail of the officer's event is in the outbox: what happened, the links, never the tracking code.
    const mail = await mailFromOutbox(page, email, `Hồ sơ ${reference}: Quyết định thi hành án đã được thông báo`);
    expect(mail).toContain("Kính gửi Hoàng Thị Mai Anh,");
    expect(mail).toContain("Hình thức thông báo: Điện tử");
    expect(mail).toContain(`/tra-cuu?ma-ho-so=${reference}`);
    expect(mail).toContain("/tai-khoan/ho-so");
    for (const c of [code, code.replaceAll("-", ""), code.toLowerCase()]) expect(mail).not.toContain(c);
    // the earlier events: one e-mail each (the acceptance with the case number, the officer)
    await mailFromOutbox(page, email, `Hồ sơ ${reference}: Chấp hành viên đã được phân công`);
    const outbox = await (await page.request.get("/dev/outbox")).text();
    // (the table's links only: the page's serialised data names each message too)
    const links = [...outbox.matchAll(/href="\/dev\/outbox\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]!).filter((s) => s.includes(reference));
    expect(links.filter((s) => s.endsWith("Quyết định thi hành án đã được thông báo"))).toHaveLength(1);
    expect(links.filter((s) => s.includes("đã được thụ lý"))).toHaveLength(1);
    expect(links.filter((s) => s.endsWith("Chấp hành viên đã được phân công"))).toHaveLength(1);

    // 7. Its unsubscribe link, without JavaScript: what stops, one button; off; back on.
    const unsubscribe = /\/thong-bao\/tat\/[A-Za-z0-9_-]{43}/.exec(mail)![0];
    await page.goto(unsubscribe);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thông báo qua thư điện tử");
    await expect(page.getByText(reference)).toBeVisible();
    await checkA11y();
    await fitsIn320(page);
    await page.getByRole("button", { name: "Tắt thông báo" }).click();
    await expect(page).toHaveURL(new RegExp(`${unsubscribe}\\?done=off$`));
    await expect(page.getByRole("status")).toHaveText("Đã tắt thông báo qua thư điện tử cho hồ sơ này.");
    await checkA11y();
    await page.goto(`/tai-khoan/ho-so/${reference}`);
    await expect(page.getByText("Bạn đã tắt thư về hồ sơ này.")).toBeVisible();
    await page.goto(unsubscribe);
    await page.getByRole("button", { name: "Bật lại thông báo" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã bật lại thông báo qua thư điện tử cho hồ sơ này.");
    await page.goto(`/tai-khoan/ho-so/${reference}`);
    await expect(page.getByText("Bạn đang nhận thư về hồ sơ này.")).toBeVisible();

    // A forged link: a clear 404 page, nothing else.
    const forged = `${unsubscribe.slice(0, -2)}${unsubscribe.endsWith("AA") ? "BB" : "AA"}`;
    expect((await page.goto(forged))!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Liên kết không dùng được");
    await checkA11y();
  });
});

test("the one-click unsubscribe (RFC 8058) works as a mail client sends it: a POST from its server, no cookie, no Origin", async ({ page }) => {
  const sql = e2eDb();
  try {
    // A link as case_notify makes one (256 random bits, only the SHA-256 stored), for an old demo case (not the journey's).
    const token = crypto.randomBytes(32).toString("base64url");
    const [c] = await sql<{ id: string; notify_applicant: boolean }[]>`select id, notify_applicant from cases order by received_at limit 1 offset 1`;
    await sql`insert into case_mail_tokens (token_hash, case_id) values (${crypto.createHash("sha256").update(token).digest()}, ${c!.id})`;
    const path = `/thong-bao/tat/${token}`;
    const res = await page.request.fetch(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: "List-Unsubscribe=One-Click",
      maxRedirects: 0,
    });
    expect(res.status()).toBe(303);
    expect(res.headers()["location"]).toBe(`${path}?done=off`);
    const [after] = await sql<{ notify_applicant: boolean }[]>`select notify_applicant from cases where id = ${c!.id}`;
    expect(after!.notify_applicant).toBe(false);
    const [a] = await sql<{ details: { via: string } }[]>`select details from audit_log where target_id = ${c!.id} and action = 'case.mailOptOut' order by id desc limit 1`;
    expect(a!.details.via).toBe("one-click");
    await sql`update cases set notify_applicant = ${c!.notify_applicant} where id = ${c!.id}`;
  } finally {
    await sql.end();
  }
});

test("the unsubscribe page in English, and a choice it does not know: a localised 400 with the page kept, never a 500", async ({ page, checkA11y }) => {
  const sql = e2eDb();
  try {
    const token = crypto.randomBytes(32).toString("base64url");
    const [c] = await sql<{ id: string; reference: string }[]>`select id, reference from cases where notify_applicant order by received_at limit 1`;
    await sql`insert into case_mail_tokens (token_hash, case_id) values (${crypto.createHash("sha256").update(token).digest()}, ${c!.id})`;
    const path = `/thong-bao/tat/${token}`;
    const bad = await page.request.post(path, { form: { intent: "maybe" } });
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain("Hãy chọn tắt hoặc bật thông báo bằng nút bên dưới.");
    await page.goto(path);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("E-mail notifications");
    await expect(page.getByText(c!.reference)).toBeVisible();
    await expect(page.getByRole("button", { name: "Turn off e-mails" })).toBeVisible();
    await checkA11y();
    const badEn = await page.request.post(path, { form: { intent: "maybe" } });
    expect(badEn.status()).toBe(400);
    expect(await badEn.text()).toContain("Choose to turn e-mails off or on with the button below.");
    expect((await page.request.get(`/thong-bao/tat/${"x".repeat(43)}`)).status()).toBe(404);
    expect((await sql<{ n: boolean }[]>`select notify_applicant as n from cases where id = ${c!.id}`)[0]!.n).toBe(true);
  } finally {
    await sql.end();
  }
});
