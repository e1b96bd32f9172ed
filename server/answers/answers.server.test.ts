import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { queuedJobs } from "../../test/jobs";
import { seedDemo } from "../seed.server";
import { createSession, createStaff, SESSION_COOKIE } from "../accounts";
import { fireEvent, openCase } from "../cases";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import { loadCalendar, vnDay } from "../deadlines";
import { flushJobOutbox } from "../jobs";
import { loader as linkLoader, action as linkAction } from "../../app/routes/tra-loi.$token";
import { loader as accountAnswerLoader, action as accountAnswerAction } from "../../app/routes/tai-khoan.tra-loi.$id";
import { loader as accountLoader } from "../../app/routes/tai-khoan._index";
import { loader as fileLoader } from "../../app/routes/staff.cases.$id_.answers.$fileId";
import { caseInfoRequestsFor, infoRequestByToken, isAnswerTokenShape, sendInfoRequestMail, sweepInfoRequestMail, INFO_REQUEST_MAIL_TASK } from "./index";

// The citizen's answer to "ask for more" (ADR 063): the e-mailed link (token hashed, unguessable), the
// account's list, one answer only, the decision clock resumed, another citizen kept out, staff downloads.

let db: TestDatabase;
let context: AppLoadContext;
let smtp: SMTPServer;
let smtpPort: number;
const received: ParsedMail[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "thads-answers-"));
const ids: Record<string, string> = {};
const PDF = Buffer.from("%PDF-1.4\n% answer\n1 0 obj <<>> endobj\n%%EOF\n");

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpPort = (smtp.server.address() as { port: number }).port;
  const services = testServices(db.sql, { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, DATA_DIR: dataDir });
  context = { services, cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.7" };
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  const [b] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV02'`;
  ids.A = a!.id;
  ids.B = b!.id;
  ids.clerkA = await createStaff(db.sql, { email: "clerk-a@answers.test", fullName: "Cán bộ A", password: "unused-password-123", roles: [{ role: "clerk", agencyId: ids.A }] });
  ids.clerkB = await createStaff(db.sql, { email: "clerk-b@answers.test", fullName: "Cán bộ B", password: "unused-password-123", roles: [{ role: "clerk", agencyId: ids.B }] });
  for (const who of ["citizen1", "citizen2"]) {
    const [c] = await db.sql<{ id: string }[]>`insert into citizens (email, full_name) values (${`${who}@answers.test`}, ${who}) returning id`;
    ids[who] = c!.id;
  }
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let n = 0;
/** A filed request of citizen1 at office A (received `receivedAt`), with the office's question asked at `askedAt`. */
async function askedCase({ receivedAt = new Date(Date.now() - 6 * 86_400_000), askedAt = new Date(Date.now() - 5 * 86_400_000), citizen = "citizen1" } = {}) {
  const reference = `YC-ANS-${String(++n).padStart(5, "0")}`;
  const [court] = await db.sql<{ id: string }[]>`select id from courts order by code limit 1`;
  const [req] = await db.sql<{ id: string }[]>`
    insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, citizen_id, applicant_name, applicant_email,
      debtor_name, judgment_number, judgment_effective_on, answers, locale, submitted_at)
    values (${reference}, ${crypto.randomBytes(32)}, ${ids.A!}, ${court!.id}, ${ids[citizen]!}, 'Nguyễn Văn Án', ${`${citizen}@answers.test`},
      'Trần Thị Bình', '12/2025/DS-ST', '2025-06-01', '{}'::jsonb, 'vi', ${receivedAt})
    returning id`;
  const opened = await db.sql.begin((tx) =>
    openCase(tx, {
      caseType: ENFORCEMENT_REQUEST_CASE,
      submissionId: req!.id,
      reference,
      agencyId: ids.A!,
      applicantName: "Nguyễn Văn Án",
      otherPartyName: "Trần Thị Bình",
      receivedAt,
    }),
  );
  const asked = await fireEvent(db.sql, {
    caseId: opened.caseId,
    event: "askForMore",
    actor: { type: "staff", staffId: ids.clerkA! },
    input: { message: "Đề nghị nộp bản sao bản án có chứng thực.", documentTypes: ["judgment"] },
    at: askedAt,
  });
  if (!asked.ok) throw new Error(`askForMore refused: ${JSON.stringify(asked)}`);
  return { caseId: opened.caseId, eventId: asked.eventId, reference };
}

/** Sends the e-mail of a case's question over SMTP and returns the link token it carries. */
async function mailedToken(c: { caseId: string; eventId: number }) {
  const before = received.length;
  expect(await sendInfoRequestMail(context.services, { caseId: c.caseId, eventId: c.eventId })).toBe("sent");
  await expect.poll(() => received.length).toBe(before + 1);
  const mail = received[received.length - 1]!;
  const token = /\/tra-loi\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1];
  expect(token).toBeDefined();
  return { token: token!, mail };
}

