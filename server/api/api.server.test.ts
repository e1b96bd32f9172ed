import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { Ajv2020 } from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo } from "../seed.server";
import type { Services } from "../services";
import { API_ROUTES, createApiKey, createApiRouter, keyHash, KEY_PATTERN, listApiKeys, openApiDocument, revokeApiKey } from "./index";
import { apiApp, makeCase, makeOrganisation } from "./test-harness";

// The organisations' JSON API (ADR 070): keys shown once and stored hashed, revoked on the very next call,
// one organisation never reading another's case, problems (401/404/422/429) localised and never a 500,
// every call audited, and the OpenAPI document generated from the schemas that validate the requests.

let db: TestDatabase;
let services: Services;
let server: http.Server;
let base: string;
const ids = {} as Record<"agency" | "orgA" | "adminA" | "orgB" | "adminB", string>;
const cases: Record<string, { caseId: string; reference: string; code: string }> = {};

function listen(app: express.Express): Promise<http.Server> {
  return new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
}

const call = (path: string, { key, method = "GET", body, lang, raw }: { key?: string; method?: string; body?: unknown; lang?: string; raw?: string } = {}) =>
  fetch(`${base}${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined || raw !== undefined ? { "content-type": "application/json" } : {}),
      ...(lang ? { "accept-language": lang } : {}),
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });

/** A problem body without what differs per request (its id). */
const sansRequest = (b: Record<string, unknown>) => {
  const { requestId: _r, ...rest } = b;
  return rest;
};

let keyA = "";
let keyB = "";

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  services = testServices(db.sql);
  server = await listen(apiApp(services));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  ids.agency = a!.id;
  const A = await makeOrganisation(db.sql, "Ngân hàng A", "0100000001", "admin-a@api.test");
  const B = await makeOrganisation(db.sql, "Ngân hàng B", "0100000002", "admin-b@api.test");
  ids.orgA = A.organisationId;
  ids.adminA = A.adminId;
  ids.orgB = B.organisationId;
  ids.adminB = B.adminId;
  for (const k of ["a1", "a2", "b1", "free"]) cases[k] = await makeCase(db.sql, ids.agency);
  keyA = (await createApiKey(db.sql, { organisationId: ids.orgA, name: "Hệ thống A", actor: { citizenId: ids.adminA } })).key;
  keyB = (await createApiKey(db.sql, { organisationId: ids.orgB, name: "Hệ thống B", actor: { citizenId: ids.adminB } })).key;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await db?.drop();
});

describe("API keys", () => {
  it("are shown once as thads_<prefix>_<secret> and stored as prefix + SHA-256 of the whole key", async () => {
    const created = await createApiKey(db.sql, { organisationId: ids.orgA, name: "Khóa thử", actor: { citizenId: ids.adminA } });
    expect(created.key).toMatch(KEY_PATTERN);
    expect(created.key.split("_")[2]!.length).toBeGreaterThanOrEqual(52); // 32 random bytes in base32
    const [row] = await db.sql<{ prefix: string; secret_hash: Buffer }[]>`select prefix, secret_hash from api_keys where id = ${created.id}`;
    expect(row!.prefix).toBe(created.prefix);
    expect(row!.secret_hash.equals(keyHash(created.key))).toBe(true);
    const stored = JSON.stringify(await db.sql`select * from api_keys where id = ${created.id}`);
    expect(stored).not.toContain(created.key.split("_")[2]);
    const listed = await listApiKeys(db.sql, { organisationId: ids.orgA });
    expect(listed.find((k) => k.id === created.id)).toMatchObject({ name: "Khóa thử", prefix: created.prefix, lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    // Another organisation's list never has it.
    expect((await listApiKeys(db.sql, { organisationId: ids.orgB })).map((k) => k.id)).not.toContain(created.id);
    const [audited] = await db.sql`select actor_id, action from audit_log where target_id = ${created.id}`;
    expect(audited).toMatchObject({ actor_id: ids.adminA, action: "api_key.create" });
  });

  it("answer the same 401 problem for a missing, malformed, unknown and revoked key", async () => {
    const revoked = await createApiKey(db.sql, { organisationId: ids.orgA, name: "Sắp thu hồi", actor: { citizenId: ids.adminA } });
    expect((await call("/api/v1/cases", { key: revoked.key })).status).toBe(200);
    expect(await revokeApiKey(db.sql, { organisationId: ids.orgA, keyId: revoked.id, actor: { citizenId: ids.adminA } })).toBe(true);
    const unknown = revoked.key.replace(/_(.)/, (_m, c: string) => `_${c === "a" ? "b" : "a"}`);
    const wrongSecret = revoked.key.slice(0, -1) + (revoked.key.endsWith("a") ? "b" : "a");
    const answers = await Promise.all([undefined, "not-a-key", unknown, wrongSecret, revoked.key].map((key) => call("/api/v1/cases", { key })));
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, type: r.headers.get("content-type"), www: r.headers.get("www-authenticate"), body: sansRequest(await r.json()) })));
    expect(bodies[0]).toMatchObject({ status: 401, type: "application/problem+json; charset=utf-8", www: 'Bearer realm="thads-api"' });
    expect(bodies[0]!.body).toMatchObject({ type: "https://thads.moj.gov.vn/problems/unauthorized", status: 401, title: "Chưa xác thực" });
    for (const b of bodies.slice(1)) expect(b).toEqual(bodies[0]);
  });

  it("stop working on the very next request once revoked", async () => {
    const k = await createApiKey(db.sql, { organisationId: ids.orgA, name: "Thu hồi ngay", actor: { citizenId: ids.adminA } });
    expect((await call("/api/v1/cases", { key: k.key })).status).toBe(200);
    await revokeApiKey(db.sql, { organisationId: ids.orgA, keyId: k.id, actor: { citizenId: ids.adminA } });
    expect((await call("/api/v1/cases", { key: k.key })).status).toBe(401);
    // Another organisation's admin cannot revoke it (its id in their WHERE finds nothing).
    const other = await createApiKey(db.sql, { organisationId: ids.orgA, name: "Không của B", actor: { citizenId: ids.adminA } });
    expect(await revokeApiKey(db.sql, { organisationId: ids.orgB, keyId: other.id, actor: { citizenId: ids.adminB } })).toBe(false);
    expect((await call("/api/v1/cases", { key: other.key })).status).toBe(200);
  });
});

describe("following and reading cases", () => {
  it("follows a case by its pair; a wrong reference and a wrong code give the same 404", async () => {
    const wrongRef = await call("/api/v1/cases", { key: keyA, method: "POST", body: { reference: "YC-API-99999", accessCode: cases.a1!.code } });
    const wrongCode = await call("/api/v1/cases", { key: keyA, method: "POST", body: { reference: cases.a1!.reference, accessCode: "2222-2222-2222-2222" } });
    expect(wrongRef.status).toBe(404);
    expect(wrongCode.status).toBe(404);
    const [x, y] = [sansRequest(await wrongRef.json()), sansRequest(await wrongCode.json())];
    expect({ ...x, instance: null }).toEqual({ ...y, instance: null });
    expect(x.type).toBe("https://thads.moj.gov.vn/problems/pair-not-found");

    for (const [k, key] of [["a1", keyA], ["a2", keyA], ["b1", keyB]] as const) {
      const r = await call("/api/v1/cases", { key, method: "POST", body: { reference: cases[k]!.reference.toLowerCase(), accessCode: cases[k]!.code.replaceAll("-", "") } });
      expect(r.status).toBe(201);
    }
    const again = await call("/api/v1/cases", { key: keyA, method: "POST", body: { reference: cases.a1!.reference, accessCode: cases.a1!.code } });
    expect(again.status).toBe(200);
    const [row] = await db.sql`select added_by_key from organisation_cases where organisation_id = ${ids.orgA} and case_id = ${cases.a1!.caseId}`;
    expect(row!.added_by_key).toBeTruthy();
  });

  it("reads one followed case: state in words by Accept-Language, office, timeline, running deadlines; no names, no ids", async () => {
    const vi = await (await call(`/api/v1/cases/${cases.a1!.reference}`, { key: keyA })).json();
    const enRes = await call(`/api/v1/cases/${cases.a1!.reference}`, { key: keyA, lang: "en-GB,en;q=0.9" });
    expect(enRes.headers.get("content-language")).toBe("en");
    const en = await enRes.json();
    expect(vi).toMatchObject({ reference: cases.a1!.reference, state: "received", office: { code: "HNI-KV01" }, final: false });
    expect(vi.words.label).toBe("Đã tiếp nhận, chờ xử lý");
    expect(en.words.label).not.toBe(vi.words.label);
    expect(vi.timeline.map((e: { event: string }) => e.event)).toEqual(["received"]);
    expect(vi.deadlines.length).toBeGreaterThan(0);
    expect(vi.deadlines.find((c: { clock: string }) => c.clock === "decide")).toMatchObject({ state: "running", overdue: false });
    expect(vi.deadlines.find((c: { clock: string }) => c.clock === "decide").legalBasis).not.toBe(en.deadlines.find((c: { clock: string }) => c.clock === "decide").legalBasis);
    const text = JSON.stringify(vi);
    for (const secret of ["Nguyễn Văn Án", "Trần Thị Bình", cases.a1!.caseId, "an@api.test"]) expect(text).not.toContain(secret);
  });

  it("never gives one organisation's key a case only another follows, by any route", async () => {
    const b1 = cases.b1!.reference;
    const notFollowed = await call(`/api/v1/cases/${b1}`, { key: keyA });
    const missing = await call(`/api/v1/cases/YC-NOPE-00001`, { key: keyA });
    expect(notFollowed.status).toBe(404);
    expect(missing.status).toBe(404);
    expect({ ...sansRequest(await notFollowed.json()), instance: null }).toEqual({ ...sansRequest(await missing.json()), instance: null });
    const batch = await (await call("/api/v1/cases/status", { key: keyA, method: "POST", body: { references: [cases.a1!.reference, b1, cases.free!.reference] } })).json();
    expect(batch.items.map((i: { reference: string; found: boolean }) => [i.reference, i.found])).toEqual([
      [cases.a1!.reference, true],
      [b1, false],
      [cases.free!.reference, false],
    ]);
    expect(JSON.stringify(batch)).not.toContain("Trần");
    const list = await (await call("/api/v1/cases", { key: keyA })).json();
    expect(list.items.map((i: { reference: string }) => i.reference).sort()).toEqual([cases.a1!.reference, cases.a2!.reference].sort());
    expect((await call(`/api/v1/cases/${b1}`, { key: keyA, method: "DELETE" })).status).toBe(404);
    expect((await call(`/api/v1/cases/${b1}`, { key: keyB })).status).toBe(200); // still B's
  });

  it("pages the followed cases with a keyset cursor, and unfollows", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { reference: string }[]; nextCursor: string | null } = await (await call(`/api/v1/cases?limit=1${cursor ? `&cursor=${cursor}` : ""}`, { key: keyA })).json();
      seen.push(...page.items.map((i) => i.reference));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen.sort()).toEqual([cases.a1!.reference, cases.a2!.reference].sort());
    expect((await call(`/api/v1/cases/${cases.a2!.reference}`, { key: keyA, method: "DELETE" })).status).toBe(204);
    expect((await call(`/api/v1/cases/${cases.a2!.reference}`, { key: keyA })).status).toBe(404);
  });

  it("answers 422 with localised field errors, 400 for broken JSON, 404 for no route — never a 500 or a stack", async () => {
    const r = await call("/api/v1/cases", { key: keyA, method: "POST", body: { reference: "", extra: 1 }, lang: "en" });
    expect(r.status).toBe(422);
    const b = await r.json();
    expect(b.type).toBe("https://thads.moj.gov.vn/problems/invalid-body");
    expect(b.errors).toEqual(
      expect.arrayContaining([
        { field: "reference", code: "api.errors.referenceRequired", message: "Enter the case reference." },
        { field: "accessCode", code: "api.errors.invalid", message: "Invalid value." },
        { field: "extra", code: "api.errors.unknownField", message: "This field is not part of the request's description." },
      ]),
    );
    const vi = await (await call("/api/v1/cases/status", { key: keyA, method: "POST", body: { references: Array(101).fill("YC-1") } })).json();
    expect(vi.errors).toEqual([{ field: "references", code: "api.errors.tooManyReferences", message: "Mỗi lần tra cứu tối đa 100 mã hồ sơ." }]);
    const broken = await call("/api/v1/cases/status", { key: keyA, method: "POST", raw: '{"references": [' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).type).toBe("https://thads.moj.gov.vn/problems/malformed-json");
    const nul = await call("/api/v1/cases/status", { key: keyA, method: "POST", body: { references: ["YC-\u0000"] } });
    expect(nul.status).toBeLessThan(500);
    expect((await call("/api/v1/cases?limit=0", { key: keyA })).status).toBe(422);
    expect((await call("/api/v1/cases?cursor=bm9wZQ", { key: keyA })).status).toBe(422);
    const none = await call("/api/v2/nothing", { key: keyA });
    expect(none.status).toBe(404);
    expect(none.headers.get("content-type")).toContain("application/problem+json");
    expect(await none.text()).not.toMatch(/at \w+ \(/);
  });

  it("audits every call: the key, its organisation, the route and the status", async () => {
    await call(`/api/v1/cases/${cases.b1!.reference}`, { key: keyA });
    const [row] = await db.sql<{ actor_type: string; actor_id: string; target_id: string; details: { route: string; status: number } }[]>`
      select actor_type, actor_id, target_id, details from audit_log where action = 'api.getCase' order by id desc limit 1`;
    const [k] = await db.sql<{ id: string }[]>`select id from api_keys where prefix = ${keyA.split("_")[1]!}`;
    expect(row).toMatchObject({ actor_type: "api_key", actor_id: k!.id, target_id: ids.orgA, details: { route: "GET /v1/cases/{reference}", status: 404 } });
    const [anon] = await db.sql<{ n: number }[]>`select count(*)::int as n from audit_log where actor_type = 'anonymous' and action like 'api.%'`;
    expect(anon!.n).toBeGreaterThan(0);
    const [used] = await db.sql<{ last_used_at: Date | null }[]>`select last_used_at from api_keys where id = ${k!.id}`;
    expect(used!.last_used_at).not.toBeNull();
  });

  it("answers 429 with Retry-After once the key's rate limit is spent", async () => {
    const limited = testServices(db.sql, { API_RATE_LIMIT_PER_MINUTE: 3 });
    const s = await listen(apiApp(limited));
    try {
      const k = await createApiKey(db.sql, { organisationId: ids.orgA, name: "Giới hạn", actor: { citizenId: ids.adminA } });
      const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/api/v1/cases`;
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let i = 0; i < 4; i++) {
        last = await fetch(url, { headers: { authorization: `Bearer ${k.key}` } });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await last!.json()).type).toBe("https://thads.moj.gov.vn/problems/rate-limited");
      // Another key of the same organisation is not limited by this one's calls.
      const other = await createApiKey(db.sql, { organisationId: ids.orgA, name: "Khóa khác", actor: { citizenId: ids.adminA } });
      expect((await fetch(url, { headers: { authorization: `Bearer ${other.key}` } })).status).toBe(200);
    } finally {
      await new Promise((r) => s.close(r));
    }
  });
});

