import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { queuedJobs } from "../../test/jobs";
import { seedDemo } from "../seed.server";
import { createStaff, citizenOverview, openCode, requestSignInCode, verifySignInCode } from "../accounts";
import { action as stepAction } from "../../app/routes/dich-vu.yeu-cau-thi-hanh-an.$step";
import { action as attachmentsAction } from "../../app/routes/dich-vu.yeu-cau-thi-hanh-an.tai-lieu";
import { STEPS, MAX_FILES, MAX_FILE_BYTES, isPastTimeLimit, timeLimitYears, TIME_LIMIT_RULE, type Answers } from "./journey";
import { LEGAL_RULES, type LegalRule } from "../deadlines/browser";
import { createResumeLink, resumeDraft } from "../journeys";
import { createDraft, findDraft, DRAFT_COOKIE, submitDraft, loadFormStep, loadSaveForLater } from "./journey.server";
import { getRequestByCode, newAccessCode, ACCESS_CODE_ALPHABET, ACCESS_CODE_LENGTH, justSubmitted, DONE_COOKIE } from "./submit.server";
import { DEFAULT_RATE_LIMITS, policies } from "../http";
import { elapse } from "../../test/rate-limits";
import { getOfficeRequest, listOfficeRequests } from "./staff.server";
import { detectContentType } from "../journeys";
import { pdfStepLines, renderRequestPdf, signatureBlock } from "./pdf.server";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { pdfText } from "../../test/pdf-text";

let db: TestDatabase;
let context: AppLoadContext;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "thads-filing-"));

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  const services = testServices(db.sql, { DATA_DIR: dataDir });
  context = { services, cspNonce: "n", requestId: "test-request", locale: "vi", clientIp: "203.0.113.9" };
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const BASE = "http://localhost/dich-vu/yeu-cau-thi-hanh-an";

function post(slug: string, token: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(`${BASE}/${slug}`, { method: "POST", body, headers: { cookie: `${DRAFT_COOKIE}=${token}`, ...headers } });
}

function form(values: Record<string, string | string[]>) {
  const f = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

/** Runs a route action the way Remix does: a thrown Response is the answer too. */
async function run(fn: () => Promise<unknown>): Promise<{ status: number; body: any; location: string | null }> {
  try {
    const r = await fn();
    if (r instanceof Response) return { status: r.status, body: null, location: r.headers.get("location") };
    const d = r as { init?: { status?: number }; data?: unknown; type?: string };
    if (d && d.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, body: d.data, location: null };
    return { status: 200, body: r, location: null };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, body: null, location: e.headers.get("location") };
    throw e;
  }
}

const stepCall = (slug: string, token: string, values: Record<string, string | string[]>) =>
  run(() => stepAction({ request: post(slug, token, form(values)), context, params: { step: slug } } as never));

const VALID: Record<string, Record<string, string | string[]>> = {
  "nguoi-nop-don": { role: "creditor", party: "person", actingAs: "self" },
  "thong-tin-ca-nhan": { fullName: "Nguyễn Văn An", birthDate: "1985-04-12", cccd: "001085012345", address: "Số 1 Tràng Tiền, Hà Nội", phone: "0912 345 678", email: "an@example.vn" },
  "ban-an": { court: "TAND-HNI-KV01", judgmentNumber: "125/2024/DS-ST", judgmentDate: "2024-03-01", effectiveDate: "2024-04-01" },
  "nguoi-phai-thi-hanh-an": { debtorKind: "person", debtorName: "Trần Thị Bình", debtorAddress: "Hà Nội" },
  "noi-dung-yeu-cau": { obligations: ["money"], amount: "150.000.000" },
  "tai-san-thu-nhap": { debtorAssets: "Căn hộ tại Cầu Giấy" },
  "cam-doan": { declaration: "on" },
};

async function draftThrough(lastSlug: string): Promise<string> {
  const { token } = await createDraft(db.sql, { locale: "vi" });
  for (const [slug, values] of Object.entries(VALID)) {
    if (slug === "cam-doan") break;
    const r = await stepCall(slug, token, values);
    expect(r.status, slug).toBe(302);
    if (slug === lastSlug) break;
  }
  return token;
}

const PDF = Buffer.from("%PDF-1.4\n% test\n1 0 obj <<>> endobj\n%%EOF\n");

function upload(token: string, files: { name: string; content: Buffer }[], documentType = "judgment") {
  const fd = new FormData();
  fd.append("documentType", documentType);
  for (const f of files) fd.append("file", new Blob([new Uint8Array(f.content)]), f.name);
  return run(() => attachmentsAction({ request: post("tai-lieu", token, fd), context, params: {} } as never));
}