function answerRequest(url: string, { answer = "", files = [] as { name: string; bytes: Buffer }[], documentType = "judgment", cookie = "" } = {}) {
  const form = new FormData();
  form.set("answer", answer);
  form.set("documentType", documentType);
  for (const f of files) form.append("file", new Blob([new Uint8Array(f.bytes)]), f.name);
  return new Request(`http://localhost${url}`, { method: "POST", body: form, headers: cookie ? { cookie } : {} });
}

async function run(fn: () => Promise<unknown>) {
  try {
    const r = await fn();
    if (r instanceof Response) return { status: r.status, location: r.headers.get("location"), body: null as any, response: r };
    const d = r as { init?: { status?: number }; data?: unknown; type?: string };
    if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, location: null, body: d.data as any, response: null };
    return { status: 200, location: null, body: r as any, response: null };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, location: e.headers.get("location"), body: null as any, response: e };
    throw e;
  }
}

const args = (request: Request, params: Record<string, string>) => ({ request, params, context });
const get = (url: string, cookie = "") => new Request(`http://localhost${url}`, { headers: cookie ? { cookie } : {} });
async function citizenCookie(who: string) {
  const { token } = await createSession(db.sql, { citizenId: ids[who]! });
  return `${SESSION_COOKIE}=${token}`;
}

describe("the e-mailed link", () => {
  it("carries an unguessable token whose SHA-256 alone is stored, and says what the office asks", async () => {
    const c = await askedCase();
    const { token, mail } = await mailedToken(c);
    expect(isAnswerTokenShape(token)).toBe(true);
    expect(Buffer.from(token, "base64url")).toHaveLength(32); // 256 random bits
    const [row] = await db.sql<{ token_hash: Buffer; mailed_at: Date | null }[]>`
      select token_hash, mailed_at from case_info_requests where event_id = ${c.eventId}`;
    expect(row!.token_hash.equals(crypto.createHash("sha256").update(token).digest())).toBe(true);
    expect(row!.mailed_at).not.toBeNull();
    const [stored] = await db.sql<{ found: boolean }[]>`
      select exists (select 1 from case_info_requests q where q::text like ${`%${token}%`}) as found`;
    expect(stored!.found).toBe(false);
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain("citizen1@answers.test");
    expect(mail.subject).toBe(`Yêu cầu bổ sung thông tin, tài liệu cho đơn ${c.reference}`);
    expect(mail.text).toContain("Đề nghị nộp bản sao bản án có chứng thực.");
    expect(mail.text).toContain("Bản án, quyết định");
    expect(mail.text).toContain("Thời hạn giải quyết đơn tạm dừng cho đến khi bạn gửi trả lời.");
    // A repeat of the job (mail already sent) sends nothing and keeps the link working.
    expect(await sendInfoRequestMail(context.services, { caseId: c.caseId, eventId: c.eventId })).toBe("skipped");
    expect(await infoRequestByToken(db.sql, token)).not.toBeNull();
  });

  it("a wrong or expired token gets a clear 404 page, not a 500", async () => {
    const wrong = await run(() => linkLoader(args(get("/tra-loi/x"), { token: "x" }) as never));
    expect(wrong).toMatchObject({ status: 404, body: { status: "invalid" } });
    const guess = crypto.randomBytes(32).toString("base64url");
    expect(await run(() => linkLoader(args(get(`/tra-loi/${guess}`), { token: guess }) as never))).toMatchObject({ status: 404, body: { status: "invalid" } });
    const c = await askedCase();
    const { token } = await mailedToken(c);
    await db.sql`update case_info_requests set expires_at = now() - interval '1 minute' where event_id = ${c.eventId}`;
    expect(await run(() => linkLoader(args(get(`/tra-loi/${token}`), { token }) as never))).toMatchObject({ status: 404, body: { status: "invalid" } });
    const posted = await run(() => linkAction(args(answerRequest(`/tra-loi/${token}`, { answer: "Trả lời muộn" }), { token }) as never));
    expect(posted.status).toBe(404);
    const [q] = await db.sql`select answered_at from case_info_requests where event_id = ${c.eventId}`;
    expect(q!.answered_at).toBeNull();
  });

  it("queues each question's e-mail once through the sweep (job key per event)", async () => {
    const c = await askedCase();
    expect(await sweepInfoRequestMail(db.sql)).toBeGreaterThanOrEqual(1);
    expect(await sweepInfoRequestMail(db.sql)).toBe(0);
    await flushJobOutbox(db.sql);
    const jobs = await queuedJobs<{ caseId: string; eventId: string }>(db.sql, INFO_REQUEST_MAIL_TASK);
    expect(jobs.filter((j) => j.caseId === c.caseId)).toEqual([{ caseId: c.caseId, eventId: String(c.eventId) }]);
  });
});

