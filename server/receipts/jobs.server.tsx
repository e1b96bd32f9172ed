import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Services } from "../services.server";
import { serverT } from "../../app/i18n/resources.server";
import { isLocale } from "../../app/i18n/config";
import { formatMoney } from "../../app/utils/format";
import ReceiptEmail, { receiptEmailSubject } from "../../emails/receipt";
import { renderEmail } from "../notifications/render.server";
import { getReceipt, receiptDocument } from "./receipts.server";
import { renderReceiptPdf } from "./pdf.server";

const Payload = z.object({ receiptId: z.uuid() });

/** Signs a new receipt and e-mails it (PDF attached) to the payer, in the language they paid in. */
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
    const pdf = await renderReceiptPdf({ content: c, verifyUrl: doc.verifyUrl, kid: doc.row.kid, status: doc.row.status, cancelledAt: null, replacedByNumber: null, locale });
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
        verifyUrl={doc.verifyUrl}
        replacesNumber={c.replaces?.number ?? null}
      />,
    );
    await services.mailer.send({
      to: doc.attempt.email,
      subject: receiptEmailSubject(t, { symbol: c.symbol, number: c.number, noticeNumber: c.reason.noticeNumber }),
      html,
      text,
      attachments: [{ filename: `bien-lai-${c.symbol.replace(/\W+/g, "-")}-${c.number}.pdf`, content: pdf, contentType: "application/pdf" }],
    });
  };
}