describe("journey steps", () => {
  it("give field-level messages for invalid IDs, future dates and missing fields, and keep every value", async () => {
    const token = await draftThrough("nguoi-nop-don");
    const bad = { fullName: "Nguyễn Văn An", birthDate: "2999-01-01", cccd: "003085012345", address: "", phone: "0241234567", email: "khong-phai-email" };
    const r = await stepCall("thong-tin-ca-nhan", token, bad);
    expect(r.status).toBe(400);
    const { error, initialValue } = r.body.result;
    expect(error.birthDate).toEqual(["filing.errors.birthDate.future"]);
    expect(error.cccd).toEqual(["filing.errors.cccd.province"]);
    expect(error.address).toEqual(["filing.errors.address.required"]);
    expect(error.phone).toEqual(["filing.errors.phone.prefix"]);
    expect(error.email).toEqual(["filing.errors.email.invalid"]);
    expect(error.fullName).toBeUndefined();
    expect(initialValue).toMatchObject({ fullName: "Nguyễn Văn An", birthDate: "2999-01-01", cccd: "003085012345", phone: "0241234567", email: "khong-phai-email" });
  });

  it("check the enterprise code's check digit, the judgment's dates and the court list", async () => {
    const token = await draftThrough("nguoi-nop-don");
    await stepCall("nguoi-nop-don", token, { role: "creditor", party: "organisation", actingAs: "self" });
    const org = await stepCall("thong-tin-to-chuc", token, { orgName: "Ngân hàng TMCP A", taxCode: "0100109107", address: "Hà Nội", legalRep: "Lê Văn C", phone: "0912345678" });
    expect(org.body.result.error.taxCode).toEqual(["filing.errors.taxCode.checkDigit"]);
    const ok = await stepCall("thong-tin-to-chuc", token, { orgName: "Ngân hàng TMCP A", taxCode: "0100109106-001", address: "Hà Nội", legalRep: "Lê Văn C", phone: "0912345678" });
    expect(ok.location).toBe("/dich-vu/yeu-cau-thi-hanh-an/ban-an");
    const dates = await stepCall("ban-an", token, { court: "TAND-KHONG-CO", judgmentNumber: "1/2024", judgmentDate: "2024-05-01", effectiveDate: "2024-04-01" });
    expect(dates.body.result.error.effectiveDate).toEqual(["filing.errors.effectiveDate.beforeJudgment"]);
    const court = await stepCall("ban-an", token, { court: "TAND-KHONG-CO", judgmentNumber: "1/2024", judgmentDate: "2024-03-01", effectiveDate: "2024-04-01" });
    expect(court.body.result.error.court).toEqual(["filing.errors.court.choose"]);
    expect(court.body.result.initialValue.judgmentNumber).toBe("1/2024");
  });

  it("never answer a 500 to random input on any step (property-based)", async () => {
    const token = await draftThrough("tai-san-thu-nhap");
    const names = [...new Set(STEPS.flatMap((s) => s.fields.map((f) => f.name))), "returnTo", "intent", "__proto__", "constructor"];
    const value = fc.oneof(fc.string(), fc.string({ unit: "binary", maxLength: 30 }), fc.constantFrom("", " ", "on", "money", "2024-02-30", "9".repeat(400), "001085012345"), fc.string({ maxLength: 3000 }));
    const slugs = STEPS.filter((s) => s.kind === "form").map((s) => s.slug);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...slugs, "khong-co"), fc.dictionary(fc.constantFrom(...names), fc.oneof(value, fc.array(value, { maxLength: 4 }))), async (slug, values) => {
        const r = await stepCall(slug, token, values as Record<string, string | string[]>);
        expect([200, 302, 400, 404]).toContain(r.status);
      }),
      { numRuns: 150 },
    );
    // The attachments step's action too (plain forms and multipart with random parts).
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("intent", "id", "returnTo", "documentType", "file"), value), fc.boolean(), async (values, multipart) => {
        let body: BodyInit;
        if (multipart) {
          const fd = new FormData();
          for (const [k, v] of Object.entries(values)) {
            const text = Array.isArray(v) ? v.join(",") : v;
            if (k === "file") fd.append(k, new Blob([text]), "x.bin");
            else fd.append(k, text);
          }
          body = fd;
        } else body = form(values as Record<string, string | string[]>);
        const r = await run(() => attachmentsAction({ request: post("tai-lieu", token, body), context, params: {} } as never));
        expect([200, 302, 400]).toContain(r.status);
      }),
      { numRuns: 60 },
    );
  });

  it("warn past the 5-year time limit on the step after the judgment (where the applicant is once it is known), and on the judgment step", async () => {
    const token = await draftThrough("ban-an");
    const old = await stepCall("ban-an", token, { ...VALID["ban-an"]!, judgmentDate: "2019-03-01", effectiveDate: "2019-04-01" });
    expect(old.location).toBe("/dich-vu/yeu-cau-thi-hanh-an/nguoi-phai-thi-hanh-an");
    const get = (slug: string) => new Request(`${BASE}/${slug}`, { headers: { cookie: `${DRAFT_COOKIE}=${token}` } });
    const next = await loadFormStep(get("nguoi-phai-thi-hanh-an"), context, "nguoi-phai-thi-hanh-an");
    expect(next.timeLimit).toEqual({ ends: "2024-04-01", past: true });
    expect((await loadFormStep(get("ban-an"), context, "ban-an")).timeLimit).toEqual({ ends: "2024-04-01", past: true });
    // Within the limit, the note stays on the judgment step only.
    await stepCall("ban-an", token, VALID["ban-an"]!);
    expect((await loadFormStep(get("nguoi-phai-thi-hanh-an"), context, "nguoi-phai-thi-hanh-an")).timeLimit).toBeNull();
    // Typed as dd/mm/yyyy (a browser without a date picker), the date is read the same way.
    await stepCall("ban-an", token, { ...VALID["ban-an"]!, judgmentDate: "01/03/2019", effectiveDate: "1/4/2019" });
    expect((await findDraft(db.sql, { token }))!.answers.judgment?.effectiveDate).toBe("2019-04-01");
  });

  it("warn past the 5-year time limit", () => {
    const answers: Answers = { judgment: { effectiveDate: "2020-01-15" } };
    expect(isPastTimeLimit(answers, new Date("2025-01-15T12:00:00Z"))).toBe(false);
    expect(isPastTimeLimit(answers, new Date("2025-01-16T12:00:00Z"))).toBe(true);
  });

  it("take the time limit from the legal rules data, the version in force on the day (a new law is a new row)", () => {
    const answers: Answers = { judgment: { effectiveDate: "2020-01-15" } };
    const current = LEGAL_RULES.find((r) => r.id === TIME_LIMIT_RULE && !r.effectiveTo)!;
    const saved = { ...current };
    // A hypothetical law giving 7 years from 2025-01-01: the same request is on time again under it.
    current.effectiveTo = "2024-12-31";
    (LEGAL_RULES as LegalRule[]).push({ ...saved, effectiveFrom: "2025-01-01", amount: 7 });
    try {
      expect(timeLimitYears(new Date("2024-06-01T12:00:00Z"))).toBe(saved.amount);
      expect(timeLimitYears(new Date("2025-06-01T12:00:00Z"))).toBe(7);
      expect(isPastTimeLimit(answers, new Date("2025-01-16T12:00:00Z"))).toBe(false);
    } finally {
      (LEGAL_RULES as LegalRule[]).pop();
      delete current.effectiveTo;
      Object.assign(current, saved);
    }
  });
});

