import nodemailer from "nodemailer";
import type { Sql } from "../db";

export type OutgoingMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** Extra header lines, e.g. RFC 8058's `List-Unsubscribe` and `List-Unsubscribe-Post`. */
  headers?: Record<string, string>;
  /** A Message-ID chosen by the caller (`<…@…>`), e.g. one per case event, so a receiving server can spot a repeat. */
  messageId?: string;
};

export type Mailer = {
  /** "smtp" sends; "outbox" keeps the message in the mail_outbox table (development). */
  mode: "smtp" | "outbox";
  send: (mail: OutgoingMail) => Promise<{ messageId: string }>;
  close: () => void;
};

/**
 * With SMTP_URL the mailer speaks SMTP; without it nodemailer still builds the full MIME message, and
 * it is stored in the local outbox that /dev/outbox lists.
 */
export function createMailer({ smtpUrl, from, sql }: { smtpUrl?: string; from: string; sql: Sql }): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      mode: "smtp",
      async send(mail) {
        const info = await transport.sendMail({ from, ...mail });
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    mode: "outbox",
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      const raw = (info.message as Buffer).toString("utf8");
      await sql`
        insert into mail_outbox (message_id, to_address, subject, text_body, html_body, raw)
        values (${info.messageId}, ${mail.to}, ${mail.subject}, ${mail.text}, ${mail.html}, ${raw})`;
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

export type OutboxRow = { id: number; created_at: Date; to_address: string; subject: string };

export async function listOutbox(sql: Sql, { limit = 50 }: { limit?: number } = {}): Promise<OutboxRow[]> {
  return sql<OutboxRow[]>`
    select id, created_at, to_address, subject from mail_outbox order by id desc limit ${limit}`;
}

export async function getOutboxMessage(sql: Sql, { id }: { id: number }) {
  const rows = await sql<{ id: number; created_at: Date; to_address: string; subject: string; html_body: string; text_body: string }[]>`
    select id, created_at, to_address, subject, html_body, text_body from mail_outbox where id = ${id}`;
  return rows[0] ?? null;
}
