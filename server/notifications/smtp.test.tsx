import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { runOnce } from "graphile-worker";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo, DEMO_PASSWORD } from "../seed.server";
import { signInStaff } from "../accounts";
import { taskList } from "../tasks.server";

/**
 * The whole path of one real job: a sign-in queues `send_sign_in_alert` in its transaction; the worker
 * renders the React Email template in the signer's language and speaks SMTP to a real server started
 * here; the message is parsed back and checked.
 */
let db: TestDatabase;
let smtp: SMTPServer;
let port: number;
const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];

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
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  port = (smtp.server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.drop();
});

async function runJobs(services: ReturnType<typeof testServices>) {
  await runOnce({ connectionString: db.url, taskList: taskList(services), noHandleSignals: true, logger: undefined });
}

describe("sign-in alert e-mail over SMTP", () => {
  it("arrives in Vietnamese with HTML and plain-text parts", async () => {
    const services = testServices(db.sql, { SMTP_URL: `smtp://127.0.0.1:${port}` });
    const r = await signInStaff(db.sql, { email: "ketoan@thads.local", password: DEMO_PASSWORD, ip: "203.0.113.9", userAgent: null, locale: "vi" });
    expect(r.ok).toBe(true);
    await runJobs(services);
    expect(received).toHaveLength(1);
    const { envelopeTo, mail } = received[0]!;
    expect(envelopeTo).toEqual(["ketoan@thads.local"]);
    expect(mail.subject).toBe("Tài khoản của bạn vừa được đăng nhập");
    expect(mail.from?.text).toContain("no-reply@thads.local");
    expect(mail.text).toContain("Kính gửi Lê Thị Minh Phương,");
    expect(mail.text).toContain("203.0.113.9");
    expect(mail.text).toMatch(/lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(mail.html).toContain('lang="vi"');
    expect(mail.html).toContain("Kính gửi Lê Thị Minh Phương,");
    services.mailer.close();
  });

  it("uses English when the staff member signed in with English chosen", async () => {
    const services = testServices(db.sql, { SMTP_URL: `smtp://127.0.0.1:${port}` });
    await signInStaff(db.sql, { email: "thutruong@thads.local", password: DEMO_PASSWORD, ip: "198.51.100.1", userAgent: null, locale: "en" });
    await runJobs(services);
    const last = received.at(-1)!.mail;
    expect(last.subject).toBe("Your account has just been signed in");
    expect(last.text).toContain("Dear Phạm Quốc Hùng,");
    services.mailer.close();
  });

  it("keeps the message in the local outbox when no SMTP_URL is set", async () => {
    const services = testServices(db.sql);
    expect(services.mailer.mode).toBe("outbox");
    await signInStaff(db.sql, { email: "quantri@thads.local", password: DEMO_PASSWORD, ip: "192.0.2.1", userAgent: null, locale: "vi" });
    const before = received.length;
    await runJobs(services);
    expect(received.length).toBe(before); // nothing went over SMTP
    const rows = await db.sql<{ to_address: string; subject: string; raw: string }[]>`select to_address, subject, raw from mail_outbox`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.to_address).toBe("quantri@thads.local");
    const parsed = await simpleParser(rows[0]!.raw);
    expect(parsed.subject).toBe("Tài khoản của bạn vừa được đăng nhập");
  });
});
