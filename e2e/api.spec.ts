import http from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { Webhook } from "standardwebhooks";
import { codeFromOutbox, expect, test } from "./fixtures";

// Issue 13, the organisations' API (ADR 070, 071), without JavaScript at 320 px: an organisation admin signs
// in, creates an API key (a bad name keeps what was typed), sees it once, calls the API with it, revokes it
// (the next call is refused), adds a webhook endpoint; an officer's event reaches it signed, and the
// delivery log shows it with "Gửi lại".

test.skip(!process.env.DATABASE_URL, "needs the e2e database on DATABASE_URL's server (as in CI)");

function e2eDb() {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/thads_e2e_${process.env.E2E_PORT ?? "3210"}`;
  return postgres(url.toString(), { max: 1, onnotice: () => {} });
}

test.describe("an organisation's API keys and webhooks, JavaScript off, 320 px", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });

  test("create a key, call the API, revoke it; add a webhook and receive a signed delivery", async ({ page, checkA11y, baseURL }) => {
    test.setTimeout(180_000);
    const sql = e2eDb();
    const received: { body: string; headers: Record<string, string> }[] = [];
    const receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        received.push({ body, headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
    try {
      const email = `admin.${Date.now()}@nganhang.example.vn`;
      await page.goto("/dang-nhap");
      await page.getByLabel("Địa chỉ thư điện tử").fill(email);
      await page.getByRole("button", { name: "Gửi mã đăng nhập" }).click();
      await page.getByLabel("Mã đăng nhập").fill(await codeFromOutbox(page, email));
      await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
      await expect(page).toHaveURL(/\/tai-khoan/);

      // The organisation (part D's pages create it; here directly), with this citizen as its admin, following a demo case.
      const [citizen] = await sql<{ id: string }[]>`select id from citizens where lower(email) = ${email}`;
      const tax = String(Date.now()).slice(-10);
      const [org] = await sql<{ id: string }[]>`insert into organisations (name, tax_code) values ('Ngân hàng Thử nghiệm', ${tax}) returning id`;
      await sql`insert into organisation_members (organisation_id, citizen_id, role) values (${org!.id}, ${citizen!.id}, 'admin')`;
      const [c] = await sql<{ id: string; reference: string }[]>`select id, reference from cases where state = 'received' order by received_at desc limit 1`;
      await sql`insert into organisation_cases (organisation_id, case_id) values (${org!.id}, ${c!.id})`;

      await page.goto(`/to-chuc/${org!.id}/khoa-api`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Khóa API");
      await expect(page.getByRole("link", { name: "Tài liệu OpenAPI" })).toHaveAttribute("href", "/api/openapi.json");
      await checkA11y();

      const tooLong = "K".repeat(101);
      await page.getByLabel("Tên khóa").fill(tooLong);
      await page.getByRole("button", { name: "Tạo khóa" }).click();
      await expect(page.getByText("Tên khóa dài tối đa 100 ký tự.").first()).toBeVisible();
      await expect(page.getByLabel("Tên khóa")).toHaveValue(tooLong);
      await checkA11y();

      await page.getByLabel("Tên khóa").fill("Hệ thống tín dụng");
      await page.getByRole("button", { name: "Tạo khóa" }).click();
      await expect(page.getByRole("heading", { name: "Khóa mới đã được tạo" })).toBeVisible();
      const key = (await page.locator("code.secret-once").textContent())!.trim();
      expect(key).toMatch(/^thads_[a-z0-9]{10}_[a-z2-7]{52}$/);
      await checkA11y();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(320);

      const api = (path: string, init: RequestInit = {}) => fetch(`${baseURL}/api${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers } });
      const one = await api(`/v1/cases/${c!.reference}`);
      expect(one.status).toBe(200);
      expect((await one.json()).state).toBe("received");
      const doc = await (await fetch(`${baseURL}/api/openapi.json`)).json();
      expect(Object.keys(doc.paths)).toContain("/v1/cases/{reference}");

      // Webhooks: an endpoint on this machine (allowed outside production), its secret shown once.
      await page.getByRole("link", { name: "Webhook và nhật ký gửi" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhook");
      const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/thads`;
      await page.getByLabel("Địa chỉ nhận (URL)").fill("ftp://sai");
      await page.getByRole("button", { name: "Thêm địa chỉ" }).click();
      await expect(page.getByLabel("Địa chỉ nhận (URL)")).toHaveValue("ftp://sai");
      await page.getByLabel("Địa chỉ nhận (URL)").fill(hookUrl);
      await page.getByRole("button", { name: "Thêm địa chỉ" }).click();
      const secret = (await page.locator("code.secret-once").textContent())!.trim();
      await checkA11y();

      // A public event on the followed case (the engine's job, run by the portal's worker) reaches the receiver signed.
      const [clerk] = await sql<{ id: string }[]>`select s.id from staff s where s.email = 'tiepnhan@thads.local'`;
      const [ev] = await sql<{ id: string }[]>`
        insert into case_events (case_id, seq, event, from_state, to_state, actor_type, actor_id, fields, public)
        select ${c!.id}, coalesce(max(seq), 0) + 1, 'askForMore', 'received', 'received', 'staff', ${clerk!.id}, '{}'::jsonb, true from case_events where case_id = ${c!.id}
        returning id`;
      await sql`insert into case_timeline (case_id, event_id, event, at, details) values (${c!.id}, ${ev!.id}, 'askForMore', now(), '{}'::jsonb)`;
      await sql`select graphile_worker.add_job('case_followers', json_build_object('caseId', ${c!.id}::text, 'eventId', ${ev!.id}::bigint))`;
      await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(0);
      const payload = new Webhook(secret).verify(received[0]!.body, received[0]!.headers) as { data: { reference: string } };
      expect(payload.data.reference).toBe(c!.reference);

      await page.reload();
      await expect(page.getByRole("cell", { name: c!.reference })).toBeVisible();
      await page.getByRole("button", { name: /^Gửi lại thông báo msg_/ }).first().click();
      await expect(page.getByText("Đã gửi lại thông báo (cùng webhook-id).")).toBeVisible();
      await expect.poll(() => received.length).toBe(2);
      expect(received[1]!.headers["webhook-id"]).toBe(received[0]!.headers["webhook-id"]);
      await checkA11y();

      // Revoke: the very next call is refused.
      await page.getByRole("link", { name: "Khóa API" }).click();
      await page.getByRole("button", { name: "Thu hồi khóa Hệ thống tín dụng" }).click();
      await expect(page.getByText("Khóa đã bị thu hồi")).toBeVisible();
      expect((await api("/v1/cases")).status).toBe(401);
    } finally {
      receiver.closeAllConnections();
      receiver.close();
      await sql.end();
    }
  });
});