describe("attachments", () => {
  it("recognise PDF, JPEG, PNG and DOCX by content, not by name", () => {
    expect(detectContentType(PDF, PDF)).toBe("application/pdf");
    expect(detectContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(0))).toBe("image/jpeg");
    expect(detectContentType(Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.alloc(0))).toBe("image/png");
    const zipHead = Buffer.from("PK\x03\x04", "latin1");
    expect(detectContentType(zipHead, Buffer.from("[Content_Types].xml word/document.xml"))).toContain("wordprocessingml");
    expect(detectContentType(zipHead, Buffer.from("[Content_Types].xml xl/workbook.xml"))).toBeNull();
    expect(detectContentType(Buffer.from("MZ\x90\x00"), Buffer.alloc(0))).toBeNull();
  });

  it("a broken multipart upload is a 400 page, and text fields beside the files past 64 KB a 413: never a 500", async () => {
    const token = await draftThrough("tai-san-thu-nhap");
    const statusOf = async (request: Request) => {
      try {
        return (await run(() => attachmentsAction({ request, context, params: {} } as never))).status;
      } catch (e) {
        const d = e as { init?: { status?: number }; status?: number };
        return d.init?.status ?? d.status ?? 500;
      }
    };
    const broken = post("tai-lieu", token, '--zz\r\nContent-Disposition: form-data; name="documentType"\r\n\r\njudgment', { "Content-Type": "multipart/form-data; boundary=zz" });
    expect(await statusOf(broken)).toBe(400);
    const fd = new FormData();
    fd.append("documentType", "judgment");
    for (let i = 0; i < 10; i++) fd.append(`pad${i}`, "x".repeat(9_000));
    expect(await statusOf(post("tai-lieu", token, fd))).toBe(413);
  });

  it("refuse wrong types, empty, too big and too many files with a message each, keeping the good ones", async () => {
    const token = await draftThrough("tai-san-thu-nhap");
    const mixed = await upload(token, [
      { name: "ban-an.pdf", content: PDF },
      { name: "virus.exe.pdf", content: Buffer.from("MZ this is not a pdf") },
      { name: "rong.pdf", content: Buffer.alloc(0) },
      { name: "qua-lon.pdf", content: Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES)]) },
    ]);
    expect(mixed.status).toBe(400);
    expect(mixed.body.accepted).toBe(1);
    expect(mixed.body.problems).toEqual([
      { code: "wrongType", name: "virus.exe.pdf" },
      { code: "empty", name: "rong.pdf" },
      { code: "tooBig", name: "qua-lon.pdf" },
    ]);
    const eicar = await upload(token, [{ name: "eicar.pdf", content: Buffer.from("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*") }]);
    expect(eicar.body.problems).toEqual([{ code: "infected", name: "eicar.pdf" }]);

    const many = await upload(token, Array.from({ length: MAX_FILES + 2 }, (_, i) => ({ name: `trang-${i + 1}.pdf`, content: Buffer.concat([PDF, Buffer.from(`% page ${i + 1}\n`)]) })));
    expect(many.body.accepted).toBe(MAX_FILES - 1);
    expect(many.body.problems).toEqual([{ code: "tooMany" }]);
    const draft = await findDraft(db.sql, { token });
    const [{ n }] = (await db.sql`select count(*)::int as n from filing_attachments where draft_id = ${draft!.id}`) as unknown as [{ n: number }];
    expect(n).toBe(MAX_FILES);
    // Only accepted files are on disk.
    const dir = path.join(dataDir, "uploads", "drafts", draft!.id);
    expect(fs.readdirSync(dir)).toHaveLength(MAX_FILES);
  });

  it("store a file once per draft, however often it is sent (a second press of Upload, the same file twice, two posts at once)", async () => {
    const token = await draftThrough("tai-san-thu-nhap");
    const draft = await findDraft(db.sql, { token });
    const count = async () => ((await db.sql`select count(*)::int as n from filing_attachments where draft_id = ${draft!.id}`) as unknown as [{ n: number }])[0].n;
    const first = await upload(token, [{ name: "ban-an.pdf", content: PDF }]);
    expect(first.body).toMatchObject({ accepted: 1, duplicates: [] });
    const again = await upload(token, [{ name: "ban-an.pdf", content: PDF }]);
    expect(again.body).toMatchObject({ accepted: 0, problems: [], duplicates: ["ban-an.pdf"] });
    const renamedTwice = await upload(token, [
      { name: "ban-an-ban-sao.pdf", content: PDF },
      { name: "trang-2.pdf", content: Buffer.concat([PDF, Buffer.from("% 2\n")]) },
      { name: "trang-2-lan-nua.pdf", content: Buffer.concat([PDF, Buffer.from("% 2\n")]) },
    ]);
    expect(renamedTwice.body).toMatchObject({ accepted: 1, duplicates: ["ban-an-ban-sao.pdf", "trang-2-lan-nua.pdf"] });
    const other = Buffer.concat([PDF, Buffer.from("% 3\n")]);
    const both = await Promise.all([upload(token, [{ name: "a.pdf", content: other }]), upload(token, [{ name: "b.pdf", content: other }])]);
    expect(both.map((r) => r.body.accepted).sort()).toEqual([0, 1]);
    expect(await count()).toBe(3);
    // The refused copies are not left on disk either.
    expect(fs.readdirSync(path.join(dataDir, "uploads", "drafts", draft!.id))).toHaveLength(3);
  });

  it("accept a file of exactly 20 MB (the limit), streamed to disk with its SHA-256", async () => {
    const token = await draftThrough("tai-san-thu-nhap");
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES - PDF.length, 0x20)]);
    const r = await upload(token, [{ name: "ho-so-20mb.pdf", content: big }]);
    expect(r.body.problems).toEqual([]);
    expect(r.body.accepted).toBe(1);
    const [row] = await db.sql`select size_bytes, sha256 from filing_attachments where original_name = 'ho-so-20mb.pdf'`;
    expect(row!.size_bytes).toBe(MAX_FILE_BYTES);
    expect(row!.sha256).toBe((await import("node:crypto")).createHash("sha256").update(big).digest("hex"));
  });
});

