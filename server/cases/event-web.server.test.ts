import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Logger, runOnce } from "graphile-worker";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { pdfText } from "../../test/pdf-text";
import { seedDemo, DEMO_PASSWORD } from "../seed.server";
import { createStaff, signInStaff, SESSION_COOKIE } from "../accounts";
import { flushJobOutbox } from "../jobs";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { taskList } from "../tasks.server";
import { openCase } from "./index";
import { loadCaseEventPage, fireCaseEventFromForm, downloadCaseDocument, caseEventNotice, caseDocumentsFor } from "./event-web.server";
import { loadCase } from "./load.server";
import type { Services } from "../services";

// The one event page (ADR 062) through its server functions, as the route calls them: the form, a bad post
// that keeps what was typed, a good one and its document, an illegal and a forbidden event, another office.

let db: TestDatabase;
let services: Services;
let context: AppLoadContext;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
const BASE = "http://portal.test";

/** Today in Hà Nội, as a date input sends it. */
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  services = testServices(db.sql);
  context = { services, cspNonce: "n", requestId: "req-1", locale: "vi", clientIp: "203.0.113.7" };
  for (const a of await db.sql<{ id: string; code: string }[]>`select id, code from agencies where code in ('HNI-KV01', 'HNI-KV02')`) ids[a.code] = a.id;
  await createStaff(db.sql, { email: "clerk-b@test.local", fullName: "Võ Thị Bích", password: DEMO_PASSWORD, roles: [{ role: "clerk", agencyId: ids["HNI-KV02"]! }] });
  for (const email of ["tiepnhan@thads.local", "thutruong@thads.local", "chaphanhvien@thads.local", "clerk-b@test.local"]) {
    const s = await signInStaff(db.sql, { email, password: DEMO_PASSWORD, ip: "203.0.113.7", userAgent: "vitest", locale: "vi" });
    if (!s.ok) throw new Error(`${email}: ${s.reason}`);
    cookies[email] = `${SESSION_COOKIE}=${s.token}`;
  }
  const [court] = await db.sql<{ id: string }[]>`
    insert into courts (code, name, agency_id) values ('TEST-HN1', 'Tòa án nhân dân khu vực 1 – Hà Nội', ${ids["HNI-KV01"]!}) returning id`;
  ids.court = court!.id;
});
afterAll(async () => {
  services?.mailer.close();
  await db?.drop();
});

let n = 0;
/** A filed request at HNI-KV01 and its case (received an hour ago). */
async function newCase(email: string | null = "nhung@example.vn", locale: "vi" | "en" = "vi") {
  n += 1;
  const reference = `YC-2026-9${String(n).padStart(6, "0")}`;
  const receivedAt = new Date(Date.now() - 3600_000);
  return db.sql.begin(async (tx) => {
    const [r] = await tx<{ id: string }[]>`
      insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, applicant_email, debtor_name,
        judgment_number, judgment_effective_on, answers, locale, submitted_at)
      values (${reference}, '\\x00', ${ids["HNI-KV01"]!}, ${ids.court!}, 'Nguyễn Thị Hồng Nhung', ${email}, 'Đặng Quốc Việt',
        '12/2025/DS-ST', '2025-06-01', '{}'::jsonb, ${locale}, ${receivedAt})
      returning id`;
    const opened = await openCase(tx, {
      caseType: ENFORCEMENT_REQUEST_CASE,
      submissionId: r!.id,
      reference,
      agencyId: ids["HNI-KV01"]!,
      applicantName: "Nguyễn Thị Hồng Nhung",
      otherPartyName: "Đặng Quốc Việt",
      receivedAt,
    });
    return { caseId: opened.caseId, reference };
  }) as Promise<{ caseId: string; reference: string }>;
}

const args = (who: string, caseId: string, event: string, form?: Record<string, string | string[]>) => {
  const url = `${BASE}/staff/cases/${caseId}/${event}`;
  let request: Request;
  if (form) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    request = new Request(url, { method: "POST", body, headers: { cookie: cookies[who]! } });
  } else request = new Request(url, { headers: { cookie: cookies[who]! } });
  return { request, context, params: { id: caseId, event } };
};

