import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { queuedJobs } from "../../test/jobs";
import { pdfText } from "../../test/pdf-text";
import { createI18n } from "../../vocabulary/i18n/config";
import type { Translation } from "../../vocabulary/i18n/types";
import { defineJourney, journeyEngine, renderAnswersPdf, type Answers } from "./index";

// ————— a whole new procedure: a definition, its words, its submit. Nothing else. —————

type Step = "about" | "company" | "evidence";
const Complaint = defineJourney<Step>({
  id: "complaint",
  path: "/dich-vu/khieu-nai",
  content: "complaint",
  draftCookie: "thads_complaint",
  checkSlug: "kiem-tra",
  saveSlug: "luu",
  resumeSlug: "tiep-tuc",
  attachments: { documentTypes: ["evidence", "other"], maxFiles: 3, maxFileBytes: 1024 * 1024, required: { documentType: "evidence", problem: "evidenceMissing" } },
  steps: [
    {
      id: "about",
      slug: "nguoi-khieu-nai",
      kind: "form",
      fields: [
        { name: "party", kind: "radio", options: ["person", "company"] },
        { name: "name", kind: "text" },
        { name: "email", kind: "email", optional: true },
      ],
      schema: z.object({
        party: z.enum(["person", "company"], { error: "complaint.errors.party" }),
        name: z.string({ error: "complaint.errors.name" }).trim().min(1, "complaint.errors.name"),
        email: z.email("complaint.errors.email").optional(),
      }),
      // The branch: a company is asked for its tax code, a person goes straight to the evidence.
      next: (a) => (a.about?.party === "company" ? "company" : "evidence"),
    },
    {
      id: "company",
      slug: "doanh-nghiep",
      kind: "form",
      fields: [{ name: "taxCode", kind: "text" }],
      schema: z.object({ taxCode: z.string({ error: "complaint.errors.taxCode" }).regex(/^\d{10}$/, "complaint.errors.taxCode") }),
      next: () => "evidence",
    },
    { id: "evidence", slug: "chung-cu", kind: "attachments", fields: [], schema: z.object({}), next: () => "check" },
  ],
});

const vi = {
  common: { notProvided: "Không cung cấp", yes: "Có", no: "Không" },
  steps: { about: { title: "Người khiếu nại" }, company: { title: "Doanh nghiệp" }, evidence: { title: "Chứng cứ" } },
  fields: {
    party: { label: "Bạn là", options: { person: "Cá nhân", company: "Doanh nghiệp" } },
    name: { label: "Họ tên hoặc tên doanh nghiệp" },
    email: { label: "Thư điện tử" },
    taxCode: { label: "Mã số thuế" },
  },
  attachments: { types: { evidence: "Chứng cứ", other: "Tài liệu khác" } },
};
const en: Translation<typeof vi> = {
  common: { notProvided: "Not provided", yes: "Yes", no: "No" },
  steps: { about: { title: "Who is complaining" }, company: { title: "Company" }, evidence: { title: "Evidence" } },
  fields: {
    party: { label: "You are", options: { person: "A person", company: "A company" } },
    name: { label: "Name or company name" },
    email: { label: "E-mail" },
    taxCode: { label: "Tax code" },
  },
  attachments: { types: { evidence: "Evidence", other: "Other document" } },
};

/** Its own submit: a row in its own table, and the number it gives back. */
const complaints = journeyEngine({
  journey: Complaint,
  resumeEmailJob: "send_complaint_resume_link",
  rateLimitKey: "complaint",
  contactEmail: (a: Answers<Step>) => (typeof a.about?.email === "string" ? a.about.email : null),
  async submit(answers, { tx, attachments }) {
    const [row] = await tx<{ id: number }[]>`
      insert into test_complaints (name, answers, files) values (${String(answers.about?.name)}, ${tx.json(answers as never)}, ${attachments.length}) returning id`;
    return { ok: true as const, number: row!.id };
  },
  confirmation: (result) => ({ redirectTo: `/dich-vu/khieu-nai/da-gui?so=${result.number}`, cookies: [] }),
});

// ————— driving it through the engine —————

let db: TestDatabase;
let context: AppLoadContext;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "thads-journey-"));
const BASE = "http://localhost/dich-vu/khieu-nai";

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql`create table test_complaints (id serial primary key, name text not null, answers jsonb not null, files int not null)`;
  context = { services: testServices(db.sql, { DATA_DIR: dataDir }), cspNonce: "n", requestId: "test", locale: "vi", clientIp: "203.0.113.7" };
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const cookieOf = (r: Response, name: string) => /^[^=]+=([^;]*)/.exec(r.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? "")?.[1] ?? "";
const req = (token: string, slug: string, init: RequestInit = {}) =>
  new Request(`${BASE}/${slug}`, { ...init, headers: { cookie: `thads_complaint=${token}`, ...(init.headers as Record<string, string>) } });