describe("submission", () => {
  async function readyDraft() {
    const token = await draftThrough("tai-san-thu-nhap");
    await upload(token, [{ name: "Bản án 125.pdf", content: PDF }]);
    const cont = await run(() => attachmentsAction({ request: post("tai-lieu", token, form({ intent: "continue" })), context, params: {} } as never));
    expect(cont.location).toBe("/dich-vu/yeu-cau-thi-hanh-an/cam-doan");
    expect((await stepCall("cam-doan", token, VALID["cam-doan"]!)).location).toBe("/dich-vu/yeu-cau-thi-hanh-an/kiem-tra");
    return { ...(await findDraft(db.sql, { token }))!, token };
  }

  it("stores the request, its attachments, the audit entry and the e-mail job together, routed by the court", async () => {
    const draft = await readyDraft();
    const result = await submitDraft(db.sql, { draftId: draft.id, citizenId: null, ip: "203.0.113.9" });
    if (!result.ok) throw new Error("not submitted");
    expect(result.reference).toMatch(/^YC-\d{4}-\d{7}$/);
    expect(result.accessCode).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    const found = await getRequestByCode(db.sql, { reference: result.reference, accessCode: result.accessCode.toLowerCase(), ip: "203.0.113.9" });
    expect(found.ok && found.request.agencyName).toBe("Phòng Thi hành án dân sự khu vực 1 – Hà Nội");
    expect(await getRequestByCode(db.sql, { reference: result.reference, accessCode: "2222-2222-2222-2222", ip: "203.0.113.9" })).toEqual({ ok: false, reason: "not-found" });
    const files = await db.sql`select original_name, draft_id from filing_attachments where request_id = ${result.requestId}`;
    expect(files).toEqual([{ original_name: "Bản án 125.pdf", draft_id: null }]);
    const audits = await db.sql`select action from audit_log where target_id = ${result.requestId}`;
    expect(audits.map((a) => a.action)).toEqual(["filing.request.submitted"]);
    expect((await queuedJobs<{ requestId: string }>(db.sql, "send_filing_confirmation")).some((j) => j.requestId === result.requestId)).toBe(true);
    // The draft is gone: its own cookie token (which opened it a moment ago) opens nothing now.
    expect(await findDraft(db.sql, { token: draft.token, citizenId: null })).toBeNull();
    // A second submit of the same draft finds nothing to send.
    expect((await submitDraft(db.sql, { draftId: draft.id, citizenId: null, ip: null })).ok).toBe(false);
  });

  it("rolls everything back when any part fails", async () => {
    const draft = await readyDraft();
    await db.sql`create function fail_audit() returns trigger language plpgsql as $$ begin raise exception 'boom'; end $$`;
    await db.sql`create trigger fail_audit before insert on audit_log for each row execute function fail_audit()`;
    try {
      await expect(submitDraft(db.sql, { draftId: draft.id, citizenId: null, ip: null })).rejects.toThrow(/boom/);
    } finally {
      await db.sql`drop trigger fail_audit on audit_log`;
      await db.sql`drop function fail_audit()`;
    }
    const [{ n }] = (await db.sql`select count(*)::int as n from filing_attachments where draft_id = ${draft.id}`) as unknown as [{ n: number }];
    expect(n).toBe(1);
    // Nothing was deleted: the draft still opens with its cookie token.
    expect((await findDraft(db.sql, { token: draft.token, citizenId: null }))?.id).toBe(draft.id);
    const [still] = await db.sql`select id from filing_drafts where id = ${draft.id}`;
    expect(still).toBeDefined();
  });

  it("shows each office only its own requests (checked in SQL)", async () => {
    const draft = await readyDraft();
    const result = await submitDraft(db.sql, { draftId: draft.id, citizenId: null, ip: null });
    if (!result.ok) throw new Error("not submitted");
    const [hn1] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
    const [hcm] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HCM-KV01'`;
    const clerkHn = await createStaff(db.sql, { email: "clerk-hn@test.vn", fullName: "Cán bộ HN", password: "x".repeat(12), roles: [{ role: "clerk", agencyId: hn1!.id }] });
    const clerkHcm = await createStaff(db.sql, { email: "clerk-hcm@test.vn", fullName: "Cán bộ HCM", password: "x".repeat(12), roles: [{ role: "clerk", agencyId: hcm!.id }] });
    const officerHn = await createStaff(db.sql, { email: "officer-hn@test.vn", fullName: "CHV HN", password: "x".repeat(12), roles: [{ role: "officer", agencyId: hn1!.id }] });
    expect((await listOfficeRequests(db.sql, { staffId: clerkHn })).map((r) => r.id)).toContain(result.requestId);
    expect(await listOfficeRequests(db.sql, { staffId: clerkHcm })).toEqual([]);
    expect(await listOfficeRequests(db.sql, { staffId: officerHn })).toEqual([]);
    expect(await getOfficeRequest(db.sql, { staffId: clerkHcm, requestId: result.requestId })).toBeNull();
    expect((await getOfficeRequest(db.sql, { staffId: clerkHn, requestId: result.requestId }))?.reference).toBe(result.reference);
  });

  it("renders the request as a PDF with the embedded Noto Sans font", async () => {
    const draft = await readyDraft();
    const pdf = await renderRequestPdf({
      reference: "YC-2026-0000042",
      submittedAt: new Date("2026-11-20T03:00:00Z"),
      agencyName: "Phòng Thi hành án dân sự khu vực 1 – Hà Nội",
      courtName: "Tòa án nhân dân khu vực 1 – Hà Nội",
      answers: draft.answers,
      attachments: [{ documentType: "judgment", originalName: "Bản án.pdf" }],
      locale: "vi",
    });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.7")).toBe(true);
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSans-Regular/);
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSans-Bold/);
    expect(text).toContain("/FontFile2");
    // Its text layer (copy, search, screen readers) gives the letters back, dots below included.
    const layer = await pdfText(pdf);
    expect(layer).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(layer).toContain("Độc lập – Tự do – Hạnh phúc");
    expect(layer).toContain("Phòng Thi hành án dân sự khu vực 1 – Hà Nội");
  });
});

