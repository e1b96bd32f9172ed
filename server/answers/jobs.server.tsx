import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Services } from "../services";
import type { Pool, Sql } from "../db";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { formatDate } from "../../vocabulary/format";
import { paths } from "../../vocabulary/paths";
import InfoRequestEmail, { infoRequestSubject } from "../../emails/info-request";
import { renderEmail } from "../notifications";
import { flushJobOutbox } from "../jobs";
import { ANSWER_DOCUMENT_TYPES, INFO_REQUEST_TTL_DAYS } from "./browser";
import { ASK_EVENT, ensureInfoRequests, infoRequestByEvent, issueAnswerToken, markMailed } from "./info-requests.server";

/** The task that e-mails the applicant the office's question with the answer link (ADR 063). */
export const INFO_REQUEST_MAIL_TASK = "case_info_request_mail";

const Payload = z.object({ caseId: z.uuid(), eventId: z.union([z.number().int(), z.string().regex(/^\d+$/)]) });

/** The outbox row that owes the e-mail of one askForMore event (job key per event: queued twice, sent once). */
export async function enqueueInfoRequestMail(sql: Sql, { caseId, eventId }: { caseId: string; eventId: string | number }) {
  await sql`
    insert into job_outbox (task, payload, job_key)
    values (${INFO_REQUEST_MAIL_TASK}, ${sql.json({ caseId, eventId: String(eventId) })}, ${`${INFO_REQUEST_MAIL_TASK}:${eventId}`})`;
}

/**
 * Sends the e-mail of one askForMore event: creates the info request from the event if no page has yet
 * (lazy, idempotent), gives it a fresh link token (only its hash is stored, so each message carries a new
 * one and the previous link stops working), sends, and marks it mailed. Once mailed, a repeat does nothing;
 * an answered or expired request, or an applicant without an e-mail address, gets no mail.
 */
export async function sendInfoRequestMail(services: Services, raw: unknown): Promise<"sent" | "skipped"> {
  const { caseId, eventId } = Payload.parse(raw);
  const sql = services.sql;
  const [event] = await sql<{ event: string }[]>`select event from case_events where id = ${String(eventId)}::bigint and case_id = ${caseId}`;
  if (!event || event.event !== ASK_EVENT) return "skipped";
  await ensureInfoRequests(sql, { caseId });
  const q = await infoRequestByEvent(sql, { caseId, eventId });
  if (!q || q.mailedAt || q.answeredAt || !q.applicantEmail) return "skipped";
  const token = await issueAnswerToken(sql, { id: q.id });
  if (!token) return "skipped";
  const t = serverT(q.locale);
  const documents = q.requestedDocuments.map((d) =>
    (ANSWER_DOCUMENT_TYPES as readonly string[]).includes(d) ? t(`filing.attachments.types.${d as (typeof ANSWER_DOCUMENT_TYPES)[number]}`) : d,
  );
  const url = `${services.config.BASE_URL}${paths.answers.link(token)}`;
  const { html, text } = await renderEmail(
    <InfoRequestEmail
      t={t}
      lang={q.locale}
      name={q.applicantName}
      office={q.officeName}
      reference={q.reference}
      message={q.message}
      documents={documents}
      url={url}
      until={formatDate(q.expiresAt, q.locale)}
    />,
  );
  await services.mailer.send({ to: q.applicantEmail, subject: infoRequestSubject(t, q.reference), html, text });
  await markMailed(sql, { id: q.id });
  return "sent";
}

/**
 * Queues the e-mail of every askForMore event not queued yet (one job per event, its key per event): run
 * every minute by cron, so the e-mail goes out whatever else queues it (the case_notify task may call
 * sendInfoRequestMail at once; a mailed request is not mailed again). Each request is queued once; the
 * job's own retries (graphile-worker) take it from there.
 */
export async function sweepInfoRequestMail(sql: Pool): Promise<number> {
  await ensureInfoRequests(sql, { since: new Date(Date.now() - INFO_REQUEST_TTL_DAYS * 86_400_000) });
  return sql.begin(async (tx) => {
    const rows = await tx<{ case_id: string; event_id: string }[]>`
      update case_info_requests set mail_queued_at = now()
      where id in (select id from case_info_requests where mail_queued_at is null and mailed_at is null and answered_at is null
                   and expires_at > now() order by created_at limit 500 for update skip locked)
      returning case_id, event_id::text`;
    for (const r of rows) await enqueueInfoRequestMail(tx, { caseId: r.case_id, eventId: r.event_id });
    return rows.length;
  });
}

export function answerTasks(services: Services) {
  return {
    [INFO_REQUEST_MAIL_TASK]: async (payload: unknown) => {
      await sendInfoRequestMail(services, payload);
    },
    case_info_request_sweep: async () => {
      const n = await sweepInfoRequestMail(services.sql);
      if (n) {
        await flushJobOutbox(services.sql);
        services.log.info({ n }, "info-request e-mails queued by the sweep");
      }
    },
  } satisfies Record<string, Task>;
}
