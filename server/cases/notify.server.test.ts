import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { Logger, runOnce } from "graphile-worker";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo } from "../seed.server";
import { flushJobOutbox } from "../jobs";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import { taskList } from "../tasks.server";
import { accessCodeHash, fireEvent, loadMailOptOut, newAccessCode, openCase, sendCaseNotification, submitMailOptOut } from "./index";
import type { Services } from "../services";

// The parties' e-mails of public case events (ADRs 062, 068) over real SMTP: one per public event, in the
// case's language, from the case's address; the refusal's ground and the acceptance's case number; the
// request for more information is server/answers' own e-mail; never the access code, an ID number or an
// internal note; links to the lookup and My cases; RFC 8058 one-click unsubscribe that is honoured, audited
// and cannot be forged; exactly one e-mail per event however often the job runs.

let db: TestDatabase;
let smtp: SMTPServer;
let port: number;
const received: { to: string[]; mail: ParsedMail }[] = [];
const ids: Record<string, string> = {};
const BASE = "https://dichvu.thads.test";
/** Refuse the next n messages at DATA (a failing SMTP server). */
let refuseNext = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (refuseNext > 0) {
            refuseNext -= 1;
            return callback(Object.assign(new Error("try later"), { responseCode: 451 }));
          }
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  port = (smtp.server.address() as { port: number }).port;
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  ids.agency = a!.id;
  const [court] = await db.sql<{ id: string }[]>`insert into courts (code, name, agency_id) values ('TEST-HN2', 'Tòa án nhân dân khu vực 1 – Hà Nội', ${ids.agency}) returning id`;
  ids.court = court!.id;
  for (const [key, email] of [
    ["clerk", "tiepnhan@thads.local"],
    ["head", "thutruong@thads.local"],
    ["officer", "chaphanhvien@thads.local"],
  ] as const) {
    const [s] = await db.sql<{ id: string }[]>`select id from staff where email = ${email}`;
    ids[key] = s!.id;
  }
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.drop();
});

const ID_NUMBER = "001190012345";
let n = 0;
/** A filed request and its case, as the filing opens it (address, language and lookup code on the case). */
async function newCase(email: string, locale: "vi" | "en") {
  n += 1;
  const reference = `YC-2026-8${String(n).padStart(6, "0")}`;
  const code = newAccessCode();
  const opened = (await db.sql.begin(async (tx) => {
    const [r] = await tx<{ id: string }[]>`
      insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, applicant_email, debtor_name,
        judgment_number, judgment_effective_on, answers, locale)
      values (${reference}, ${accessCodeHash(code)}, ${ids.agency!}, ${ids.court!}, 'Nguyễn Thị Hồng Nhung', ${email}, 'Đặng Quốc Việt', '12/2025/DS-ST', '2025-06-01',
        ${tx.json({ applicantIdNumber: ID_NUMBER } as never)}, ${locale})
      returning id`;
    return openCase(tx, {
      caseType: ENFORCEMENT_REQUEST_CASE,
      submissionId: r!.id,
      reference,
      agencyId: ids.agency!,
      applicantName: "Nguyễn Thị Hồng Nhung",
      otherPartyName: "Đặng Quốc Việt",
      searchParts: [ID_NUMBER],
      receivedAt: new Date(Date.now() - 3600_000),
      accessCodeHash: accessCodeHash(code),
      applicantEmail: email,
      locale,
    });
  })) as { caseId: string };
  return { caseId: opened.caseId, reference, code };
}

async function fire(caseId: string, event: string, input: Record<string, unknown>, who: "clerk" | "head" | "officer" | "citizen" = "clerk") {
  const actor = who === "citizen" ? ({ type: "citizen", citizenId: null } as const) : ({ type: "staff", staffId: ids[who]! } as const);
  const r = await fireEvent(db.sql, { caseId, event, actor, input });
  if (!r.ok) throw new Error(`${event}: ${r.reason} ${JSON.stringify(r.errors)}`);
  return r;
}

function services(): Services {
  return testServices(db.sql, { SMTP_URL: `smtp://127.0.0.1:${port}`, BASE_URL: BASE });
}

async function runJobs() {
  const s = services();
  await flushJobOutbox(db.sql);
  await runOnce({ connectionString: db.url, taskList: taskList(s), noHandleSignals: true, logger: new Logger(() => () => {}) });
  s.mailer.close();
}