describe("access code", () => {
  it("has at least 80 bits: 16 characters, each uniform over a 32-letter alphabet without look-alikes", () => {
    expect(new Set(ACCESS_CODE_ALPHABET).size).toBe(32);
    expect(ACCESS_CODE_ALPHABET).not.toMatch(/[01OI]/);
    expect(ACCESS_CODE_LENGTH * Math.log2(new Set(ACCESS_CODE_ALPHABET).size)).toBeGreaterThanOrEqual(80);
    const samples = 16_000;
    const codes = Array.from({ length: samples }, () => newAccessCode());
    expect(new Set(codes).size).toBe(samples);
    const counts = Array.from({ length: ACCESS_CODE_LENGTH }, () => new Map<string, number>());
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
      [...code.replace(/-/g, "")].forEach((ch, i) => counts[i]!.set(ch, (counts[i]!.get(ch) ?? 0) + 1));
    }
    // Every position uses all 32 letters about equally (expected 500 each; 7 standard deviations either side).
    for (const position of counts) {
      expect(position.size).toBe(32);
      for (const n of position.values()) {
        expect(n).toBeGreaterThan(350);
        expect(n).toBeLessThan(650);
      }
    }
  });

  it("opens the request only with the whole code, and a reference's wrong codes hold its applicant up for a short wait at most", async () => {
    const draft = await (async () => {
      const token = await draftThrough("tai-san-thu-nhap");
      await upload(token, [{ name: "Bản án 125.pdf", content: PDF }]);
      await run(() => attachmentsAction({ request: post("tai-lieu", token, form({ intent: "continue" })), context, params: {} } as never));
      await stepCall("cam-doan", token, VALID["cam-doan"]!);
      return (await findDraft(db.sql, { token }))!;
    })();
    const result = await submitDraft(db.sql, { draftId: draft.id, citizenId: null, ip: null });
    if (!result.ok) throw new Error("not submitted");
    const { reference, accessCode } = result;
    const lastSwapped = `${accessCode.slice(0, -1)}${accessCode.endsWith("2") ? "3" : "2"}`;
    expect(await getRequestByCode(db.sql, { reference, accessCode: lastSwapped, ip: "198.51.100.50" })).toEqual({ ok: false, reason: "not-found" });
    expect(await getRequestByCode(db.sql, { reference, accessCode: accessCode.slice(0, -1), ip: "198.51.100.50" })).toEqual({ ok: false, reason: "not-found" });
    expect(await getRequestByCode(db.sql, { reference, accessCode: `${accessCode}2`, ip: "198.51.100.50" })).toEqual({ ok: false, reason: "not-found" });

    const waits: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await getRequestByCode(db.sql, { reference, accessCode: newAccessCode(), ip: `198.51.100.${i}` });
      expect(r.ok).toBe(false);
      if (!r.ok && r.reason === "rate-limited") {
        waits.push(r.retryAfterSeconds);
        await elapse(db.sql, r.retryAfterSeconds);
      }
    }
    expect(waits.length).toBeGreaterThan(3);
    expect(Math.max(...waits)).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.RATE_LIMIT_MAX_DELAY_SECONDS);
    // The applicant's own confirmation page: a 429 with the wait, or (after it) the request.
    const page = new Request(`${BASE}/da-gui`, { headers: { cookie: `${DONE_COOKIE}=${reference}.${accessCode}` } });
    let mine = await justSubmitted(page, context);
    if (!mine.ok && mine.reason === "rate-limited") {
      await elapse(db.sql, mine.retryAfterSeconds);
      mine = await justSubmitted(page, context);
    }
    expect(mine.ok && mine.request.reference).toBe(reference);

    // One client address guessing codes across references is slowed too.
    const ip = "198.51.100.250";
    const tries = [];
    for (let i = 0; i < policies().client.free + 2; i++) tries.push(await getRequestByCode(db.sql, { reference: `YC-2026-${String(9_000_000 + i)}`, accessCode: newAccessCode(), ip }));
    expect(tries.at(-2)).toEqual({ ok: false, reason: "not-found" });
    expect(tries.at(-1)).toMatchObject({ ok: false, reason: "rate-limited" });
  });
});