describe("answering", () => {
  it("bad input keeps what was typed and stores nothing; a good answer resumes the decision clock; a second one is refused", async () => {
    const c = await askedCase();
    const { token } = await mailedToken(c);
    const [stopped] = await db.sql<{ state: string; remaining_days: number; due_on: string }[]>`
      select state, remaining_days, due_on::text from case_clocks where case_id = ${c.caseId} and clock = 'decide'`;
    expect(stopped!.state).toBe("stopped");

    // A file that is not a PDF/JPG/PNG/DOCX: the typed answer comes back, nothing stored.
    const typed = "Tôi gửi bản sao có chứng thực.";
    const bad = await run(() =>
      linkAction(args(answerRequest(`/tra-loi/${token}`, { answer: typed, files: [{ name: "ban-an.exe", bytes: Buffer.from("MZ not a pdf") }] }), { token }) as never),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ problems: [{ code: "wrongType", name: "ban-an.exe" }], values: { answer: typed } });
    const empty = await run(() => linkAction(args(answerRequest(`/tra-loi/${token}`, {}), { token }) as never));
    expect(empty).toMatchObject({ status: 400, body: { problems: [{ code: "empty" }] } });
    const tooLong = await run(() => linkAction(args(answerRequest(`/tra-loi/${token}`, { answer: "a".repeat(2001) }), { token }) as never));
    expect(tooLong).toMatchObject({ status: 400, body: { problems: [{ code: "tooLong" }] } });
    expect((await db.sql`select 1 from case_info_attachments f join case_info_requests q on q.id = f.info_request_id where q.case_id = ${c.caseId}`).length).toBe(0);

    const ok = await run(() => linkAction(args(answerRequest(`/tra-loi/${token}`, { answer: typed, files: [{ name: "bản án.pdf", bytes: PDF }] }), { token }) as never));
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`/tra-loi/${token}?sent=1`);

    const [state] = await db.sql<{ state: string }[]>`select state from cases where id = ${c.caseId}`;
    expect(state!.state).toBe("received");
    const [resumed] = await db.sql<{ state: string; due_on: string }[]>`
      select state, due_on::text from case_clocks where case_id = ${c.caseId} and clock = 'decide'`;
    expect(resumed!.state).toBe("running");
    const calendar = await loadCalendar(db.sql);
    // The working days left when it stopped count again from today: the due date moved by the stopped time.
    expect(resumed!.due_on).toBe(calendar.addWorkingDays(vnDay(new Date()), stopped!.remaining_days));
    expect(resumed!.due_on > stopped!.due_on || stopped!.due_on === null).toBe(true);
    const [event] = await db.sql<{ event: string; actor_type: string; fields: { message: string; attachmentIds: string[] } }[]>`
      select e.event, e.actor_type, e.fields from case_events e join case_info_requests q on q.answer_event_id = e.id where q.event_id = ${c.eventId}`;
    expect(event).toMatchObject({ event: "citizenAnswered", actor_type: "citizen", fields: { message: typed } });
    expect(event!.fields.attachmentIds).toHaveLength(1);

    const page = await run(() => linkLoader(args(get(`/tra-loi/${token}?sent=1`), { token }) as never));
    expect(page.body).toMatchObject({ status: "answered", sent: true, request: { answerText: typed, files: [{ originalName: "bản án.pdf" }] } });

    const again = await run(() => linkAction(args(answerRequest(`/tra-loi/${token}`, { answer: "Lần hai" }), { token }) as never));
    expect(again).toMatchObject({ status: 409, body: { problems: [{ code: "alreadyAnswered" }] } });
    const events = await db.sql`select 1 from case_events where case_id = ${c.caseId} and event = 'citizenAnswered'`;
    expect(events.length).toBe(1);
  });

  it("two answers at the same moment: one is stored, the other refused", async () => {
    const c = await askedCase();
    const { token } = await mailedToken(c);
    const results = await Promise.all(
      ["Một", "Hai"].map((answer) => run(() => linkAction(args(answerRequest(`/tra-loi/${token}`, { answer }), { token }) as never))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect((await db.sql`select 1 from case_events where case_id = ${c.caseId} and event = 'citizenAnswered'`).length).toBe(1);
  });
});

