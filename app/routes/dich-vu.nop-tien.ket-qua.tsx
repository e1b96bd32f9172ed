import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadPaymentResult } from "../server/payments.server";
import { PaymentReceiptPanel } from "../components/receipts";
import { SummaryList } from "../components/summary-list";
import { formatDateTime, formatMoney } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "payments.result", "receipts.cancelErrors", "receipts.doc", "receipts.reconciliation", "receipts.refundStates", "receipts.refunds", "receipts.result", "receipts.staff"] };

/** While the payment is being checked, the page reloads itself (a meta refresh works without JavaScript). */
const REFRESH_SECONDS = 3;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(
    matches,
    (r) => (data && "payment" in data && data.payment?.open ? r.payments.result.checkingTitle : r.payments.result.title),
    { extra: data && "payment" in data && data.payment?.open ? [{ httpEquiv: "refresh", content: String(REFRESH_SECONDS) }] : [] },
  );

export const loader = (args: LoaderFunctionArgs) => loadPaymentResult(args);

export default function PaymentResult() {
  const { t } = useTranslation();
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const { payment } = loaded;
  if (!payment) {
    return (
      <div className="narrow">
        <h1>{t("payments.result.notFoundTitle")}</h1>
        <p>{t("payments.result.notFoundBody")}</p>
        <p>
          <Link to={paths.fees.lookup}>{t("payments.notice.searchAgain")}</Link>
        </p>
      </div>
    );
  }
  const vars = { notice: payment.noticeNumber, amount: formatMoney(payment.amount, locale), email: payment.email };
  const [title, body] = payment.open
    ? [t("payments.result.checkingTitle"), t("payments.result.checkingBody")]
    : payment.state === "succeeded"
      ? [t("payments.result.succeededTitle"), t("payments.result.succeededBody", vars)]
      : payment.state === "cancelled"
        ? [t("payments.result.cancelledTitle"), t("payments.result.cancelledBody", vars)]
        : payment.state === "expired"
          ? [t("payments.result.expiredTitle"), t("payments.result.expiredBody", vars)]
          : [t("payments.result.failedTitle"), t("payments.result.failedBody", vars)];
  const tone = payment.open ? "pending" : payment.state === "succeeded" && !payment.refundReview ? "ok" : "problem";
  const succeeded = payment.state === "succeeded";
  const noticeUrl = "noticeToken" in loaded && loaded.noticeToken ? paths.fees.notice(loaded.noticeToken) : null;
  const rows: [string, string][] = [
    [t("payments.notice.number"), payment.noticeNumber],
    [succeeded ? t("payments.result.amountPaid") : t("payments.result.amountDue"), formatMoney(payment.amount, locale)],
    ...(payment.paidAt ? ([[t("payments.result.paidAt"), formatDateTime(payment.paidAt, locale)]] as [string, string][]) : []),
    [t("payments.result.reference"), payment.txnRef],
    ...(payment.transactionNo && payment.transactionNo !== "0" ? ([[t("payments.result.gatewayReference"), payment.transactionNo]] as [string, string][]) : []),
  ];
  return (
    <div className="narrow">
      <div className={`result-panel result-${tone}`} role="status" aria-live="polite">
        <h1>{title}</h1>
        <p>{body}</p>
        {payment.refundReview ? <p>{t("payments.result.refundReview")}</p> : null}
        {!succeeded && payment.noticePaidAt ? (
          <p>{t("payments.result.noticePaidElsewhere", { notice: payment.noticeNumber, time: formatDateTime(payment.noticePaidAt, locale) })}</p>
        ) : null}
      </div>
      <SummaryList rows={rows} />
      {succeeded && !payment.refundReview ? (
        <section aria-labelledby="next-heading">
          <h2 id="next-heading">{t("payments.result.nextHeading")}</h2>
          <p>{t("payments.result.nextReceipt", { email: payment.email })}</p>
          <p>{t("payments.result.nextKeep", { reference: payment.txnRef })}</p>
        </section>
      ) : null}
      {"receipt" in loaded ? <PaymentReceiptPanel receipt={loaded.receipt} refunds={loaded.refunds} succeeded={succeeded && !payment.refundReview} /> : null}
      <div className="actions">
        {payment.open ? (
          <a className="button secondary" href={paths.fees.result(payment.txnRef)}>
            {t("payments.result.refreshNow")}
          </a>
        ) : !succeeded && !payment.noticePaidAt ? (
          <Link className="button" to={noticeUrl ?? paths.fees.lookup}>
            {t("payments.result.tryAgain")}
          </Link>
        ) : (
          <>
            {noticeUrl ? (
              <Link className="button secondary" to={noticeUrl}>
                {t("payments.result.viewNotice")}
              </Link>
            ) : null}
            <Link className="button secondary" to={paths.home}>
              {t("payments.result.home")}
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
