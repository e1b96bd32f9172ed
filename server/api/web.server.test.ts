import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo } from "../seed.server";
import { createSession, SESSION_COOKIE } from "../accounts";
import { loader as keysLoader, action as keysAction } from "../../app/routes/to-chuc.$id_.khoa-api";
import { loader as hooksLoader, action as hooksAction } from "../../app/routes/to-chuc.$id_.webhook";
import { authenticateApiKey } from "./index";
import { makeOrganisation } from "./test-harness";

// The admins' pages (ADR 070, 071): only the organisation's admins (a member, another organisation's admin
// and a missing id get the same 404); a key and a secret shown once; bad input keeps what was typed and
// says what is wrong in the page's language; every change audited.

let db: TestDatabase;
let context: AppLoadContext;
const ids = {} as Record<"orgA" | "adminA" | "orgB" | "adminB" | "memberA", string>;
const cookies = {} as Record<"adminA" | "adminB" | "memberA", string>;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.9" } as AppLoadContext;
  const A = await makeOrganisation(db.sql, "Ngân hàng A", "0100000021", "admin-a@web.test");
  const B = await makeOrganisation(db.sql, "Ngân hàng B", "0100000022", "admin-b@web.test");
  Object.assign(ids, { orgA: A.organisationId, adminA: A.adminId, orgB: B.organisationId, adminB: B.adminId });
  const [m] = await db.sql<{ id: string }[]>`insert into citizens (email, full_name) values ('member-a@web.test', 'Thành viên A') returning id`;
  ids.memberA = m!.id;
  await db.sql`insert into organisation_members (organisation_id, citizen_id, role) values (${ids.orgA}, ${ids.memberA}, 'member')`;
  for (const who of ["adminA", "adminB", "memberA"] as const) cookies[who] = `${SESSION_COOKIE}=${(await createSession(db.sql, { citizenId: ids[who] })).token}`;
});
afterAll(async () => {
  await db?.drop();
});