describe("the OpenAPI 3.1 document", () => {
  const doc = () => openApiDocument({ serverUrl: "http://localhost:3000", routes: API_ROUTES, base: "/api" });

  it("is served at /api/openapi.json and lists every route of the router", async () => {
    const served = await (await fetch(`${base}/api/openapi.json`)).json();
    expect(served.openapi).toBe("3.1.0");
    const router = createApiRouter(services) as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    const routes = router.stack.flatMap((l) => (l.route ? Object.keys(l.route.methods).map((m) => `${m} ${l.route!.path.replace(/:(\w+)/g, "{$1}")}`) : []));
    const documented = Object.entries(served.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(routes.filter((r) => r !== "get /openapi.json").sort()).toEqual(documented.sort());
    expect(routes.length).toBe(API_ROUTES.length + 1);
  });

  it("is structurally valid OpenAPI 3.1 with JSON Schema 2020-12 schemas", () => {
    const d = doc();
    expect(d.info.title && d.info.version).toBeTruthy();
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: "doc", components: d.components } as never);
    const ops = Object.values(d.paths).flatMap((p) => Object.values(p)) as { operationId: string; responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>; requestBody?: { content: Record<string, { schema: object }> }; parameters?: { in: string; name: string; schema: object }[] }[];
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    for (const o of ops) {
      for (const [status, r] of Object.entries(o.responses)) {
        expect(status).toMatch(/^[1-5]\d\d$/);
        expect(r.description.length).toBeGreaterThan(0);
        for (const c of Object.values(r.content ?? {})) {
          const schema = JSON.parse(JSON.stringify(c.schema).replaceAll('"#/components', '"doc#/components'));
          expect(() => ajv.compile(schema)).not.toThrow();
        }
      }
      if (o.requestBody) expect(() => ajv.compile(o.requestBody!.content["application/json"]!.schema)).not.toThrow();
      for (const p of o.parameters ?? []) expect(["path", "query", "header"]).toContain(p.in);
    }
    for (const [path, item] of Object.entries(d.paths)) {
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        for (const o of Object.values(item) as { parameters: { in: string; name: string; required: boolean }[] }[]) {
          expect(o.parameters).toContainEqual(expect.objectContaining({ in: "path", name: name.slice(1, -1), required: true }));
        }
      }
    }
  });

  it("describes what the API does: a body the document's schema rejects, the API rejects; answers match their schemas", async () => {
    const d = doc();
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const batchSchema = (d.paths["/v1/cases/status"] as { post: { requestBody: { content: { "application/json": { schema: object } } } } }).post.requestBody.content["application/json"].schema;
    const validate = ajv.compile(batchSchema);
    for (const body of [{ references: [] }, { references: Array(101).fill("YC-1") }, { references: ["x".repeat(41)] }, { refs: ["YC-1"] }, { references: "YC-1" }]) {
      expect(validate(body)).toBe(false);
      expect((await call("/api/v1/cases/status", { key: keyA, method: "POST", body })).status).toBe(422);
    }
    const good = { references: [cases.a1!.reference] };
    expect(validate(good)).toBe(true);
    const answer = await call("/api/v1/cases/status", { key: keyA, method: "POST", body: good });
    expect(answer.status).toBe(200);
    const out = (d.paths["/v1/cases/status"] as { post: { responses: { 200: { content: { "application/json": { schema: object } } } } } }).post.responses[200].content["application/json"].schema;
    expect(ajv.compile(out)(await answer.json())).toBe(true);
    const one = (d.paths["/v1/cases/{reference}"] as { get: { responses: { 200: { content: { "application/json": { schema: object } } } } } }).get.responses[200].content["application/json"].schema;
    const check = ajv.compile(one);
    expect(check(await (await call(`/api/v1/cases/${cases.a1!.reference}`, { key: keyA })).json())).toBe(true);
    expect(check({ reference: 1 })).toBe(false);
  });
});

