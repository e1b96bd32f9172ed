import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo, DEMO_PASSWORD } from "../seed.server";
import { createStaff, signInStaff, SESSION_COOKIE } from "../accounts";
import { action as stepAction } from "../../app/routes/dich-vu.yeu-cau-thi-hanh-an.$step";
import { action as attachmentsAction } from "../../app/routes/dich-vu.yeu-cau-thi-hanh-an.tai-lieu";
import { loader as caseLoader } from "../../app/routes/staff.cases.$id";
import { loader as requestLoader } from "../../app/routes/staff.requests.$id";
import { loader as fileLoader } from "../../app/routes/staff.requests.$id.files.$fileId";
import { createDraft, findDraft, DRAFT_COOKIE, submitDraft } from "../filing";
import { fireEvent } from "./index";

// A filed request opens its case in the same transaction; the generic staff case page shows it to the
// office's staff only (by URL: another office gets a 404), with its clocks, its events and the request.
let db: TestDatabase;
let context: AppLoadContext;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "thads-cases-web-"));
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  const [b] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV02'`;
  await createStaff(db.sql, { email: "clerk-kv02@thads.local", fullName: "Cán bộ khu vực 2", password: DEMO_PASSWORD, roles: [{ role: "clerk", agencyId: b!.id }] });
  context = { services: testServices(db.sql, { DATA_DIR: dataDir }), cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.9" };
});
afterAll(async () => {
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const BASE = "http://localhost/dich-vu/yeu-cau-thi-hanh-an";
const VALID: Record<string, Record<string, string | string[]>> = {
  "nguoi-nop-don": { role: "creditor", party: "person", actingAs: "self" },
  "thong-tin-ca-nhan": { fullName: "Nguyễn Văn An", birthDate: "1985-04-12", cccd: "001085012345", address: "Số 1 Tràng Tiền, Hà Nội", phone: "0912 345 678", email: "an@example.vn" },
  "ban-an": { court: "TAND-HNI-KV01", judgmentNumber: "125/2024/DS-ST", judgmentDate: "2024-03-01", effectiveDate: "2024-04-01" },
  "nguoi-phai-thi-hanh-an": { debtorKind: "person", debtorName: "Trần Thị Bình", debtorAddress: "Hà Nội" },
  "noi-dung-yeu-cau": { obligations: ["money"], amount: "150.000.000" },
  "tai-san-thu-nhap": { debtorAssets: "Căn hộ tại Cầu Giấy" },
  "cam-doan": { declaration: "on" },
};
const PDF = Buffer.from("%PDF-1.4\n% test\n1 0 obj <<>> endobj\n%%EOF\n");
const post = (slug: string, token: string, body: BodyInit) => new Request(`${BASE}/${slug}`, { method: "POST", body, headers: { cookie: `${DRAFT_COOKIE}=${token}` } });
const form = (values: Record<string, string | string[]>) => {
  const f = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
};
const settle = async (p: Promise<unknown>) => {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
};

async function filed() {
  const { token } = await createDraft(db.sql, { locale: "vi" });
  for (const [slug, values] of Object.entries(VALID)) {
    if (slug === "cam-doan") {
      const fd = new FormData();
      fd.append("documentType", "judgment");
      fd.append("file", new Blob([new Uint8Array(PDF)]), "Bản án 125.pdf");
      await settle(attachmentsAction({ request: post("tai-lieu", token, fd), context, params: {} } as never));
      await settle(attachmentsAction({ request: post("tai-lieu", token, form({ intent: "continue" })), context, params: {} } as never));
    }
    await settle(stepAction({ request: post(slug, token, form(values)), context, params: { step: slug } } as never));
  }
  const draft = (await findDraft(db.sql, { token }))!;
  const result = await submitDraft(db.sql, { draftId: draft.id, citizenId: null, ip: "203.0.113.9" });
  if (!result.ok) throw new Error(`not submitted: ${result.redirectTo}`);
  return result;
}

const session = async (email: string) => {
  const s = await signInStaff(db.sql, { email, password: DEMO_PASSWORD, ip: "203.0.113.9", userAgent: null, locale: "vi" });
  if (!s.ok) throw new Error("sign-in failed");
  return `${SESSION_COOKIE}=${s.token}`;
};
const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { cookie } });
type CaseView = Awaited<ReturnType<typeof caseLoader>>;

describe("the filed request's case", () => {
  it("is opened with the request: received at the court's office, searchable without diacritics, its clocks running", async () => {
    const r = await filed();
    const [c] = await db.sql`
      select c.state, c.reference, c.search_text, c.applicant_name, c.other_party_name, a.code, c.next_due_on is not null as due
      from cases c join agencies a on a.id = c.agency_id where c.case_type = 'enforcement-request' and c.submission_id = ${r.requestId}`;
    expect(c).toMatchObject({ state: "received", reference: r.reference, applicant_name: "Nguyễn Văn An", other_party_name: "Trần Thị Bình", code: "HNI-KV01", due: true });
    for (const part of ["nguyen van an", "tran thi binh", "001085012345", r.reference.toLowerCase().replace(/-/g, " ")]) expect(c!.search_text).toContain(part);
    const audits = await db.sql`select action from audit_log where target_id in (${r.requestId}, (select id::text from cases where submission_id = ${r.requestId})) order by id`;
    expect(audits.map((a) => a.action)).toEqual(["case.received", "filing.request.submitted"]);
  });
});