const req = (url: string, cookie: string, form?: Record<string, string>) =>
  new Request(`http://localhost${url}`, {
    method: form ? "POST" : "GET",
    headers: { cookie, ...(form ? { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" } : {}) },
    body: form ? new URLSearchParams(form) : undefined,
  });

async function status(p: Promise<unknown>): Promise<number> {
  try {
    const r = await p;
    return (r as { init?: { status?: number } }).init?.status ?? 200;
  } catch (e) {
    return (e as { init?: { status?: number }; status?: number }).init?.status ?? (e as { status: number }).status;
  }
}

const bodyOf = <T,>(r: unknown) => (r as { data: T }).data;

describe("the API keys page", () => {
  it("is the organisation's admins' only: a member, another admin, a missing id get the same 404", async () => {
    const url = (id: string) => `/to-chuc/${id}/khoa-api`;
    expect(await status(keysLoader({ request: req(url(ids.orgA), cookies.adminA), params: { id: ids.orgA }, context }))).toBe(200);
    expect(await status(keysLoader({ request: req(url(ids.orgA), cookies.memberA), params: { id: ids.orgA }, context }))).toBe(404);
    expect(await status(keysLoader({ request: req(url(ids.orgA), cookies.adminB), params: { id: ids.orgA }, context }))).toBe(404);
    expect(await status(keysLoader({ request: req(url("00000000-0000-4000-8000-000000000000"), cookies.adminA), params: { id: "00000000-0000-4000-8000-000000000000" }, context }))).toBe(404);
    expect(await status(keysLoader({ request: req(url("nope"), cookies.adminA), params: { id: "nope" }, context }))).toBe(404);
    expect(await status(keysAction({ request: req(url(ids.orgA), cookies.adminB, { intent: "create", name: "x" }), params: { id: ids.orgA }, context }))).toBe(404);
  });

  it("shows a new key once, lists it by prefix only, and revokes it at once", async () => {
    const url = `/to-chuc/${ids.orgA}/khoa-api`;
    const created = bodyOf<{ ok: true; created: { key: string; prefix: string } }>(await keysAction({ request: req(url, cookies.adminA, { intent: "create", name: "Hệ thống tín dụng" }), params: { id: ids.orgA }, context }));
    expect(created.created.key).toMatch(/^thads_[a-z0-9]{10}_[a-z2-7]{52}$/);
    expect(await authenticateApiKey(db.sql, `Bearer ${created.created.key}`)).toMatchObject({ organisationId: ids.orgA });
    const page = (await keysLoader({ request: req(url, cookies.adminA), params: { id: ids.orgA }, context })) as { keys: { id: string; prefix: string; name: string }[]; openapiUrl: string };
    expect(JSON.stringify(page)).not.toContain(created.created.key);
    expect(page.openapiUrl).toBe("/api/openapi.json");
    const listed = page.keys.find((k) => k.prefix === created.created.prefix)!;
    expect(listed.name).toBe("Hệ thống tín dụng");
    await keysAction({ request: req(url, cookies.adminA, { intent: "revoke", keyId: listed.id }), params: { id: ids.orgA }, context });
    expect(await authenticateApiKey(db.sql, `Bearer ${created.created.key}`)).toBeNull();
    const [a] = await db.sql`select actor_type, actor_id, host(ip) as ip from audit_log where action = 'api_key.revoke' and target_id = ${listed.id}`;
    expect(a).toMatchObject({ actor_type: "citizen", actor_id: ids.adminA, ip: "203.0.113.9" });
  });

  it("keeps what was typed and says what is wrong (422), never a 500", async () => {
    const url = `/to-chuc/${ids.orgA}/khoa-api`;
    const long = "K".repeat(150);
    const r = await keysAction({ request: req(url, cookies.adminA, { intent: "create", name: long }), params: { id: ids.orgA }, context });
    expect(await status(Promise.resolve(r))).toBe(422);
    expect(bodyOf(r)).toEqual({ ok: false, errors: { name: "api.errors.keyNameTooLong" }, values: { name: long } });
    const empty = bodyOf(await keysAction({ request: req(url, cookies.adminA, { intent: "create", name: "   " }), params: { id: ids.orgA }, context }));
    expect(empty).toMatchObject({ ok: false, errors: { name: "api.errors.keyNameRequired" } });
    expect(await status(keysAction({ request: req(url, cookies.adminA, { intent: "revoke", keyId: "x" }), params: { id: ids.orgA }, context }))).toBe(404);
  });
});

describe("the webhooks page", () => {
  it("adds an endpoint with its secret shown once, refuses a bad URL keeping it, and is admins' only", async () => {
    const url = `/to-chuc/${ids.orgA}/webhook`;
    expect(await status(hooksLoader({ request: req(url, cookies.memberA), params: { id: ids.orgA }, context }))).toBe(404);
    const bad = await hooksAction({ request: req(url, cookies.adminA, { intent: "add", url: "ftp://bank" }), params: { id: ids.orgA }, context });
    expect(await status(Promise.resolve(bad))).toBe(422);
    expect(bodyOf(bad)).toEqual({ ok: false, errors: { url: "api.errors.urlInvalid" }, values: { url: "ftp://bank" } });
    const http = bodyOf(await hooksAction({ request: req(url, cookies.adminA, { intent: "add", url: "http://bank.example.vn/h" }), params: { id: ids.orgA }, context }));
    expect(http).toMatchObject({ ok: false, errors: { url: "api.errors.urlHttpsRequired" } });
    const ok = bodyOf<{ created: { secret: string } }>(await hooksAction({ request: req(url, cookies.adminA, { intent: "add", url: "https://bank.example.vn/h" }), params: { id: ids.orgA }, context }));
    expect(ok.created.secret).toMatch(/^whsec_/);
    const page = (await hooksLoader({ request: req(url, cookies.adminA), params: { id: ids.orgA }, context })) as { endpoints: { url: string }[] };
    expect(page.endpoints.map((e) => e.url)).toEqual(["https://bank.example.vn/h"]);
    expect(JSON.stringify(page)).not.toContain(ok.created.secret);
    const other = (await hooksLoader({ request: req(`/to-chuc/${ids.orgB}/webhook`, cookies.adminB), params: { id: ids.orgB }, context })) as { endpoints: unknown[] };
    expect(other.endpoints).toEqual([]);
    expect(await status(hooksAction({ request: req(url, cookies.adminA, { intent: "resend", deliveryId: "00000000-0000-4000-8000-000000000000" }), params: { id: ids.orgA }, context }))).toBe(404);
  });
});