const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  return f;
};
const PDF = Buffer.from("%PDF-1.4\n% evidence\n%%EOF\n");

async function start() {
  const started = await complaints.startDraft(new Request(BASE, { method: "POST" }), context);
  expect(started.headers.get("location")).toBe("/dich-vu/khieu-nai/nguoi-khieu-nai");
  return cookieOf(started, "thads_complaint");
}

describe("a second procedure on the journey engine", () => {
  it("runs a company through every step: per-field errors, the branch, a required attachment, resume link, check, PDF and its own submit", async () => {
    const token = await start();

    // Invalid answers come back per field, with the message keys of its own words.
    const bad = await complaints.submitFormStep(req(token, "nguoi-khieu-nai"), context, "nguoi-khieu-nai", form({ party: "alien", name: " " }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.result.error).toEqual({ party: ["complaint.errors.party"], name: ["complaint.errors.name"] });

    // A later step cannot be visited before the first is complete.
    await expect(complaints.loadFormStep(req(token, "doanh-nghiep"), context, "doanh-nghiep")).rejects.toMatchObject({ status: 302 });

    // The branch in `next`: a company goes to the tax-code step.
    const ok = await complaints.submitFormStep(req(token, "nguoi-khieu-nai"), context, "nguoi-khieu-nai", form({ party: "company", name: "Công ty An Bình", email: "an@example.vn" }));
    expect(ok).toEqual({ ok: true, redirectTo: "/dich-vu/khieu-nai/doanh-nghiep" });
    const view = await complaints.loadFormStep(req(token, "doanh-nghiep"), context, "doanh-nghiep");
    expect(view).toMatchObject({ stepId: "company", number: 2, total: 3, backHref: "/dich-vu/khieu-nai/nguoi-khieu-nai" });
    expect(await complaints.submitFormStep(req(token, "doanh-nghiep"), context, "doanh-nghiep", form({ taxCode: "0101" }))).toMatchObject({ ok: false });
    expect(await complaints.submitFormStep(req(token, "doanh-nghiep"), context, "doanh-nghiep", form({ taxCode: "0101234567" }))).toEqual({
      ok: true,
      redirectTo: "/dich-vu/khieu-nai/chung-cu",
    });

    // The attachments step: its own rule (evidence is required), its own types and limits.
    const cont = () => complaints.submitAttachmentsStep(req(token, "chung-cu", { method: "POST", body: new URLSearchParams({ intent: "continue" }) }), context);
    expect(await cont()).toMatchObject({ ok: false, problems: [{ code: "evidenceMissing" }] });
    const upload = (type: string, files: { name: string; content: Buffer }[]) => {
      const fd = form({ documentType: type });
      for (const f of files) fd.append("file", new Blob([new Uint8Array(f.content)]), f.name);
      return complaints.submitAttachmentsStep(req(token, "chung-cu", { method: "POST", body: fd }), context);
    };
    expect(await upload("judgment", [{ name: "a.pdf", content: PDF }])).toMatchObject({ accepted: 0, problems: [{ code: "badType" }] });
    expect(await upload("evidence", [{ name: "hop-dong.pdf", content: PDF }, { name: "big.pdf", content: Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]) }])).toMatchObject({
      accepted: 1,
      problems: [{ code: "tooBig", name: "big.pdf" }],
    });
    expect(await cont()).toEqual({ ok: true, redirectTo: "/dich-vu/khieu-nai/kiem-tra" });

    // "Save and continue later": the link is its own journey's, and opens the draft on another device.
    const save = await complaints.loadSaveForLater(req(token, "luu"), context);
    expect(save.email).toBe("an@example.vn");
    expect(await complaints.sendResumeLink(req(token, "luu"), context, form({ email: "nope" }))).toMatchObject({ ok: false, result: { error: { email: ["complaint.errors.saveEmail.invalid"] } } });
    expect(await complaints.sendResumeLink(req(token, "luu"), context, form({ email: "An@Example.vn" }))).toMatchObject({ ok: true, email: "an@example.vn" });
    const [job] = await queuedJobs<{ url: string }>(db.sql, "send_complaint_resume_link");
    expect(job!.url).toMatch(/\/dich-vu\/khieu-nai\/tiep-tuc\/[A-Za-z0-9_-]{40,}$/);
    const opened = await complaints.openResumeLink(context, job!.url.split("/").pop());
    if (!(opened instanceof Response)) throw new Error("the link did not open the draft");
    expect(opened.headers.get("location")).toBe("/dich-vu/khieu-nai/kiem-tra");
    const moved = cookieOf(opened, "thads_complaint");
    expect(await complaints.currentDraft(req(token, "kiem-tra"), context)).toBeNull(); // the old device's cookie no longer opens it

    // Check your answers: built from the definition, the branch's step included, with the file.
    const review = await complaints.loadReview(req(moved, "kiem-tra"), context);
    expect(review.sections.map((s) => s.stepId)).toEqual(["about", "company", "evidence"]);
    expect(review.attachments.map((a) => [a.documentType, a.originalName])).toEqual([["evidence", "hop-dong.pdf"]]);

    // The answers PDF, in both languages from the same definition.
    for (const [locale, words, party] of [["vi", vi, "Doanh nghiệp"], ["en", en, "A company"]] as const) {
      const t = createI18n(locale, { complaint: words } as never).t;
      const answers = Object.fromEntries(review.sections.map((s) => [s.stepId, s.values])) as Answers<Step>;
      const text = await pdfText(await renderAnswersPdf({ journey: Complaint, t, locale, title: "KN", reference: "KN-1", answers, attachments: review.attachments }));
      expect(text).toContain(`${words.fields.party.label}: ${party}`);
      expect(text).toContain(`${words.fields.taxCode.label}: 0101234567`);
      expect(text).toContain(`1. ${words.attachments.types.evidence}: hop-dong.pdf`);
      expect(text).toContain(words.steps.company.title);
    }

    // Its own submit, then its own confirmation; the draft is gone.
    const sent = await complaints.submitFromReview(req(moved, "kiem-tra", { method: "POST" }), context);
    expect(sent.headers.get("location")).toMatch(/^\/dich-vu\/khieu-nai\/da-gui\?so=\d+$/);
    expect(cookieOf(sent, "thads_complaint")).toBe("");
    const [row] = await db.sql<{ name: string; answers: Answers<Step>; files: number }[]>`select name, answers, files from test_complaints`;
    expect(row).toEqual({ name: "Công ty An Bình", files: 1, answers: { about: { party: "company", name: "Công ty An Bình", email: "an@example.vn" }, company: { taxCode: "0101234567" }, evidence: {} } });
    expect(await complaints.currentDraft(req(moved, "kiem-tra"), context)).toBeNull();
    // The procedure kept no file: the draft's rows and files are removed with it.
    expect(await db.sql`select 1 from filing_attachments`).toHaveLength(0);
    expect(fs.readdirSync(path.join(dataDir, "uploads", "drafts")).flatMap((d) => fs.readdirSync(path.join(dataDir, "uploads", "drafts", d)))).toEqual([]);
  });

  it("a person skips the company step, and answers left on a branch not taken are not sent", async () => {
    const token = await start();
    await complaints.submitFormStep(req(token, "nguoi-khieu-nai"), context, "nguoi-khieu-nai", form({ party: "company", name: "X" }));
    await complaints.submitFormStep(req(token, "doanh-nghiep"), context, "doanh-nghiep", form({ taxCode: "0101234567" }));
    const back = await complaints.submitFormStep(req(token, "nguoi-khieu-nai"), context, "nguoi-khieu-nai", form({ party: "person", name: "Trần Bình" }));
    expect(back).toEqual({ ok: true, redirectTo: "/dich-vu/khieu-nai/chung-cu" });
    await expect(complaints.loadFormStep(req(token, "doanh-nghiep"), context, "doanh-nghiep")).rejects.toMatchObject({ status: 302 });
    const draft = (await complaints.currentDraft(req(token, "x"), context))!;
    expect(Complaint.pathFor(draft.answers).map((s) => s.id)).toEqual(["about", "evidence"]);
    // Submitting before the required step is complete sends the applicant back to it.
    expect(await complaints.submitDraft(db.sql, { draftId: draft.id, citizenId: null, ip: null })).toEqual({ ok: false, redirectTo: "/dich-vu/khieu-nai/chung-cu" });
    const fd = form({ documentType: "evidence" });
    fd.append("file", new Blob([new Uint8Array(PDF)]), "e.pdf");
    await complaints.submitAttachmentsStep(req(token, "chung-cu", { method: "POST", body: fd }), context);
    await complaints.submitAttachmentsStep(req(token, "chung-cu", { method: "POST", body: new URLSearchParams({ intent: "continue" }) }), context);
    const result = await complaints.submitDraft(db.sql, { draftId: draft.id, citizenId: null, ip: null });
    expect(result).toMatchObject({ ok: true });
    const [row] = await db.sql<{ answers: Answers<Step> }[]>`select answers from test_complaints where id = ${(result as { number: number }).number}`;
    expect(row!.answers).toEqual({ about: { party: "person", name: "Trần Bình" }, evidence: {} });
  });
});
