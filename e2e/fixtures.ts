import AxeBuilder from "@axe-core/playwright";
import postgres from "postgres";
import { TOTP, Secret } from "otpauth";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "ThadsDemo#2026";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe (WCAG 2.0–2.2 A and AA rules) on the page as it is now and fails on any violation. With
 * JavaScript off, axe cannot run inside the page, so the same HTML (scripts removed) is served at the
 * same URL to a JavaScript-enabled page in the same browser, with the real stylesheets.
 */
export async function expectNoAxeViolations(page: Page, { javaScriptEnabled = true, scratch }: { javaScriptEnabled?: boolean; scratch?: () => Promise<Page> } = {}) {
  let target = page;
  let own: Page | null = null;
  // toHaveURL() passes as soon as a navigation commits: wait until the document is whole (a flake once
  // captured a page cut off between a radio button and its label).
  await page.waitForLoadState("load");
  if (!javaScriptEnabled) {
    const url = page.url();
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    if (scratch) {
      target = await scratch();
    } else {
      own = await (await page.context().browser()!.newContext({ javaScriptEnabled: true })).newPage();
      target = own;
    }
    await target.unrouteAll();
    await target.route(url, (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
    await target.goto(url);
  }
  try {
    const results = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  } finally {
    await own?.context().close();
  }
}

/**
 * `test` with two guards on every page: no console errors (CSP violations show up there), no uncaught
 * exceptions, and no failed sub-resource (script, style, image). Documents answered 4xx on purpose (a
 * 404 page, a refused form) are not errors.
 */
export const test = base.extend<{ consoleErrors: string[]; checkA11y: () => Promise<void> }>({
  /** `await checkA11y()`: axe on the current page, whether JavaScript is on or off in this test. */
  checkA11y: async ({ page, javaScriptEnabled, browser }, use) => {
    // With JavaScript off, one JavaScript-enabled scratch page per test serves every check.
    let scratch: Page | null = null;
    const getScratch = async () => (scratch ??= await (await browser.newContext({ javaScriptEnabled: true })).newPage());
    await use(() => expectNoAxeViolations(page, { javaScriptEnabled, scratch: getScratch }));
    await (scratch as Page | null)?.context().close();
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      page.on("response", (res) => {
        if (res.status() >= 400 && res.request().resourceType() !== "document" && res.request().resourceType() !== "fetch") {
          errors.push(`${res.status()} ${res.url()}`);
        }
      });
      await use(errors);
      expect(errors, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs a demo staff member in through the real form. */
export async function signInAsStaff(page: Page, email: string) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Khu vực làm việc của cán bộ" })).toBeVisible();
}

// The demo court's key (server/payments/seed.server.ts; development data only).
const COURT_KEY = "tak_demo_TAND-HNI-KV1_9fK2mQ7xR4vB8nL3";

/** A fresh unpaid notice through the courts' API, so parallel journeys never share one. */
export async function courtNotice(request: APIRequestContext, payerIdNumber: string, amount = 1_250_000) {
  const res = await request.post("/api/courts/notices", {
    headers: { Authorization: `Bearer ${COURT_KEY}` },
    data: {
      courtDocumentNumber: "200/2026/TB-TA",
      caseReference: "Vụ án dân sự số 77/2026/TLST-DS",
      payerName: "Vũ Thị Lan",
      payerIdNumber,
      payerAddress: "Số 3 phố Tràng Tiền, phường Hoàn Kiếm, Hà Nội",
      amount,
      dueDate: "2026-12-31",
      collectingOfficeCode: "HNI-KV01",
    },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { noticeNumber: string }).noticeNumber;
}

/** A random valid citizen ID (Hà Nội prefix). */
export const randomCccd = () => `0010${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/** The newest message id in the development outbox (0 when empty): pass it to codeFromOutbox to wait for a later code. */
export async function outboxHighWater(page: Page): Promise<number> {
  const html = await (await page.request.get("/dev/outbox")).text();
  return Math.max(0, ...[...html.matchAll(/href="\/dev\/outbox\/(\d+)"/g)].map((m) => Number(m[1])));
}

/**
 * The latest sign-in code e-mailed to `email`, read from the development outbox (the subject carries it),
 * from a message newer than `notBefore`: the e-mail goes out through the job queue, so a code asked for
 * again must not be answered with the previous, already used one.
 */
export async function codeFromOutbox(page: Page, email: string, notBefore = 0): Promise<string> {
  let code = "";
  await expect(async () => {
    const html = await (await page.request.get("/dev/outbox")).text();
    const ids = html
      .split("<tr")
      .filter((row) => row.includes(email))
      .map((row) => /href="\/dev\/outbox\/(\d+)"[^>]*>[^<]*?(\d{6})</.exec(row))
      .filter((m): m is RegExpExecArray => m !== null && Number(m[1]) > notBefore)
      .sort((a, b) => Number(b[1]) - Number(a[1]));
    expect(ids.length, "sign-in e-mail in the outbox").toBeGreaterThan(0);
    code = ids[0]![2]!;
  }).toPass({ timeout: 20_000 });
  return code;
}

/** The e2e server's own database (e2e/server.mjs creates `thads_e2e_<port>` on DATABASE_URL's server). */
export function e2eDb() {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/thads_e2e_${process.env.E2E_PORT ?? "3210"}`;
  return postgres(url.toString(), { max: 1, onnotice: () => {} });
}

/** A fresh staff member with the demo password and one role at an office (demo staff are shared by journeys). */
export async function freshStaff(role: string, agencyCode = "HNI-KV01", fullName = "Cán Bộ Thử Nghiệm"): Promise<string> {
  const sql = e2eDb();
  try {
    const email = `${role}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@thads.local`;
    await sql`
      with s as (
        insert into staff (email, full_name, password_hash)
        select ${email}, ${fullName}, password_hash from staff where email = 'thutruong@thads.local' returning id)
      insert into staff_roles (staff_id, agency_id, role) select s.id, a.id, ${role} from s, agencies a where a.code = ${agencyCode}`;
    return email;
  } finally {
    await sql.end();
  }
}

const totpAt = (secret: string, at = Date.now()) => TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: at });

/** Signs a staff member in with the demo password, turns TOTP on, and signs in again with password and code. */
export async function signInStaffWithTotp(page: Page, email: string) {
  await signInAsStaff(page, email);
  await page.getByRole("link", { name: "Bật xác thực hai lớp" }).click();
  const secret = (await page.locator("code.totp-secret").innerText()).replace(/\s/g, "");
  await page.getByLabel("Mã xác thực").fill(totpAt(secret));
  await page.getByRole("button", { name: "Xác nhận và bật" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mã khôi phục của bạn" })).toBeVisible();
  await page.getByRole("link", { name: "Tiếp tục" }).click();
  await page.locator(".staff-bar").getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập dành cho cán bộ" })).toBeVisible();
  await page.goto("/staff/sign-in");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nhập mã xác thực" })).toBeVisible();
  await page.getByLabel("Mã xác thực").fill(totpAt(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Khu vực làm việc của cán bộ" })).toBeVisible();
}

/** Fires a case event from the case page's link to the one event page, then back to the case. */
export async function fireFromCasePage(page: Page, caseId: string, event: string, fill: () => Promise<void>) {
  await page.goto(`/staff/cases/${caseId}`);
  await page.locator(`a[href="/staff/cases/${caseId}/${event}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/staff/cases/${caseId}/${event}$`));
  await fill();
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/cases/${caseId}\\?done=${event}`));
}

/** Signs a citizen in with a code e-mailed to them (read from the development outbox). */
export async function signInCitizen(page: Page, email: string, from = "/dang-nhap") {
  const mark = await outboxHighWater(page);
  await page.goto(from);
  await page.getByLabel("Địa chỉ thư điện tử").fill(email);
  await page.getByRole("button", { name: /Gửi mã/ }).click();
  await expect(page).toHaveURL(/\/dang-nhap\/ma/);
  await page.getByLabel("Mã đăng nhập").fill(await codeFromOutbox(page, email, mark));
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

const JUDGMENT_PDF = Buffer.from("%PDF-1.4\n% ban an\n1 0 obj <<>> endobj\n%%EOF\n");

/**
 * The enforcement request's filing journey, short (e2e/filing.spec.ts walks it in full), for specs that need a
 * fresh case of their own; returns its reference and access code.
 */
export async function fileEnforcementRequest(page: Page, { name, email, judgment = "91/2025/DS-ST" }: { name: string; email: string; judgment?: string }) {
  const next = () => page.getByRole("button", { name: "Tiếp tục", exact: true }).click();
  await page.goto("/dich-vu/yeu-cau-thi-hanh-an");
  await page.getByRole("button", { name: "Bắt đầu" }).click();
  await expect(page).toHaveURL(/nguoi-nop-don$/);
  await page.locator("input[name=role][value=creditor]").check();
  await page.locator("input[name=party][value=person]").check();
  await page.locator("input[name=actingAs][value=self]").check();
  await next();
  await expect(page).toHaveURL(/thong-tin-ca-nhan$/);
  await page.locator("[name=fullName]").fill(name);
  await page.locator("[name=birthDate]").fill("1985-04-12");
  await page.locator("[name=cccd]").fill(`0010850${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`);
  await page.locator("[name=address]").fill("Số 1 Tràng Tiền, phường Hoàn Kiếm, Hà Nội");
  await page.locator("[name=phone]").fill("0912 345 678");
  await page.locator("[name=email]").fill(email);
  await next();
  await expect(page).toHaveURL(/ban-an$/);
  await page.locator("[name=court]").selectOption("TAND-HNI-KV01");
  await page.locator("[name=judgmentNumber]").fill(judgment);
  await page.locator("[name=judgmentDate]").fill("2025-03-01");
  await page.locator("[name=effectiveDate]").fill("2025-04-01");
  await next();
  await expect(page).toHaveURL(/nguoi-phai-thi-hanh-an$/);
  await page.locator("input[name=debtorKind][value=person]").check();
  await page.locator("[name=debtorName]").fill("Trần Thị Bình");
  await page.locator("[name=debtorAddress]").fill("Số 5 Kim Mã, phường Ba Đình, Hà Nội");
  await next();
  await expect(page).toHaveURL(/noi-dung-yeu-cau$/);
  await page.locator("input[name=obligations][value=money]").check();
  await page.locator("[name=amount]").fill("150.000.000");
  await next();
  await expect(page).toHaveURL(/tai-san-thu-nhap$/);
  await next();
  await expect(page).toHaveURL(/tai-lieu$/);
  await page.locator("input[name=file]").setInputFiles({ name: `Bản án ${judgment.split("/")[0]}.pdf`, mimeType: "application/pdf", buffer: JUDGMENT_PDF });
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByRole("cell", { name: `Bản án ${judgment.split("/")[0]}.pdf`, exact: true })).toBeVisible();
  await next();
  await expect(page).toHaveURL(/cam-doan$/);
  await page.locator("input[name=declaration]").check();
  await next();
  await expect(page).toHaveURL(/kiem-tra$/);
  await page.getByRole("button", { name: "Gửi đơn" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đã gửi đơn yêu cầu thi hành án");
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  const code = (await page.getByTestId("access-code").textContent())!.trim();
  return { reference, code };
}

/** The newest outbox message to `email` whose subject contains `subject`, as HTML (polled: mail goes through the job queue). */
export async function mailFromOutbox(page: Page, email: string, subject: string): Promise<string> {
  let body = "";
  await expect(async () => {
    const html = await (await page.request.get("/dev/outbox")).text();
    const row = html.split("<tr").find((r) => r.includes(email) && r.includes(subject));
    const id = row ? /href="\/dev\/outbox\/(\d+)"/.exec(row)?.[1] : undefined;
    expect(id, `the e-mail "${subject}"`).toBeDefined();
    body = await (await page.request.get(`/dev/outbox/${id}`)).text();
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000] });
  return body;
}