describe("from the account", () => {
  it("lists the citizen's open questions under 'Việc cần bạn làm' and answers one", async () => {
    const c = await askedCase();
    const cookie = await citizenCookie("citizen1");
    const account = await run(() => accountLoader(args(get("/tai-khoan", cookie), {}) as never));
    const task = (account.body.tasks as { id: string; reference: string; href: string }[]).find((t) => t.reference === c.reference);
    expect(task).toBeDefined();
    expect(task!.href).toBe(`/tai-khoan/tra-loi/${task!.id}`);
    const page = await run(() => accountAnswerLoader(args(get(task!.href, cookie), { id: task!.id }) as never));
    expect(page.body).toMatchObject({ status: "open", request: { reference: c.reference, requestedDocuments: ["judgment"] } });
    const ok = await run(() => accountAnswerAction(args(answerRequest(task!.href, { files: [{ name: "ban-an.pdf", bytes: PDF }], cookie }), { id: task!.id }) as never));
    expect(ok.status).toBe(302);
    const after = await run(() => accountLoader(args(get("/tai-khoan", cookie), {}) as never));
    expect((after.body.tasks as { reference: string }[]).some((t) => t.reference === c.reference)).toBe(false);
  });

  it("a citizen cannot see or answer another citizen's question", async () => {
    const c = await askedCase({ citizen: "citizen1" });
    const [q] = await db.sql<{ id: string }[]>`select id from case_info_requests where event_id = ${c.eventId}`.catch(() => []);
    // The question's row may not exist until a page shows it: the owner's account creates it.
    const owner = await citizenCookie("citizen1");
    await run(() => accountLoader(args(get("/tai-khoan", owner), {}) as never));
    const [row] = q ? [q] : await db.sql<{ id: string }[]>`select id from case_info_requests where event_id = ${c.eventId}`;
    const other = await citizenCookie("citizen2");
    const list = await run(() => accountLoader(args(get("/tai-khoan", other), {}) as never));
    expect((list.body.tasks as { id: string }[]).map((t) => t.id)).not.toContain(row!.id);
    expect(await run(() => accountAnswerLoader(args(get(`/tai-khoan/tra-loi/${row!.id}`, other), { id: row!.id }) as never))).toMatchObject({
      status: 404,
      body: { status: "invalid" },
    });
    const posted = await run(() => accountAnswerAction(args(answerRequest(`/tai-khoan/tra-loi/${row!.id}`, { answer: "Không phải của tôi", cookie: other }), { id: row!.id }) as never));
    expect(posted.status).toBe(404);
    const [after] = await db.sql<{ answered_at: Date | null; state: string }[]>`
      select q.answered_at, c.state from case_info_requests q join cases c on c.id = q.case_id where q.id = ${row!.id}`;
    expect(after).toMatchObject({ answered_at: null, state: "awaitingCitizen" });
    // Signed out: sent to sign in.
    const guest = await run(() => accountAnswerLoader(args(get(`/tai-khoan/tra-loi/${row!.id}`), { id: row!.id }) as never));
    expect(guest.status).toBe(302);
    expect(guest.location).toMatch(/^\/dang-nhap/);
  });
});

