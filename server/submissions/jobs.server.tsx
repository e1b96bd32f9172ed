import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Services } from "../services";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { isLocale } from "../../vocabulary/i18n/config";
import { formatDateTime } from "../../vocabulary/format";
import { paths } from "../../vocabulary/paths";
import SubmissionAckEmail, { submissionAckSubject } from "../../emails/submission-ack";
import { renderEmail } from "../notifications";
import { getSubmission } from "./submit.server";

const AckPayload = z.object({ submissionId: z.uuid(), nameKey: z.string().regex(/^[a-zA-Z.]{1,80}$/) });

/**
 * The acknowledgement e-mail of any procedure's submission (ADR 073), in the applicant's language: what was
 * received, when, by which office, its reference and the status lookup link (never the access code).
 */
export function sendSubmissionAck(services: Services): Task {
  return async (raw) => {
    const { submissionId, nameKey } = AckPayload.parse(raw);
    const s = await getSubmission(services.sql, { id: submissionId });
    if (!s?.applicantEmail) return;
    const locale = isLocale(s.locale) ? s.locale : "vi";
    const t = serverT(locale);
    const lookupUrl = new URL(paths.lookup(s.reference), services.config.BASE_URL).toString();
    const procedure = t(nameKey as never) as string;
    const { html, text } = await renderEmail(
      <SubmissionAckEmail
        t={t}
        lang={locale}
        name={s.applicantName}
        procedure={procedure}
        reference={s.reference}
        time={formatDateTime(s.submittedAt, locale)}
        office={s.agencyName}
        lookupUrl={lookupUrl}
      />,
    );
    await services.mailer.send({ to: s.applicantEmail, subject: submissionAckSubject(t, procedure, s.reference), html, text });
  };
}

export function submissionTasks(services: Services) {
  return { send_submission_ack: sendSubmissionAck(services) };
}