describe("the request as filed", () => {
  const rep: Answers = {
    who: { role: "creditor", party: "person", actingAs: "representative" },
    representative: { repName: "Lê Văn Đại", repCccd: "001085012345", repPhone: "0912345678", repBasis: "authorised", repDocument: "Giấy ủy quyền 12/2025" },
    person: { fullName: "Nguyễn Văn An", birthDate: "1985-04-12", cccd: "001085012345", address: "Hà Nội", phone: "0912345678" },
    obligations: { obligations: ["money"], amount: 150_000_000 },
  };

  const sample = (f: (typeof STEPS)[number]["fields"][number]): unknown =>
    f.kind === "date" ? "2024-01-01" : f.kind === "money" ? 1000 : f.kind === "checkboxes" ? [f.options![0]] : f.kind === "radio" ? (f.options?.[0] ?? "x") : f.kind === "checkbox" ? true : "x";

  it("names the fields as the form does, not by the questions, and writes money once with its sign", () => {
    const t = serverT("vi");
    const who = pdfStepLines(t as never, "vi", rep, "who", "");
    expect(who.map((l) => l.label)).toEqual(["Tư cách người yêu cầu", "Loại người yêu cầu", "Người điền đơn"]);
    const money = pdfStepLines(t as never, "vi", rep, "obligations", "");
    expect(money).toContainEqual({ label: "Số tiền yêu cầu thi hành", value: "150.000.000 ₫" });
    // No line of any step is a question, nor repeats the currency beside the amount.
    for (const step of STEPS) {
      for (const locale of ["vi", "en"] as const) {
        for (const l of pdfStepLines(serverT(locale) as never, locale, { ...rep, [step.id]: Object.fromEntries(step.fields.map((f) => [f.name, sample(f)])) }, step.id, "")) {
          expect(l.label, `${step.id} ${locale}`).not.toMatch(/\?$/);
          expect(l.label, `${step.id} ${locale}`).not.toMatch(/\((đồng|VND)\)/);
        }
      }
    }
  });

  it("is signed by the representative on behalf of the applicant when a representative filled it in", () => {
    expect(signatureBlock(rep)).toEqual({ titleKey: "filing.pdf.signatureRepresentative", name: "Lê Văn Đại", onBehalfOf: "Nguyễn Văn An" });
    expect(signatureBlock({ ...rep, who: { ...rep.who, actingAs: "self" } })).toEqual({ titleKey: "filing.pdf.signature", name: "Nguyễn Văn An", onBehalfOf: null });
  });
});

