import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Services } from "../services";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { isLocale } from "../../vocabulary/i18n/config";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import { servicePaths } from "../../vocabulary/paths";
import DocumentServedEmail, { documentServedSubject } from "../../emails/document-served";
import { renderEmail } from "../notifications";
import { markNoticeBounced } from "./open.server";
import { serveEventDocument } from "./serve.server";

const NoticePayload = z.object({ serviceId: z.uuid() });
const AutoPayload = z.object({ caseId: z.uuid(), eventId: z.coerce.number().int().positive() });

/**
 * Task `service_notice` {serviceId}: e-mails the consenting party that a document awaits them, with the link
 * to its page on the portal. NEVER the document attached (the party opens it on the portal, which records
 * the opening). A send the SMTP server refuses for good marks the notice bounced: the officer serves on paper.
 */
export async function sendServiceNotice(services: Pick<Services, "sql" | "mailer" | "config">, raw: unknown): Promise<"sent" | "none" | "bounced"> {
  const { serviceId } = NoticePayload.parse(raw);
  const [s] = await services.sql<
    { reference: string; applicant_name: string; locale: string; document: string; served_at: Date; due_on: string; email: string; office: string }[]
  >`
    select c.reference, c.applicant_name, c.locale, s.document, s.served_at, to_char(s.due_on, 'YYYY-MM-DD') as due_on, k.email, a.name as office
    from document_services s
    join cases c on c.id = s.case_id
    join agencies a on a.id = c.agency_id
    join case_service_consents k on k.id = s.consent_id
    where s.id = ${serviceId} and s.method = 'electronic'`;
  if (!s) return "none";
  const locale = isLocale(s.locale) ? s.locale : "vi";
  const t = serverT(locale);
  const openUrl = new URL(servicePaths.served(serviceId), services.config.BASE_URL).toString();
  const document = String(t(`workflow.documents.names.${s.document}` as never, { defaultValue: t("workflow.documents.names.other") } as never));
  const { html, text } = await renderEmail(
    <DocumentServedEmail
      t={t}
      lang={locale}
      name={s.applicant_name}
      reference={s.reference}
      document={document}
      office={s.office}
      time={formatDateTime(s.served_at, locale)}
      dueOn={formatDate(s.due_on, locale)}
      openUrl={openUrl}
    />,
  );
  const host = new URL(services.config.BASE_URL).hostname || "thads.local";
  try {
    await services.mailer.send({ to: s.email, subject: documentServedSubject(t, s.reference), html, text, messageId: `<service-${serviceId}@${host}>` });
  } catch (e) {
    // 5xx: the address is refused for good (a bounce at send time). Anything else: the job retries.
    const code = (e as { responseCode?: number }).responseCode;
    if (code && code >= 500) {
      await markNoticeBounced(services.sql, serviceId);
      return "bounced";
    }
    throw e;
  }
  return "sent";
}

export function serviceTasks(services: Services): Record<string, Task> {
  return {
    service_notice: async (raw) => {
      await sendServiceNotice(services, raw);
    },
    // The engine's `serve: true` hook (ADR 074): serve the event's document, or leave it for paper service.
    service_auto: async (raw) => {
      await serveEventDocument(services.sql, AutoPayload.parse(raw));
    },
  };
}
