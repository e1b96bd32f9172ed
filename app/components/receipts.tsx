import { useTranslation } from "react-i18next";
import { payerLabelKeys, type ReceiptContent } from "../../server/receipts/browser";
import { formatDate, formatDateTime, formatMoney } from "../../vocabulary/format";
import { useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";

/** The receipt as an A4 document (the page prints it alone: see the print rules in app.css). */
export function ReceiptDocument({
  content: c,
  qr,
  verifyUrl,
  kid,
  status,
  cancelledAt,
  replacedByNumber,
}: {
  content: ReceiptContent;
  qr: string;
  verifyUrl: string;
  kid: string | null;
  status: "valid" | "cancelled";
  cancelledAt: string | null;
  replacedByNumber: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows: [string, string, boolean?][] = [
    [t(payerLabelKeys(c.payer).name), c.payer.name, true],
    [t(payerLabelKeys(c.payer).id), c.payer.idNumber],
    [t("receipts.doc.payerAddress"), c.payer.address],
    [t("receipts.doc.reason"), c.reason.text],
    [t("receipts.doc.court"), c.reason.court],
    ...(c.reason.courtDocumentNumber ? ([[t("receipts.doc.courtDocument"), c.reason.courtDocumentNumber]] as [string, string][]) : []),
    [t("receipts.doc.caseReference"), c.reason.caseReference],
    [t("receipts.doc.amount"), formatMoney(c.amount, locale), true],
    [t("receipts.doc.amountInWords"), c.amountInWords],
    [t("receipts.doc.method"), t("receipts.doc.methodValue", { transactionNo: c.method.transactionNo ?? "—", txnRef: c.method.txnRef })],
    [t("receipts.doc.paidAt"), formatDateTime(c.paidAt, locale)],
    [t("receipts.doc.issuedAt"), formatDate(c.issuedAt, locale)],
  ];
  const cancelledDate = cancelledAt ? formatDate(cancelledAt, locale) : "";
  return (
    <article className={status === "cancelled" ? "receipt-doc receipt-cancelled" : "receipt-doc"} aria-labelledby="receipt-title">
      {status === "cancelled" ? (
        <p className="receipt-banner" role="status">
          {replacedByNumber ? t("receipts.doc.replacedBanner", { date: cancelledDate, number: replacedByNumber }) : t("receipts.doc.cancelledBanner", { date: cancelledDate })}
        </p>
      ) : null}
      <div className="receipt-head">
        <div>
          <p className="receipt-office">{c.office.name}</p>
          {c.office.address ? <p className="receipt-small">{c.office.address}</p> : null}
        </div>
        <div>
          <p className="receipt-nation">{t("receipts.doc.nation")}</p>
          <p className="receipt-motto">{t("receipts.doc.motto")}</p>
        </div>
      </div>
      <p className="receipt-meta">
        {t("receipts.doc.formNumber")}: {c.formNumber} · {t("receipts.doc.symbol")}: {c.symbol} · {t("receipts.doc.number")}: <strong>{c.number}</strong>
      </p>
      <h1 id="receipt-title" className="receipt-title">
        {t("receipts.doc.title")}
        <span>{t("receipts.doc.subtitle")}</span>
      </h1>
      <dl className="receipt-lines">
        {rows.map(([k, v, bold]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{bold ? <strong>{v}</strong> : v}</dd>
          </div>
        ))}
      </dl>
      {c.replaces ? <p>{t("receipts.doc.replaces", { symbol: c.replaces.symbol, number: c.replaces.number })}</p> : null}
      <div className="receipt-foot">
        <div className="receipt-verify">
          <img src={qr} alt={t("receipts.doc.qrAlt")} width={132} height={132} />
          <div>
            <p>
              <strong>{t("receipts.doc.verifyHeading")}</strong>
            </p>
            <p className="receipt-small">{t("receipts.doc.verifyText")}</p>
            <p className="receipt-small receipt-url">
              <a href={verifyUrl}>{verifyUrl}</a>
            </p>
          </div>
        </div>
        <div className="receipt-sign">
          <p>
            <strong>{t("receipts.doc.signedBy")}</strong>
          </p>
          <p className="receipt-small">{kid ? t("receipts.doc.signedNote", { kid }) : t("receipts.doc.unsigned")}</p>
          <p>
            <strong>{c.office.name}</strong>
          </p>
        </div>
      </div>
      <p className="receipt-small receipt-note">{t("receipts.doc.printNote")}</p>
    </article>
  );
}

export type PaymentReceipt = { code: string; symbol: string; number: string; status: "valid" | "cancelled" } | null;
export type PaymentRefund = { id: string; amount: number; state: "proposed" | "approved" | "rejected" | "refunded" | "failed"; updatedAt: string };

/** On the payment result page: the receipt (view, PDF) and any refund with its state. */
export function PaymentReceiptPanel({ receipt, refunds, succeeded }: { receipt: PaymentReceipt; refunds: PaymentRefund[]; succeeded: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      {succeeded ? (
        <section aria-labelledby="receipt-heading">
          <h2 id="receipt-heading">{t("receipts.result.receiptHeading")}</h2>
          {receipt ? (
            <>
              <p>
                {receipt.status === "valid"
                  ? t("receipts.result.receiptIssued", { symbol: receipt.symbol, number: receipt.number })
                  : t("receipts.result.receiptCancelled", { symbol: receipt.symbol, number: receipt.number })}
              </p>
              <div className="receipt-links">
                <a className="button" href={paths.receipt(receipt.code)}>
                  {t("receipts.result.openReceipt")}
                </a>
                <a className="button secondary" href={paths.receiptPdf(receipt.code)}>
                  {t("receipts.result.downloadPdf")}
                </a>
              </div>
            </>
          ) : (
            <p>{t("receipts.result.receiptPending")}</p>
          )}
        </section>
      ) : null}
      {refunds.length ? (
        <section aria-labelledby="refunds-heading">
          <h2 id="refunds-heading">{t("receipts.result.refundsHeading")}</h2>
          <ul className="refund-list">
            {refunds.map((r) => (
              <li key={r.id}>
                {t("receipts.result.refundLine", { amount: formatMoney(r.amount, locale), state: t(`receipts.refundStates.${r.state}`), date: formatDateTime(r.updatedAt, locale) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