describe("staff", () => {
  it("see the question, the answer and its files on the case; only scoped staff download them, audited", async () => {
    const c = await askedCase();
    const { token } = await mailedToken(c);
    await run(() => linkAction(args(answerRequest(`/tra-loi/${token}`, { answer: "Đây là bản án.", files: [{ name: "ban-an.pdf", bytes: PDF }] }), { token }) as never));
    const section = await caseInfoRequestsFor(db.sql, { caseId: c.caseId, staffId: ids.clerkA! });
    expect(section).toHaveLength(1);
    expect(section![0]).toMatchObject({ message: "Đề nghị nộp bản sao bản án có chứng thực.", answerText: "Đây là bản án.", answeredVia: "link" });
    const file = section![0]!.files[0]!;
    expect(await caseInfoRequestsFor(db.sql, { caseId: c.caseId, staffId: ids.clerkB! })).toBeNull();

    const staffCookie = async (who: string) => `${SESSION_COOKIE}=${(await createSession(db.sql, { staffId: ids[who]! })).token}`;
    const url = `/staff/cases/${c.caseId}/answers/${file.id}`;
    const cookieB = await staffCookie("clerkB");
    const cookieA = await staffCookie("clerkA");
    const other = await run(() => fileLoader(args(get(url, cookieB), { id: c.caseId, fileId: file.id }) as never));
    expect(other.status).toBe(404);
    const own = await run(() => fileLoader(args(get(url, cookieA), { id: c.caseId, fileId: file.id }) as never));
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.response!.arrayBuffer()).equals(PDF)).toBe(true);
    const audits = await db.sql<{ actor_id: string }[]>`
      select actor_id from audit_log where action = 'case.answer-file.downloaded' and target_id = ${c.caseId}`;
    expect(audits.map((a) => a.actor_id)).toEqual([ids.clerkA]);
  });
});

describe("upload caps", () => {
  it("the answer pages take files: their `:param` paths match one segment, nothing more", async () => {
    const { uploadLimitFor } = await import("../http");
    const { ANSWER_UPLOAD_ROUTES } = await import("./index");
    const cap = ANSWER_UPLOAD_ROUTES[0]!.limit;
    expect(uploadLimitFor(ANSWER_UPLOAD_ROUTES, "/tra-loi/abc")).toBe(cap);
    expect(uploadLimitFor(ANSWER_UPLOAD_ROUTES, "/tra-loi/abc.data")).toBe(cap);
    expect(uploadLimitFor(ANSWER_UPLOAD_ROUTES, "/tai-khoan/tra-loi/0f0e")).toBe(cap);
    expect(uploadLimitFor(ANSWER_UPLOAD_ROUTES, "/tra-loi")).toBeNull();
    expect(uploadLimitFor(ANSWER_UPLOAD_ROUTES, "/tra-loi/a/b")).toBeNull();
    expect(uploadLimitFor(ANSWER_UPLOAD_ROUTES, "/tai-khoan")).toBeNull();
  });
});