type DataResult = { init: { status: number } | null; data: { page: { kind: string; reason?: string; fields?: { name: string }[]; effects?: unknown; choices?: Record<string, { value: string; label: string; group?: string }[]>; case: { version: number } }; result: { values: Record<string, unknown>; errors: Record<string, string[]>; formError?: string } | null } };
const asData = (r: unknown) => r as DataResult;
const statusOf = (r: unknown) => (r instanceof Response ? r.status : (asData(r).init?.status ?? 200));
const pageOf = (r: unknown) => ((r as { data?: unknown }).data ? asData(r).data : (r as DataResult["data"]));

const snapshot = async (caseId: string) => {
  const [c] = await db.sql<{ state: string; version: number; events: number; audits: number }[]>`
    select state, version, (select count(*)::int from case_events where case_id = ${caseId}) as events,
      (select count(*)::int from audit_log where target_id = ${caseId}::text and action like 'case.%' and action <> 'case.document.downloaded') as audits
    from cases where id = ${caseId}`;
  return c!;
};

async function runJobs() {
  await flushJobOutbox(db.sql);
  await runOnce({ connectionString: db.url, taskList: taskList(services), noHandleSignals: true, logger: new Logger(() => () => {}) });
}

describe("the event page", () => {
  it("renders the accept form from the case type's fields, with what confirming will do", async () => {
    const { caseId } = await newCase();
    const r = await loadCaseEventPage(args("tiepnhan@thads.local", caseId, "accept"));
    const page = pageOf(r).page;
    expect(page.kind).toBe("form");
    expect(page.fields!.map((f) => f.name)).toEqual(["decisionNumber", "decisionDate"]);
    expect(page.effects).toMatchObject({ from: "received", to: "accepted", document: "acceptance-decision", notify: true, effects: ["allocateCaseNumber"] });
    expect((page.effects as { clocks: { end: string[] } }).clocks.end).toEqual(["decide", "corrections"]);
  });

  it("offers the office's officers for an assignment and the other offices for forwarding", async () => {
    const { caseId } = await newCase();
    const fwd = pageOf(await loadCaseEventPage(args("tiepnhan@thads.local", caseId, "forward"))).page;
    const offices = fwd.choices!.agencyId!;
    expect(offices.map((o) => o.value)).toContain(ids["HNI-KV02"]);
    expect(offices.map((o) => o.value)).not.toContain(ids["HNI-KV01"]);
    const [hni] = await db.sql<{ name: string }[]>`select name from agencies where code = 'HNI'`;
    expect(offices.find((o) => o.value === ids["HNI-KV02"])!.group).toBe(hni!.name); // grouped under its province
  });

  it("keeps every value and answers with per-field i18n keys on bad input; nothing is written", async () => {
    const { caseId } = await newCase();
    const before = await snapshot(caseId);
    const r = await fireCaseEventFromForm(args("tiepnhan@thads.local", caseId, "accept", { decisionNumber: "", decisionDate: "31/31/2026", version: String(before.version) }));
    expect(statusOf(r)).toBe(400);
    const { result } = pageOf(r);
    expect(result!.values).toEqual({ decisionNumber: "", decisionDate: "31/31/2026" });
    expect(Object.keys(result!.errors).sort()).toEqual(["decisionDate", "decisionNumber"]);
    const t = serverT("vi");
    for (const key of Object.values(result!.errors).flat()) expect(t(key as never)).not.toBe(key); // each is a Vietnamese message
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("accepts with a decision number and date: back to the case with the case number, document and e-mail queued", async () => {
    const { caseId } = await newCase();
    const r = await fireCaseEventFromForm(args("tiepnhan@thads.local", caseId, "accept", { decisionNumber: "15/QĐ-THADS", decisionDate: today(), version: "0" }));
    expect(statusOf(r)).toBe(302);
    const location = (r as Response).headers.get("location")!;
    expect(location).toBe(`/staff/cases/${caseId}?done=accept&seq=2`);
    const loaded = (await loadCase(db.sql, { caseId, staffId: await staffId("tiepnhan@thads.local") }))!;
    expect(loaded.case.state).toBe("accepted");
    expect(loaded.case.caseNumber).toMatch(/^HNI-KV01-\d{4}-\d{6}$/);
    expect(caseEventNotice(`${BASE}${location}`, loaded)).toEqual({ done: "accept", caseNumber: loaded.case.caseNumber, document: "acceptance-decision" });
    expect(caseEventNotice(`${BASE}/staff/cases/${caseId}?done=accept&seq=7`, loaded)).toBeNull();
    const queued = await db.sql<{ task: string }[]>`
      select t.identifier as task from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where j.payload->>'caseId' = ${caseId} order by t.identifier`;
    expect(queued.map((q) => q.task)).toEqual(["case_document", "case_followers", "case_notify", "handoff_record"]);
    expect((await caseDocumentsFor(db.sql, loaded)).map((d) => [d.document, d.issued])).toEqual([["acceptance-decision", false]]);

    await runJobs();
    const docs = await caseDocumentsFor(db.sql, loaded);
    expect(docs.map((d) => [d.document, d.seq, d.issued])).toEqual([["acceptance-decision", 2, true]]);
    const pdf = (await downloadCaseDocument({ request: new Request(`${BASE}/x`, { headers: { cookie: cookies["tiepnhan@thads.local"]! } }), context, params: { id: caseId, seq: "2" } })) as Response;
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, " ");
    expect(text).toContain("QUYẾT ĐỊNH THI HÀNH ÁN");
    expect(text).toContain("Số: 15/QĐ-THADS");
    expect(text).toContain(loaded.case.caseNumber!);
    expect(text).toContain("PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 1 – HÀ NỘI");
    const [audited] = await db.sql`select 1 from audit_log where action = 'case.document.downloaded' and target_id = ${caseId}::text`;
    expect(audited).toBeTruthy();
    // Another office's clerk cannot download it.
    await expect(
      downloadCaseDocument({ request: new Request(`${BASE}/x`, { headers: { cookie: cookies["clerk-b@test.local"]! } }), context, params: { id: caseId, seq: "2" } }),
    ).rejects.toMatchObject({ init: { status: 404 } });
  });

  it("refuses an illegal event (accept twice) with a 409 page, and an event the role may not fire with a 403; nothing written", async () => {
    const { caseId } = await newCase();
    const ok = await fireCaseEventFromForm(args("tiepnhan@thads.local", caseId, "accept", { decisionNumber: "16/QĐ", decisionDate: today(), version: "0" }));
    expect(statusOf(ok)).toBe(302);
    const before = await snapshot(caseId);
    const again = await fireCaseEventFromForm(args("tiepnhan@thads.local", caseId, "accept", { decisionNumber: "17/QĐ", decisionDate: today(), version: String(before.version) }));
    expect(statusOf(again)).toBe(409);
    expect(pageOf(again).page).toMatchObject({ kind: "refused", reason: "illegal" });
    // assignOfficer is the head's: the clerk gets the 403 page, on GET and on POST.
    expect(statusOf(await loadCaseEventPage(args("tiepnhan@thads.local", caseId, "assignOfficer")))).toBe(403);
    const officer = await staffId("chaphanhvien@thads.local");
    const forbidden = await fireCaseEventFromForm(args("tiepnhan@thads.local", caseId, "assignOfficer", { officerId: officer, version: String(before.version) }));
    expect(statusOf(forbidden)).toBe(403);
    expect(pageOf(forbidden).page).toMatchObject({ kind: "refused", reason: "forbidden" });
    // An event the case type does not have is a 404 page.
    expect(statusOf(await loadCaseEventPage(args("tiepnhan@thads.local", caseId, "explode")))).toBe(404);
    expect(await snapshot(caseId)).toEqual(before);
    // The head may: the officer is one of the office's choices, and the case moves on.
    const form = pageOf(await loadCaseEventPage(args("thutruong@thads.local", caseId, "assignOfficer"))).page;
    expect(form.choices!.officerId!.map((c) => c.value)).toContain(officer);
    const assigned = await fireCaseEventFromForm(args("thutruong@thads.local", caseId, "assignOfficer", { officerId: officer, version: String(before.version) }));
    expect(statusOf(assigned)).toBe(302);
    expect((await snapshot(caseId)).state).toBe("officerAssigned");
    // The case's officer records an officer event through the same page; the clerk may not.
    expect(statusOf(await loadCaseEventPage(args("tiepnhan@thads.local", caseId, "decisionNotified")))).toBe(403);
    const v = (await snapshot(caseId)).version;
    const notified = await fireCaseEventFromForm(args("chaphanhvien@thads.local", caseId, "decisionNotified", { notifiedOn: today(), method: "post", version: String(v) }));
    expect(statusOf(notified)).toBe(302);
    const [e] = await db.sql<{ event: string; fields: Record<string, unknown> }[]>`select event, fields from case_events where case_id = ${caseId} order by seq desc limit 1`;
    expect(e).toMatchObject({ event: "decisionNotified", fields: { notifiedOn: today(), method: "post" } });
  });

  it("asks for more with a message and several document types (checkboxes), kept as a list", async () => {
    const { caseId } = await newCase();
    const page = pageOf(await loadCaseEventPage(args("tiepnhan@thads.local", caseId, "askForMore"))).page;
    expect(page.fields).toMatchObject([{ name: "message", kind: "textarea" }, { name: "documentTypes", kind: "checkboxes" }]);
    const r = await fireCaseEventFromForm(args("tiepnhan@thads.local", caseId, "askForMore", { message: "Xin nộp bản án có xác nhận hiệu lực.", documentTypes: ["judgment", "identity"], version: "0" }));
    expect(statusOf(r)).toBe(302);
    const [e] = await db.sql<{ fields: Record<string, unknown> }[]>`select fields from case_events where case_id = ${caseId} and seq = 2`;
    expect(e!.fields.documentTypes).toEqual(["judgment", "identity"]);
    expect((await snapshot(caseId)).state).toBe("awaitingCitizen");
  });

  it("a document the job has not rendered yet is rendered on first download; an event without one is a 404", async () => {
    const { caseId } = await newCase();
    const r = await fireCaseEventFromForm(args("tiepnhan@thads.local", caseId, "refuse", { ground: "not-competent", note: "Thuộc thẩm quyền nơi khác.", version: "0" }));
    expect(statusOf(r)).toBe(302);
    const dl = (seq: string) => downloadCaseDocument({ request: new Request(`${BASE}/x`, { headers: { cookie: cookies["tiepnhan@thads.local"]! } }), context, params: { id: caseId, seq } });
    const pdf = (await dl("2")) as Response;
    expect(pdf.status).toBe(200);
    expect((await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, " ")).toContain("Cơ quan thi hành án dân sự được yêu cầu không có thẩm quyền thi hành án");
    await expect(dl("1")).rejects.toMatchObject({ init: { status: 404 } }); // `received` issues no document
    await runJobs(); // the job finds it stored and changes nothing
    const [{ n }] = (await db.sql<{ n: number }[]>`select count(*)::int as n from stored_documents where owner_id = ${caseId}`) as unknown as [{ n: number }];
    expect(n).toBe(1);
  });

  it("a stale version is a conflict: the form comes back with what was typed, nothing written", async () => {
    const { caseId } = await newCase();
    const r = await fireCaseEventFromForm(args("tiepnhan@thads.local", caseId, "refuse", { ground: "not-competent", note: "Sai nơi", version: "5" }));
    expect(statusOf(r)).toBe(409);
    expect(pageOf(r).result).toMatchObject({ formError: "conflict", values: { ground: "not-competent", note: "Sai nơi" } });
    expect((await snapshot(caseId)).events).toBe(1);
  });

  it("a clerk of another office gets a 404 for the page and the post, and the case does not change", async () => {
    const { caseId } = await newCase();
    const before = await snapshot(caseId);
    await expect(loadCaseEventPage(args("clerk-b@test.local", caseId, "accept"))).rejects.toMatchObject({ init: { status: 404 } });
    await expect(
      fireCaseEventFromForm(args("clerk-b@test.local", caseId, "refuse", { ground: "not-competent", note: "x", version: "0" })),
    ).rejects.toMatchObject({ init: { status: 404 } });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it("a forwarding letter carries the sending office's header and names the competent office", async () => {
    const { caseId } = await newCase();
    const r = await fireCaseEventFromForm(args("tiepnhan@thads.local", caseId, "forward", { agencyId: ids["HNI-KV02"]!, note: "", version: "0" }));
    expect(statusOf(r)).toBe(302);
    await runJobs();
    const [doc] = await db.sql<{ bytes: Buffer }[]>`select bytes from stored_documents where kind = 'case-document' and owner_id = ${caseId} and version = 2`;
    const text = (await pdfText(doc!.bytes)).replace(/\s+/g, " ");
    expect(text).toContain("PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 1 – HÀ NỘI");
    expect(text).toContain("TL. THỦ TRƯỞNG"); // issued by the clerk, by the head's order
    expect(text).toContain("Kính gửi: Phòng Thi hành án dân sự khu vực 2 – Hà Nội");
  });
});

async function staffId(email: string) {
  const [s] = await db.sql<{ id: string }[]>`select id from staff where email = ${email}`;
  return s!.id;
}