const mailsTo = (address: string) => received.filter((r) => r.to.includes(address)).map((r) => r.mail);
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
/** A header's raw line (mailparser folds List-* headers into an object). */
const headerLine = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? null;
/** The token of a mail's one-click link (List-Unsubscribe header). */
const tokenOf = (mail: ParsedMail) => /\/thong-bao\/tat\/([A-Za-z0-9_-]{43})>/.exec(headerLine(mail, "List-Unsubscribe") ?? "")?.[1] ?? null;
/** The answers part's own e-mail (askForMore) is not case_notify's: it has no unsubscribe header. */
const engineMails = (mails: ParsedMail[]) => mails.filter((m) => headerLine(m, "List-Unsubscribe"));
const routeArgs = (token: string, init?: RequestInit) => ({
  request: new Request(`${BASE}/thong-bao/tat/${token}`, init),
  params: { token },
  context: { services: services(), clientIp: "203.0.113.7", requestId: "req-test" } as never,
});
const post = (token: string, body: string) =>
  routeArgs(token, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
async function thrown(p: Promise<unknown>): Promise<Response> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("expected a redirect");
}

describe("case_notify e-mails over SMTP", () => {
  it("a refusal tells the applicant the legal ground in plain words, the note, and how to file again (Vietnamese)", async () => {
    const { caseId, reference } = await newCase("nhung@example.vn", "vi");
    await fire(caseId, "refuse", { ground: "time-limit-passed", note: "Bản án có hiệu lực từ năm 2019." });
    await runJobs();
    const got = mailsTo("nhung@example.vn");
    expect(got).toHaveLength(1);
    const mail = got[0]!;
    expect(mail.subject).toBe(`Đơn yêu cầu thi hành án ${reference} không được chấp nhận`);
    expect(mail.text).toContain("Kính gửi Nguyễn Thị Hồng Nhung,");
    expect(mail.text).toContain("Hết thời hiệu yêu cầu thi hành án (khoản 5 Điều 31 Luật Thi hành án dân sự)");
    expect(mail.text).toContain("Bản án có hiệu lực từ năm 2019.");
    expect(mail.text).toContain("Bạn có thể gửi lại đơn yêu cầu thi hành án");
    expect(mail.text).toContain(`${BASE}/dich-vu/yeu-cau-thi-hanh-an`);
    expect(mail.html).toContain('lang="vi"');
    // final state: where it stands, no "what next" for a case that is over
    expect(mail.text).toContain("Tình trạng hiện nay: Cơ quan thi hành án đã từ chối yêu cầu.");
  });

  it("an acceptance gives the case number and the decision, in English for an applicant who filed in English", async () => {
    const { caseId, reference } = await newCase("anna@example.com", "en");
    const r = await fire(caseId, "accept", { decisionNumber: "15/QĐ-THADS", decisionDate: today() });
    await runJobs();
    const got = mailsTo("anna@example.com");
    expect(got).toHaveLength(1);
    const caseNumber = String(r.fields.caseNumber);
    expect(caseNumber).toMatch(/^HNI-KV01-/);
    expect(got[0]!.subject).toBe(`Enforcement request ${reference} accepted – case number ${caseNumber}`);
    expect(got[0]!.text).toContain("Dear Nguyễn Thị Hồng Nhung,");
    expect(got[0]!.text).toContain("decision no. 15/QĐ-THADS");
    expect(got[0]!.html).toContain('lang="en"');
  });

  it("sends only the answers part's own e-mail for askForMore (with its answer link, at once), and names any other event with its public fields", async () => {
    const { caseId } = await newCase("ask@example.vn", "vi");
    await fire(caseId, "askForMore", { message: "Xin nộp bản án có đóng dấu.", documentTypes: ["judgment"] });
    const forwarded = await newCase("fwd@example.vn", "vi");
    const [b] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV02'`;
    await fire(forwarded.caseId, "forward", { agencyId: b!.id });
    await runJobs();
    const asked = mailsTo("ask@example.vn");
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain("/tra-loi/");
    const fwd = mailsTo("fwd@example.vn");
    expect(fwd).toHaveLength(1);
    expect(fwd[0]!.subject).toBe(`Hồ sơ ${forwarded.reference}: Đơn đã được chuyển đến cơ quan có thẩm quyền`);
    expect(fwd[0]!.text).toContain("Phòng Thi hành án dân sự khu vực 1 – Hà Nội thông báo");
    expect(fwd[0]!.text).toContain("Cơ quan nhận đơn: Phòng Thi hành án dân sự khu vực 2 – Hà Nội");
  });

  /** A whole case, every public event after receipt, one e-mail each. */
  async function wholeCase(email: string, locale: "vi" | "en") {
    const c = await newCase(email, locale);
    await fire(c.caseId, "askForMore", { message: "Xin nộp bản án có đóng dấu." });
    await fire(c.caseId, "citizenAnswered", { message: "Đã nộp bản sao có chứng thực." }, "citizen");
    await fire(c.caseId, "accept", { decisionNumber: "16/QĐ-THADS", decisionDate: today() });
    await fire(c.caseId, "assignOfficer", { officerId: ids.officer }, "head");
    await fire(c.caseId, "decisionNotified", { notifiedOn: today(), method: "electronic" }, "officer");
    await fire(c.caseId, "assetsVerified", { note: "NỘI BỘ: tài khoản 0123456789 tại Vietcombank, chưa báo đương sự." }, "officer");
    await fire(c.caseId, "moneyCollected", { amount: "15.000.000" }, "officer");
    await fire(c.caseId, "moneyPaidOut", { amount: "12500000" }, "officer");
    await fire(c.caseId, "close", { reason: "Đã thi hành xong." }, "officer");
    await runJobs();
    return c;
  }

  it("e-mails every public event of a case once, in Vietnamese, with what happened, where it stands and the links — never the code, an ID number or an internal note", async () => {
    const c = await wholeCase("ca@example.vn", "vi");
    const got = mailsTo("ca@example.vn");
    // (the answers part's e-mail is sent by its own job, so it may come before or after the next ones)
    expect(got.filter((m) => m.subject === `Yêu cầu bổ sung thông tin, tài liệu cho đơn ${c.reference}`)).toHaveLength(1);
    expect(got).toHaveLength(9);
    const subjects = engineMails(got).map((m) => m.subject);
    expect(subjects).toEqual([
      `Đã nhận phần bổ sung cho hồ sơ ${c.reference}`,
      expect.stringMatching(new RegExp(`^Đơn yêu cầu thi hành án ${c.reference} đã được thụ lý – số HNI-KV01-`)),
      `Hồ sơ ${c.reference}: Chấp hành viên đã được phân công`,
      `Hồ sơ ${c.reference}: Quyết định thi hành án đã được thông báo`,
      `Hồ sơ ${c.reference}: Đã xác minh điều kiện thi hành án`,
      `Hồ sơ ${c.reference}: Đã thu được tiền thi hành án`,
      `Hồ sơ ${c.reference}: Đã chi trả tiền thi hành án`,
      `Hồ sơ ${c.reference}: Việc thi hành án đã kết thúc`,
    ]);
    const bySubject = (s: string) => got.find((m) => m.subject?.endsWith(s))!;
    expect(bySubject("Chấp hành viên đã được phân công").text).toContain("Trần Văn Đức");
    expect(bySubject("Quyết định thi hành án đã được thông báo").text).toMatch(/Hình thức thông báo: Điện tử/);
    expect(bySubject("Đã thu được tiền thi hành án").text).toContain("15.000.000");
    expect(bySubject("Đã chi trả tiền thi hành án").text).toContain("12.500.000");
    expect(bySubject("Việc thi hành án đã kết thúc").text).toContain("Đã thi hành xong.");
    expect(bySubject("Chấp hành viên đã được phân công").text).toContain("Tình trạng hiện nay: Chấp hành viên đã được phân công");
    for (const m of got) {
      const all = `${m.subject}\n${m.text}\n${m.html}`;
      expect(all).not.toContain(c.code);
      expect(all).not.toContain(c.code.replaceAll("-", ""));
      expect(all).not.toContain(ID_NUMBER);
      expect(all).not.toContain("NỘI BỘ");
      expect(all).not.toContain("0123456789");
    }
    // the engine's own e-mails (not server/answers') link to the lookup with the reference, to My cases, and unsubscribe
    for (const m of engineMails(got)) {
      expect(m.text).toContain(`${BASE}/tra-cuu?ma-ho-so=${c.reference}`);
      expect(m.text).toContain(`${BASE}/tai-khoan/ho-so`);
      expect(headerLine(m, "List-Unsubscribe-Post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
      const token = tokenOf(m);
      expect(token).toBeTruthy();
      expect(m.text).toContain(`${BASE}/thong-bao/tat/${token}`);
      expect(m.messageId).toMatch(/^<case-event-\d+@dichvu\.thads\.test>$/);
    }
  });

  it("says the same in English for a case filed in English", async () => {
    const c = await wholeCase("en@example.com", "en");
    const got = mailsTo("en@example.com");
    expect(got).toHaveLength(9);
    expect(engineMails(got).map((m) => m.subject)).toEqual([
      `Your reply for case ${c.reference} has been received`,
      expect.stringMatching(new RegExp(`^Enforcement request ${c.reference} accepted – case number HNI-KV01-`)),
      `Case ${c.reference}: An enforcement officer has been assigned`,
      `Case ${c.reference}: The enforcement decision has been notified`,
      `Case ${c.reference}: The conditions for enforcement have been verified`,
      `Case ${c.reference}: Money has been collected`,
      `Case ${c.reference}: Money has been paid out`,
      `Case ${c.reference}: The enforcement has been closed`,
    ]);
    for (const m of got) {
      expect(m.html).toContain('lang="en"');
      expect(`${m.text}${m.html}`).not.toContain(ID_NUMBER);
      expect(`${m.text}${m.html}`).not.toContain(c.code);
    }
    expect(got.find((m) => m.subject?.endsWith("Money has been collected"))!.text).toMatch(/15,000,000|15\.000\.000/);
    expect(engineMails(got)[2]!.text).toContain("Look up your case");
    expect(engineMails(got)[2]!.text).toContain("Where your case stands: An enforcement officer has been assigned");
  });
});

describe("one e-mail per event", () => {
  it("sends once when the job runs twice, one after the other or at the same moment", async () => {
    const c = await newCase("twice@example.vn", "vi");
    const r = await fire(c.caseId, "accept", { decisionNumber: "17/QĐ-THADS", decisionDate: today() });
    const s = services();
    const payload = { caseId: c.caseId, eventId: r.eventId };
    expect(await sendCaseNotification(s, payload)).toBe("sent");
    expect(await sendCaseNotification(s, payload)).toBe("already");
    const r2 = await fire(c.caseId, "assignOfficer", { officerId: ids.officer }, "head");
    const both = await Promise.all([1, 2, 3].map(() => sendCaseNotification(s, { caseId: c.caseId, eventId: r2.eventId })));
    expect(both.sort()).toEqual(["already", "already", "sent"]);
    // and the queued jobs themselves (graphile-worker) after that: nothing more
    await runJobs();
    s.mailer.close();
    expect(mailsTo("twice@example.vn")).toHaveLength(2);
    const [{ count }] = (await db.sql<{ count: number }[]>`select count(*)::int as count from case_event_mail where case_id = ${c.caseId}`) as unknown as [{ count: number }];
    expect(count).toBe(2);
  });

  it("a failed send leaves no mark, so the retry sends it (once)", async () => {
    const c = await newCase("retry@example.vn", "en");
    const r = await fire(c.caseId, "accept", { decisionNumber: "18/QĐ-THADS", decisionDate: today() });
    const s = services();
    refuseNext = 1;
    await expect(sendCaseNotification(s, { caseId: c.caseId, eventId: r.eventId })).rejects.toThrow();
    expect(mailsTo("retry@example.vn")).toHaveLength(0);
    expect(await sendCaseNotification(s, { caseId: c.caseId, eventId: r.eventId })).toBe("sent");
    expect(await sendCaseNotification(s, { caseId: c.caseId, eventId: r.eventId })).toBe("already");
    s.mailer.close();
    expect(mailsTo("retry@example.vn")).toHaveLength(1);
  });
});

describe("turning the e-mails off and on (RFC 8058 one-click)", () => {
  it("the one-click POST turns them off (audited), later events send nothing, the page turns them back on", async () => {
    const c = await newCase("optout@example.vn", "vi");
    await fire(c.caseId, "accept", { decisionNumber: "19/QĐ-THADS", decisionDate: today() });
    await runJobs();
    const [first] = mailsTo("optout@example.vn");
    const token = tokenOf(first!)!;
    const page = await loadMailOptOut(routeArgs(token));
    expect(page).toMatchObject({ status: "ok", reference: c.reference, notify: true });

    // a mail client's one-click POST, from its own server: no cookie, no Origin
    const res = await thrown(submitMailOptOut(post(token, "List-Unsubscribe=One-Click")));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/thong-bao/tat/${token}?done=off`);
    const [row] = await db.sql<{ notify_applicant: boolean }[]>`select notify_applicant from cases where id = ${c.caseId}`;
    expect(row!.notify_applicant).toBe(false);
    const [a] = await db.sql<{ action: string; actor_type: string; ip: string; details: { via: string } }[]>`
      select action, actor_type, ip, details from audit_log where target_id = ${c.caseId} and action like 'case.mail%' order by id`;
    expect(a).toMatchObject({ action: "case.mailOptOut", actor_type: "anonymous", details: { via: "one-click" } });

    await fire(c.caseId, "assignOfficer", { officerId: ids.officer }, "head");
    await runJobs();
    expect(mailsTo("optout@example.vn")).toHaveLength(1);
    expect(await loadMailOptOut(routeArgs(token))).toMatchObject({ status: "ok", notify: false });

    // back on from the page's button: the next event is e-mailed again
    const on = await thrown(submitMailOptOut(post(token, "intent=on")));
    expect(on.headers.get("location")).toBe(`/thong-bao/tat/${token}?done=on`);
    await fire(c.caseId, "moneyCollected", { amount: "1000000" }, "officer");
    await runJobs();
    expect(mailsTo("optout@example.vn").map((m) => m.subject)).toEqual([first!.subject, `Hồ sơ ${c.reference}: Đã thu được tiền thi hành án`]);
    const actions = await db.sql<{ action: string }[]>`select action from audit_log where target_id = ${c.caseId} and action like 'case.mail%' order by id`;
    expect(actions.map((x) => x.action)).toEqual(["case.mailOptOut", "case.mailOptIn"]);
  });

  it("refuses a forged or altered token with the same 404 page and changes nothing; an unknown choice is a 400 that keeps the page", async () => {
    const c = await newCase("forged@example.vn", "en");
    await fire(c.caseId, "accept", { decisionNumber: "20/QĐ-THADS", decisionDate: today() });
    await runJobs();
    const token = tokenOf(mailsTo("forged@example.vn")[0]!)!;
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [altered, "A".repeat(43), "short", `${token}x`, c.caseId]) {
      expect(await loadMailOptOut(routeArgs(bad))).toEqual({ status: "invalid" });
      expect(await submitMailOptOut(post(bad, "List-Unsubscribe=One-Click"))).toEqual({ status: "invalid", httpStatus: 404 });
    }
    const bad = await submitMailOptOut(post(token, "intent=maybe"));
    expect(bad).toMatchObject({ status: "ok", error: "badChoice", httpStatus: 400, notify: true });
    const [row] = await db.sql<{ notify_applicant: boolean }[]>`select notify_applicant from cases where id = ${c.caseId}`;
    expect(row!.notify_applicant).toBe(true);
    const [{ count }] = (await db.sql<{ count: number }[]>`select count(*)::int as count from audit_log where target_id = ${c.caseId} and action like 'case.mail%'`) as unknown as [{ count: number }];
    expect(count).toBe(0);
    const [stored] = await db.sql<{ n: number }[]>`select count(*)::int as n from case_mail_tokens where case_id = ${c.caseId} and length(token_hash) = 32`;
    expect(stored!.n).toBe(1);
  });

  it("a case without an address, or with e-mails off from My cases, sends nothing", async () => {
    const c = await newCase("nomail@example.vn", "vi");
    await db.sql`update cases set applicant_email = null where id = ${c.caseId}`;
    const r = await fire(c.caseId, "accept", { decisionNumber: "21/QĐ-THADS", decisionDate: today() });
    const s = services();
    expect(await sendCaseNotification(s, { caseId: c.caseId, eventId: r.eventId })).toBe("none");
    const d = await newCase("off@example.vn", "vi");
    await db.sql`update cases set notify_applicant = false where id = ${d.caseId}`;
    const r2 = await fire(d.caseId, "accept", { decisionNumber: "22/QĐ-THADS", decisionDate: today() });
    expect(await sendCaseNotification(s, { caseId: d.caseId, eventId: r2.eventId })).toBe("none");
    s.mailer.close();
    await runJobs();
    expect(mailsTo("nomail@example.vn")).toHaveLength(0);
    expect(mailsTo("off@example.vn")).toHaveLength(0);
  });
});
