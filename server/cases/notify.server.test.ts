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
import { fireEvent, openCase } from "./index";

// Task case_notify over real SMTP (ADR 062): the refusal tells the applicant the ground in plain words and
// that they can file again, the acceptance gives the case number, each in the language they filed in; the
// request for more information is the answers part's own e-mail and sends nothing here.

let db: TestDatabase;
let smtp: SMTPServer;
let port: number;
const received: { to: string[]; mail: ParsedMail }[] = [];
const ids: Record<string, string> = {};

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
  const [clerk] = await db.sql<{ id: string }[]>`select id from staff where email = 'tiepnhan@thads.local'`;
  ids.clerk = clerk!.id;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.drop();
});

let n = 0;
async function newCase(email: string, locale: "vi" | "en") {
  n += 1;
  const reference = `YC-2026-8${String(n).padStart(6, "0")}`;
  return db.sql.begin(async (tx) => {
    const [r] = await tx<{ id: string }[]>`
      insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, applicant_email, debtor_name,
        judgment_number, judgment_effective_on, answers, locale)
      values (${reference}, '\\x00', ${ids.agency!}, ${ids.court!}, 'Nguyễn Thị Hồng Nhung', ${email}, 'Đặng Quốc Việt', '12/2025/DS-ST', '2025-06-01', '{}'::jsonb, ${locale})
      returning id`;
    const o = await openCase(tx, {
      caseType: ENFORCEMENT_REQUEST_CASE,
      submissionId: r!.id,
      reference,
      agencyId: ids.agency!,
      applicantName: "Nguyễn Thị Hồng Nhung",
      otherPartyName: "Đặng Quốc Việt",
      receivedAt: new Date(Date.now() - 3600_000),
    });
    return { caseId: o.caseId, reference };
  }) as Promise<{ caseId: string; reference: string }>;
}

async function fire(caseId: string, event: string, input: Record<string, unknown>) {
  const r = await fireEvent(db.sql, { caseId, event, actor: { type: "staff", staffId: ids.clerk! }, input });
  if (!r.ok) throw new Error(`${event}: ${r.reason} ${JSON.stringify(r.errors)}`);
  return r;
}

async function runJobs() {
  const services = testServices(db.sql, { SMTP_URL: `smtp://127.0.0.1:${port}`, BASE_URL: "https://dichvu.thads.test" });
  await flushJobOutbox(db.sql);
  await runOnce({ connectionString: db.url, taskList: taskList(services), noHandleSignals: true, logger: new Logger(() => () => {}) });
  services.mailer.close();
}

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());

describe("case_notify e-mails over SMTP", () => {
  it("a refusal tells the applicant the legal ground in plain words, the note, and how to file again (Vietnamese)", async () => {
    const { caseId, reference } = await newCase("nhung@example.vn", "vi");
    await fire(caseId, "refuse", { ground: "time-limit-passed", note: "Bản án có hiệu lực từ năm 2019." });
    await runJobs();
    const got = received.filter((r) => r.to.includes("nhung@example.vn"));
    expect(got).toHaveLength(1);
    const { mail } = got[0]!;
    expect(mail.subject).toBe(`Đơn yêu cầu thi hành án ${reference} không được chấp nhận`);
    expect(mail.text).toContain("Kính gửi Nguyễn Thị Hồng Nhung,");
    expect(mail.text).toContain("Hết thời hiệu yêu cầu thi hành án (khoản 5 Điều 31 Luật Thi hành án dân sự)");
    expect(mail.text).toContain("Bản án có hiệu lực từ năm 2019.");
    expect(mail.text).toContain("Bạn có thể gửi lại đơn yêu cầu thi hành án");
    expect(mail.text).toContain("https://dichvu.thads.test/dich-vu/yeu-cau-thi-hanh-an");
    expect(mail.html).toContain('lang="vi"');
  });

  it("an acceptance gives the case number and the decision, in English for an applicant who filed in English", async () => {
    const { caseId, reference } = await newCase("anna@example.com", "en");
    const r = await fire(caseId, "accept", { decisionNumber: "15/QĐ-THADS", decisionDate: today() });
    await runJobs();
    const got = received.filter((m) => m.to.includes("anna@example.com"));
    expect(got).toHaveLength(1);
    const caseNumber = String(r.fields.caseNumber);
    expect(caseNumber).toMatch(/^HNI-KV01-/);
    expect(got[0]!.mail.subject).toBe(`Enforcement request ${reference} accepted – case number ${caseNumber}`);
    expect(got[0]!.mail.text).toContain("Dear Nguyễn Thị Hồng Nhung,");
    expect(got[0]!.mail.text).toContain("decision no. 15/QĐ-THADS");
  });

  it("sends nothing for askForMore (the answers part's own e-mail), and names any other event with its public fields", async () => {
    const { caseId } = await newCase("ask@example.vn", "vi");
    await fire(caseId, "askForMore", { message: "Xin nộp bản án có đóng dấu.", documentTypes: ["judgment"] });
    const forwarded = await newCase("fwd@example.vn", "vi");
    const [b] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV02'`;
    await fire(forwarded.caseId, "forward", { agencyId: b!.id });
    await runJobs();
    expect(received.filter((m) => m.to.includes("ask@example.vn"))).toHaveLength(0);
    const fwd = received.filter((m) => m.to.includes("fwd@example.vn"));
    expect(fwd).toHaveLength(1);
    expect(fwd[0]!.mail.subject).toBe(`Hồ sơ ${forwarded.reference}: Chuyển đơn đến cơ quan có thẩm quyền`);
    expect(fwd[0]!.mail.text).toContain("Phòng Thi hành án dân sự khu vực 1 – Hà Nội thông báo");
    expect(fwd[0]!.mail.text).toContain("Cơ quan nhận đơn: Phòng Thi hành án dân sự khu vực 2 – Hà Nội");
  });
});