describe("who may apply", () => {
  it("lets the judgment debtor apply, asking about the creditor instead, and records them as the debtor", async () => {
    const { token, draft } = await createDraft(db.sql, { locale: "vi" });
    const who = await stepCall("nguoi-nop-don", token, { role: "debtor", party: "organisation", actingAs: "self" });
    expect(who.location).toBe("/dich-vu/yeu-cau-thi-hanh-an/thong-tin-to-chuc");
    // An organisation's landline is accepted (and normalised); a mobile still is.
    const org = { orgName: "Công ty TNHH B", taxCode: "0100109106", address: "Hà Nội", legalRep: "Phạm Văn D" };
    const landline = await stepCall("thong-tin-to-chuc", token, { ...org, phone: "(024) 3823 1111" });
    expect(landline.location).toBe("/dich-vu/yeu-cau-thi-hanh-an/ban-an");
    expect((await findDraft(db.sql, { token }))!.answers.organisation?.phone).toBe("02438231111");
    const notAPhone = await stepCall("thong-tin-to-chuc", token, { ...org, phone: "0243823111" });
    expect(notAPhone.body.result.error.phone).toEqual(["filing.errors.orgPhone.format"]);
    const judgment = await stepCall("ban-an", token, VALID["ban-an"]!);
    expect(judgment.location).toBe("/dich-vu/yeu-cau-thi-hanh-an/nguoi-duoc-thi-hanh-an");
    const creditor = await stepCall("nguoi-duoc-thi-hanh-an", token, { creditorKind: "person", creditorName: "Trần Thị Bình", creditorAddress: "Hà Nội", creditorPhone: "0912 345 678" });
    expect(creditor.location).toBe("/dich-vu/yeu-cau-thi-hanh-an/noi-dung-yeu-cau");
    // A debtor is not asked about their own assets.
    expect((await stepCall("noi-dung-yeu-cau", token, VALID["noi-dung-yeu-cau"]!)).location).toBe("/dich-vu/yeu-cau-thi-hanh-an/tai-lieu");
    await upload(token, [{ name: "Bản án.pdf", content: PDF }]);
    await run(() => attachmentsAction({ request: post("tai-lieu", token, form({ intent: "continue" })), context, params: {} } as never));
    await stepCall("cam-doan", token, VALID["cam-doan"]!);
    const result = await submitDraft(db.sql, { draftId: draft.id, citizenId: null, ip: null });
    if (!result.ok) throw new Error("not submitted");
    const [row] = await db.sql`select applicant_name, debtor_name, answers from enforcement_requests where id = ${result.requestId}`;
    expect(row!.applicant_name).toBe("Công ty TNHH B");
    expect(row!.debtor_name).toBe("Công ty TNHH B");
    expect(row!.answers.who.role).toBe("debtor");
    expect(row!.answers.creditor.creditorName).toBe("Trần Thị Bình");
    expect(row!.answers.debtor).toBeUndefined();
    const t = serverT("vi");
    expect(pdfStepLines(t as never, "vi", row!.answers, "who", "")[0]).toEqual({ label: "Tư cách người yêu cầu", value: "Người phải thi hành án" });
  });
});

