import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Services } from "../services.server";
import { serverT } from "../../app/i18n/resources.server";
import { isLocale } from "../../app/i18n/config";
import { formatDateTime, formatMoney } from "../../app/utils/format";
import PaymentConfirmationEmail, { paymentConfirmationSubject } from "../../emails/payment-confirmation";
import { renderEmail } from "../notifications/render.server";
import { paymentForEmail, sweepOpenAttempts } from "./lifecycle.server";
import { vnpayFor } from "./gateway.server";

const Payload = z.object({ attemptId: z.uuid() });

/** The payment confirmation e-mail, in the language the payer used (enqueued with the credit). */
export function sendPaymentConfirmation(services: Services): Task {
  return async (raw) => {
    const { attemptId } = Payload.parse(raw);
    const p = await paymentForEmail(services.sql, { attemptId });
    if (!p || p.state !== "succeeded") return;
    const locale = isLocale(p.locale) ? p.locale : "vi";
    const t = serverT(locale);
    const { html, text } = await renderEmail(
      <PaymentConfirmationEmail
        t={t}
        lang={locale}
        name={p.payer_name}
        noticeNumber={p.notice_number}
        caseReference={p.case_reference}
        court={p.court_name}
        office={p.agency_name}
        amount={formatMoney(p.amount, locale)}
        time={formatDateTime(p.pay_date ?? p.settled_at ?? new Date(), locale)}
        txnRef={p.txn_ref}
        transactionNo={p.transaction_no}
      />,
    );
    await services.mailer.send({ to: p.email, subject: paymentConfirmationSubject(t, p.notice_number), html, text });
  };
}

/** Settles attempts still open after their payment window, with querydr. */
export function sweepPayments(services: Services): Task {
  return async () => {
    const result = await sweepOpenAttempts({ sql: services.sql, vnpay: vnpayFor(services.config), log: services.log });
    if (result.checked) services.log.info(result, "payment sweep");
  };
}
