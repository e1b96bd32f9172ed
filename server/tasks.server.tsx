import type { Task, TaskList } from "graphile-worker";
import { z } from "zod";
import type { Services } from "./services";
import { serverT } from "../vocabulary/i18n/resources.server";
import { isLocale } from "../vocabulary/i18n/config";
import { formatDateTime } from "../vocabulary/format";
import SignInAlertEmail, { signInAlertSubject } from "../emails/sign-in-alert";
import { renderEmail } from "./notifications";
import { pruneRateLimits } from "./http";
import { filingTasks } from "./filing";
import { sendPaymentConfirmation, sweepPayments } from "./payments";
import { flushJobOutbox } from "./jobs";
import { deliverReceipt, reconcileDaily, runRefund, sendRefundUpdate } from "./receipts";
import { accountTasks } from "./accounts";
import { answerTasks, sweepInfoRequestMail } from "./answers";
import { caseDocumentTask, caseNotifyTask, caseTypeById } from "./cases";
import { confirmationCertificateTask, certificateBeforeService } from "./confirmation";
import "./domains.server";
import { handoffTasks, HANDOFF_CRONTAB } from "./handoff";
import { apiTasks } from "./api";
import { debtorListTasks, DEBTOR_LIST_CRONTAB } from "./debtor-list";
import { submissionTasks } from "./submissions";
import { serviceTasks } from "./service-of-documents";
import { complaintTasks } from "./complaints";

/**
 * Which case events go to the agency case system: those whose case-type definition says `handoff`
 * (handoff_record also writes earlier such events first when its jobs run out of order).
 */
const isHandoffEvent = (caseType: string, event: string) => {
  const events: Record<string, { handoff?: boolean } | undefined> = caseTypeById(caseType).events;
  return events[event]?.handoff === true;
};

const SignInAlertPayload = z.object({
  staffId: z.uuid(),
  at: z.iso.datetime(),
  ip: z.string().max(64),
  locale: z.string().refine(isLocale),
});

/** Tells a staff member by e-mail that their account was signed in (time, IP), in their language. */
export function sendSignInAlert(services: Services): Task {
  return async (raw) => {
    const payload = SignInAlertPayload.parse(raw);
    const locale = isLocale(payload.locale) ? payload.locale : "vi";
    const [staff] = await services.sql<{ email: string; full_name: string }[]>`
      select email, full_name from staff where id = ${payload.staffId}`;
    if (!staff) return; // account removed since: nothing to tell
    const t = serverT(locale);
    const time = formatDateTime(payload.at, locale);
    const { html, text } = await renderEmail(
      <SignInAlertEmail t={t} lang={locale} name={staff.full_name} time={time} ip={payload.ip} />,
    );
    await services.mailer.send({ to: staff.email, subject: signInAlertSubject(t), html, text });
  };
}

export function taskList(services: Services): TaskList {
  const caseNotify = caseNotifyTask(services);
  const caseDocument = confirmationCertificateTask(services, caseDocumentTask(services));
  const service = serviceTasks(services);
  return {
    send_sign_in_alert: sendSignInAlert(services),
    send_payment_confirmation: sendPaymentConfirmation(services),
    sweep_payment_attempts: sweepPayments(services),
    // Safety net for the job outbox (the web process flushes right after each credit).
    flush_job_outbox: async () => {
      const n = await flushJobOutbox(services.sql);
      if (n) services.log.info({ n }, "jobs moved from the outbox by the cron task");
    },
    deliver_receipt: deliverReceipt(services),
    send_refund_update: sendRefundUpdate(services),
    run_refund: runRefund(services),
    reconcile_daily: reconcileDaily(services),
    prune_rate_limits: async () => {
      await pruneRateLimits(services.sql);
    },
    ...filingTasks(services),
    ...accountTasks(services),
    ...answerTasks(services),
    // Workflow (ADR 062): a case event's decision document (PDF, stored) and the applicant's e-mail.
    // (the confirm event's document job also issues the signed certificate first: server/confirmation, ADR 077)
    case_document: caseDocument,
    case_notify: async (payload, helpers) => {
      await caseNotify(payload, helpers);
      // A request for more information is e-mailed by server/answers with its answer link: queue it now
      // rather than at the next minute's sweep (the sweep marks each request queued once, so never twice).
      if (await sweepInfoRequestMail(services.sql)) await flushJobOutbox(services.sql);
    },
    ...handoffTasks(services, { isHandoffEvent }),
    // Organisations' webhooks (ADR 071): case_followers fans a public event out, webhook_deliver sends each.
    ...apiTasks(services),
    // The debtor list (ADR 072): entries past their publication period are marked once a day.
    ...debtorListTasks(services),
    ...submissionTasks(services),
    // Electronic service of documents (ADR 074): the notice e-mail, the `serve: true` hook.
    ...service,
    // The confirm event's certificate is served with its code and QR code printed: its document job first (ADR 080).
    service_auto: certificateBeforeService(services, caseDocument, service.service_auto!),
    ...complaintTasks(services),
  };
}

/** Recurring jobs (graphile-worker crontab syntax, UTC; 01:30 UTC = 08:30 in Vietnam). */
export const CRONTAB = [
  "15 * * * * prune_rate_limits",
  "40 3 * * * prune_filing_drafts",
  "50 3 * * * prune_citizen_sign_in_codes",
  "* * * * * sweep_payment_attempts ?max=1",
  "* * * * * flush_job_outbox ?max=1",
  "* * * * * case_info_request_sweep ?max=1",
  "30 1 * * * reconcile_daily",
  HANDOFF_CRONTAB,
  DEBTOR_LIST_CRONTAB,
].join("\n");
