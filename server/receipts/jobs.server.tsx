import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Services } from "../services";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { isLocale } from "../../vocabulary/i18n/config";
import { formatDateTime, formatMoney } from "../../vocabulary/format";
import ReceiptEmail, { receiptEmailSubject } from "../../emails/receipt";
import RefundUpdateEmail, { refundUpdateSubject } from "../../emails/refund-update";
import { executeRefund, refundForEmail } from "./refunds.server";
import { reconcileDay } from "./reconciliation.server";
import { renderEmail } from "../notifications";
import { getReceipt, receiptDocument } from "./receipts.server";
import { renderReceiptPdf } from "./pdf.server";
import { paths } from "../../vocabulary/paths";
import { receiptPdfFilename, storedReceiptPdf } from "./documents.server";

const Payload = z.object({ receiptId: z.uuid() });

/**
 * Signs a new receipt and e-mails it (PDF attached) to the payer, in the language they paid in: the
 * payer's one e-mail for the payment, which also confirms it (issue 10: no second confirmation).
 */
export function deliverReceipt(services: Services): Task {
  return async (raw) => {
    const { receiptId } = Payload.parse(raw);
    const row = await getReceipt(services.sql, { id: receiptId });
    if (!row) return;
    const doc = (await receiptDocument(services, { code: row.code }))!;
    if (doc.row.status !== "valid") return; // cancelled before it could be sent: nothing to deliver
    const locale = isLocale(doc.attempt.locale) ? doc.attempt.locale : "vi";
    const t = serverT(locale);
    const c = doc.content;
    // The stored PDF (ADR 057): the bytes attached are the bytes /bien-lai/<code>/pdf serves.
    const pdf = (await storedReceiptPdf(services, doc, locale)).bytes!;
    const { html, text } = await renderEmail(
      <ReceiptEmail
        t={t}
        lang={locale}
        name={c.payer.name}
        office={c.office.name}
        symbol={c.symbol}
        number={c.number}
        amount={formatMoney(c.amount, locale)}
        noticeNumber={c.reason.noticeNumber}
        caseReference={c.reason.caseReference}
        court={c.reason.court}
        paidAt={formatDateTime(c.paidAt, locale)}
        txnRef={c.method.txnRef}
        transactionNo={c.method.transactionNo}
        verifyUrl={doc.verifyUrl}
        replacesNumber={c.replaces?.number ?? null}
      />,
    );
    await services.mailer.send({
      to: doc.attempt.email,
      subject: receiptEmailSubject(t, { symbol: c.symbol, number: c.number, noticeNumber: c.reason.noticeNumber }),
      html,
      text,
      attachments: [{ filename: receiptPdfFilename(c), content: pdf, contentType: "application/pdf" }],
    });
  };
}

const RefundPayload = z.object({ refundId: z.uuid(), state: z.enum(["proposed", "approved", "rejected", "refunded", "failed"]) });

/** Tells the payer where their refund stands (one e-mail per step). */
export function sendRefundUpdate(services: Services): Task {
  return async (raw) => {
    const { refundId, state } = RefundPayload.parse(raw);
    const r = await refundForEmail(services.sql, { refundId });
    if (!r) return;
    const locale = isLocale(r.locale) ? r.locale : "vi";
    const t = serverT(locale);
    const stateText = t(`receipts.refundStates.${state}`);
    const { html, text } = await renderEmail(
      <RefundUpdateEmail
        t={t}
        lang={locale}
        name={r.payer_name}
        office={r.agency_name}
        amount={formatMoney(r.amount, locale)}
        reference={r.txn_ref}
        noticeNumber={r.notice_number}
        state={stateText}
        reason={r.reason}
        url={`${services.config.BASE_URL}${paths.fees.result(r.txn_ref)}`}
      />,
    );
    await services.mailer.send({ to: r.email, subject: refundUpdateSubject(t, { reference: r.txn_ref, state: stateText }), html, text });
  };
}

/** Sends an approved refund to the gateway. */
export function runRefund(services: Services): Task {
  return async (raw) => {
    const { refundId } = z.object({ refundId: z.uuid() }).parse(raw);
    await executeRefund(services, { refundId });
  };
}

/** The daily reconciliation of yesterday (Vietnam time), for every office with payments. */
export function reconcileDaily(services: Services): Task {
  return async (raw) => {
    const day = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).parse(raw ?? {}).day;
    const results = await reconcileDay(services, day ? { day } : {});
    services.log.info({ offices: results.length, found: results.map((r) => r.summary) }, "daily reconciliation");
  };
}