describe("the staff case page", () => {
  it("shows the office's staff the case, its clocks with their legal basis, what they may do now and the request", async () => {
    const r = await filed();
    const [{ id: caseId }] = (await db.sql<{ id: string }[]>`select id from cases where submission_id = ${r.requestId}`) as unknown as [{ id: string }];
    const clerk = await session("tiepnhan@thads.local");
    const view = (await caseLoader({ request: get(`/staff/cases/${caseId}`, clerk), params: { id: caseId }, context })) as CaseView;
    expect(view.case).toMatchObject({ reference: r.reference, state: "received", agencyCode: "HNI-KV01", caseNumber: null });
    expect(view.content).toBe("cases.enforcementRequest");
    expect(view.availableEvents).toEqual(["askForMore", "accept", "refuse", "forward"]);
    const decide = view.clocks.find((c) => c.clock === "decide")!;
    expect(decide).toMatchObject({ state: "running", rule: { id: "enforcement.decide-request", amount: 5, unit: "working_days" } });
    expect(decide.rule.basis.vi).toMatch(/Điều/);
    expect(decide.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(decide.left).toMatchObject({ overdue: false });
    expect(view.events.map((e) => e.event)).toEqual(["received"]);
    expect(view.submission?.kind).toBe("enforcement-request");
    const section = view.submission!.data as { request: { reference: string }; attachments: { originalName: string }[] };
    expect(section.request.reference).toBe(r.reference);
    expect(section.attachments.map((a) => a.originalName)).toEqual(["Bản án 125.pdf"]);
    expect(await db.sql`select count(*)::int as n from audit_log where action = 'case.viewed' and target_id = ${caseId}`).toEqual([{ n: 1 }]);

    // The head may assign an officer once it is accepted; the clerk may not.
    const head = await session("thutruong@thads.local");
    const [{ id: headId }] = (await db.sql<{ id: string }[]>`select id from staff where email = 'thutruong@thads.local'`) as unknown as [{ id: string }];
    expect((await fireEvent(db.sql, { caseId, event: "accept", actor: { type: "staff", staffId: headId }, input: { decisionNumber: "7/QĐ-THADS", decisionDate: new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()) } })).ok).toBe(true);
    const asHead = (await caseLoader({ request: get(`/staff/cases/${caseId}`, head), params: { id: caseId }, context })) as CaseView;
    expect(asHead.case.caseNumber).toMatch(/^HNI-KV01-\d{4}-000001$/);
    expect(asHead.availableEvents).toEqual(["assignOfficer", "close"]);
    expect(((await caseLoader({ request: get(`/staff/cases/${caseId}`, clerk), params: { id: caseId }, context })) as CaseView).availableEvents).toEqual([]);
  });

  it("is a 404 for another office's staff, by URL, and for the request's files; the sign-in page for no one signed in", async () => {
    const r = await filed();
    const [{ id: caseId }] = (await db.sql<{ id: string }[]>`select id from cases where submission_id = ${r.requestId}`) as unknown as [{ id: string }];
    const other = await session("clerk-kv02@thads.local");
    const refused = (await settle(caseLoader({ request: get(`/staff/cases/${caseId}`, other), params: { id: caseId }, context }))) as Response;
    expect(refused.status).toBe(404);
    const [file] = await db.sql<{ id: string }[]>`select id from filing_attachments where request_id = ${r.requestId}`;
    const fileRefused = (await settle(fileLoader({ request: get(`/staff/requests/${r.requestId}/files/${file!.id}`, other), params: { id: r.requestId, fileId: file!.id }, context }))) as Response;
    expect(fileRefused.status).toBe(404);
    const anonymous = (await settle(caseLoader({ request: get(`/staff/cases/${caseId}`, ""), params: { id: caseId }, context }))) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/staff\/sign-in\?redirectTo=/);
  });

  it("follows the case when it is forwarded: the new office sees it and its files, the old one no longer does", async () => {
    const r = await filed();
    const [{ id: caseId }] = (await db.sql<{ id: string }[]>`select id from cases where submission_id = ${r.requestId}`) as unknown as [{ id: string }];
    const [{ id: clerkId }] = (await db.sql<{ id: string }[]>`select id from staff where email = 'tiepnhan@thads.local'`) as unknown as [{ id: string }];
    const [{ id: kv02 }] = (await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV02'`) as unknown as [{ id: string }];
    expect((await fireEvent(db.sql, { caseId, event: "forward", actor: { type: "staff", staffId: clerkId }, input: { agencyId: kv02 } })).ok).toBe(true);
    const other = await session("clerk-kv02@thads.local");
    const view = (await caseLoader({ request: get(`/staff/cases/${caseId}`, other), params: { id: caseId }, context })) as CaseView;
    expect(view.case.agencyCode).toBe("HNI-KV02");
    const [file] = await db.sql<{ id: string }[]>`select id from filing_attachments where request_id = ${r.requestId}`;
    const download = (await settle(fileLoader({ request: get(`/staff/requests/${r.requestId}/files/${file!.id}`, other), params: { id: r.requestId, fileId: file!.id }, context }))) as Response;
    expect(download.status).toBe(200);
    const clerk = await session("tiepnhan@thads.local");
    expect(((await settle(caseLoader({ request: get(`/staff/cases/${caseId}`, clerk), params: { id: caseId }, context }))) as Response).status).toBe(404);
  });

  it("the request's old page leads to its case page", async () => {
    const r = await filed();
    const [{ id: caseId }] = (await db.sql<{ id: string }[]>`select id from cases where submission_id = ${r.requestId}`) as unknown as [{ id: string }];
    const clerk = await session("tiepnhan@thads.local");
    const res = (await settle(requestLoader({ request: get(`/staff/requests/${r.requestId}`, clerk), params: { id: r.requestId }, context }))) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/staff/cases/${caseId}`);
    const unknown = crypto.randomUUID();
    expect(((await settle(requestLoader({ request: get(`/staff/requests/${unknown}`, clerk), params: { id: unknown }, context }))) as Response).status).toBe(404);
  });
});