describe("a request filed while signed out", () => {
  it("appears in the account of the citizen who signs in with the applicant's e-mail address, and only theirs", async () => {
    const email = `link-${Date.now()}@example.vn`;
    const { token, draft } = await createDraft(db.sql, { locale: "vi" });
    for (const [slug, values] of Object.entries(VALID)) {
      if (slug === "cam-doan") break;
      await stepCall(slug, token, slug === "thong-tin-ca-nhan" ? { ...values, email: email.toUpperCase() } : values);
    }
    await upload(token, [{ name: "Bản án.pdf", content: PDF }]);
    await run(() => attachmentsAction({ request: post("tai-lieu", token, form({ intent: "continue" })), context, params: {} } as never));
    await stepCall("cam-doan", token, VALID["cam-doan"]!);
    const filed = await submitDraft(db.sql, { draftId: draft.id, citizenId: null, ip: null });
    if (!filed.ok) throw new Error("not submitted");

    const signIn = async (address: string, ip: string) => {
      const secret = context.services.config.SESSION_SECRET;
      expect((await requestSignInCode(db.sql, { email: address, secret, locale: "vi", ip })).ok).toBe(true);
      const job = (await queuedJobs<{ email: string; sealed: string }>(db.sql, "send_citizen_sign_in_code")).filter((j) => j.email === address).at(-1)!;
      const r = await verifySignInCode(db.sql, { email: address, code: openCode(secret, job.sealed), secret, sessionTtlSeconds: 60, locale: "vi", ip, userAgent: "vitest" });
      if (!r.ok) throw new Error(r.reason);
      return r.citizenId;
    };
    const someoneElse = await signIn(`other-${email}`, "192.0.2.201");
    expect((await citizenOverview(db.sql, { citizenId: someoneElse })).requests).toEqual([]);
    const owner = await signIn(email, "192.0.2.202");
    expect((await citizenOverview(db.sql, { citizenId: owner })).requests.map((r) => r.reference)).toEqual([filed.reference]);
    const [audit] = await db.sql`select details from audit_log where actor_id = ${owner} and action = 'citizen.sign_in'`;
    expect(audit!.details.linkedRequests).toEqual([filed.reference]);
  });
});

describe("save for later", () => {
  it("offers the applicant's e-mail from the answers, else the address the link last went to", async () => {
    const token = await draftThrough("thong-tin-ca-nhan");
    const get = new Request(`${BASE}/luu`, { headers: { cookie: `${DRAFT_COOKIE}=${token}` } });
    expect((await loadSaveForLater(get, context)).email).toBe("an@example.vn");
    await stepCall("thong-tin-ca-nhan", token, { ...VALID["thong-tin-ca-nhan"]!, email: "" });
    expect((await loadSaveForLater(get, context)).email).toBe("");
    await createResumeLink(db.sql, { draftId: (await findDraft(db.sql, { token }))!.id, email: "lan-truoc@example.vn" });
    expect((await loadSaveForLater(get, context)).email).toBe("lan-truoc@example.vn");
  });
});

describe("resume links", () => {
  it("open the draft on another device until they expire, and move the cookie", async () => {
    const { token, draft } = await createDraft(db.sql, { locale: "vi" });
    const link = await createResumeLink(db.sql, { draftId: draft.id, email: "an@example.vn" });
    const resumed = await resumeDraft(db.sql, { linkToken: link.token });
    expect(resumed?.draft.id).toBe(draft.id);
    expect(await findDraft(db.sql, { token })).toBeNull(); // the old cookie no longer opens it
    expect((await findDraft(db.sql, { token: resumed!.token }))?.id).toBe(draft.id);
    await db.sql`update filing_resume_links set expires_at = now() - interval '1 second'`;
    expect(await resumeDraft(db.sql, { linkToken: link.token })).toBeNull();
    // A link that no longer works leaves the draft where it is: the cookie it moved to still opens it.
    expect((await findDraft(db.sql, { token: resumed!.token }))?.id).toBe(draft.id);
  });
});
