import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Services } from "../services";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { isLocale } from "../../vocabulary/i18n/config";
import { formatDateTime } from "../../vocabulary/format";
import FilingConfirmationEmail, { filingConfirmationSubject } from "../../emails/filing-confirmation";
import FilingResumeEmail from "../../emails/filing-resume";
import { renderEmail } from "../notifications";
import { getRequestById } from "./submit.server";
import { renderRequestPdf } from "./pdf.server";
import { fileStoreFor, listRequestAttachments, pruneDrafts } from "../journeys";
import { DECISION_WORKING_DAYS } from "./journey";
import { paths } from "../../vocabulary/paths";

const ConfirmationPayload = z.object({ requestId: z.uuid() });

/** The confirmation e-mail of a filed request, in the applicant's language, with the request as PDF. */
export function sendFilingConfirmation(services: Services): Task {
  return async (raw) => {
    const { requestId } = ConfirmationPayload.parse(raw);
    const request = await getRequestById(services.sql, { id: requestId });
    if (!request?.applicantEmail) return;
    const locale = isLocale(request.locale) ? request.locale : "vi";
    const t = serverT(locale);
    const attachments = await listRequestAttachments(services.sql, { requestId });
    const lookupUrl = new URL(paths.lookup(request.reference), services.config.BASE_URL).toString();
    const pdf = await renderRequestPdf({
      lookupUrl,
      reference: request.reference,
      submittedAt: request.submittedAt,
      agencyName: request.agencyName,
      courtName: request.courtName,
      answers: request.answers,
      attachments,
      locale,
    });
    const { html, text } = await renderEmail(
      <FilingConfirmationEmail
        t={t}
        lang={locale}
        name={request.applicantName}
        reference={request.reference}
        time={formatDateTime(request.submittedAt, locale)}
        office={request.agencyName}
        days={DECISION_WORKING_DAYS}
        lookupUrl={lookupUrl}
      />,
    );
    await services.mailer.send({
      to: request.applicantEmail,
      subject: filingConfirmationSubject(t, request.reference),
      html,
      text,
      attachments: [{ filename: `${request.reference}.pdf`, content: pdf, contentType: "application/pdf" }],
    });
  };
}

const ResumePayload = z.object({ email: z.email(), url: z.url(), expiresAt: z.iso.datetime(), locale: z.string() });

export function sendFilingResumeLink(services: Services): Task {
  return async (raw) => {
    const p = ResumePayload.parse(raw);
    const locale = isLocale(p.locale) ? p.locale : "vi";
    const t = serverT(locale);
    const { html, text } = await renderEmail(<FilingResumeEmail t={t} lang={locale} url={p.url} time={formatDateTime(p.expiresAt, locale)} />);
    await services.mailer.send({ to: p.email, subject: t("filing.email.resume.subject"), html, text });
  };
}

export function filingTasks(services: Services) {
  return {
    send_filing_confirmation: sendFilingConfirmation(services),
    send_filing_resume_link: sendFilingResumeLink(services),
    prune_filing_drafts: async () => {
      const pruned = await pruneDrafts(services.sql, fileStoreFor(services.config));
      if (pruned.drafts) services.log.info(pruned, "expired filing drafts deleted, with their uploaded files");
    },
  };
}
