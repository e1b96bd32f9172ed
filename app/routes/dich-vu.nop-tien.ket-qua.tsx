import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { maskEmail, OPEN_STATES, paymentStatus, vnpayFor } from "../server/payments.server";
import { titleFrom, useLocale } from "../components/payments";
import { receiptForPayment, refundsForPayment } from "../server/receipts.server";
import { PaymentReceiptPanel } from "../components/receipts";
import { formatMoney } from "../utils/format";

/** While the payment is being checked, the page reloads itself (a meta refresh works without JavaScript). */
const REFRESH_SECONDS = 3;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFrom(
    matches,
    (r) => (data && "payment" in data && data.payment?.open ? r.payments.result.checkingTitle : r.payments.result.title),
    data && "payment" in data && data.payment?.open ? [{ httpEquiv: "refresh", content: String(REFRESH_SECONDS) }] : [],
  );

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const headers = { "Cache-Control": "no-store" };
  // VNPay's return: verify it (for display only: state comes from our database), then drop the query.
  if (url.searchParams.has("vnp_TxnRef")) {
    try {
      const r = vnpayFor(context.services.config).returns.verify(url.searchParams);
      return redirect(`/dich-vu/nop-tien/ket-qua?ref=${encodeURIComponent(r.txnRef)}`, { headers });
    } catch {
      return data({ payment: null }, { status: 400, headers });
    }
  }
  const view = await paymentStatus(context.services, { txnRef: url.searchParams.get("ref") ?? "" });
  if (!view) return data({ payment: null }, { status: 404, headers });
  return data(
    {
      payment: {
        txnRef: view.txnRef,
        state: view.state,
        open: OPEN_STATES.includes(view.state),
        amount: view.amount,
        noticeNumber: view.noticeNumber,
        email: maskEmail(view.email),
        transactionNo: view.transactionNo,
        refundReview: view.refundReview,
      },
      receipt: view.state === "succeeded" ? await receiptForPayment(context.services.sql, { txnRef: view.txnRef }) : null,
      refunds: (await refundsForPayment(context.services.sql, { txnRef: view.txnRef })).map((r) => ({ id: r.id, amount: r.amount, state: r.state, updatedAt: r.updated_at.toISOString() })),
    },
    { headers },
  );
}

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
          <Link to="/dich-vu/nop-tien">{t("payments.notice.searchAgain")}</Link>
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
  return (
    <div className="narrow">
      <div className={`result-panel result-${tone}`} role="status" aria-live="polite">
        <h1>{title}</h1>
        <p>{body}</p>
        {payment.refundReview ? <p>{t("payments.result.refundReview")}</p> : null}
      </div>
      <dl className="summary-list">
        <div>
          <dt>{t("payments.notice.number")}</dt>
          <dd>{payment.noticeNumber}</dd>
        </div>
        <div>
          <dt>{t("payments.notice.amount")}</dt>
          <dd>{formatMoney(payment.amount, locale)}</dd>
        </div>
        <div>
          <dt>{t("payments.result.reference")}</dt>
          <dd>{payment.txnRef}</dd>
        </div>
        {payment.transactionNo && payment.transactionNo !== "0" ? (
          <div>
            <dt>{t("payments.result.gatewayReference")}</dt>
            <dd>{payment.transactionNo}</dd>
          </div>
        ) : null}
      </dl>
      {"receipt" in loaded ? <PaymentReceiptPanel receipt={loaded.receipt} refunds={loaded.refunds} succeeded={payment.state === "succeeded"} /> : null}
      <div className="actions">
        {payment.open ? (
          <a className="button secondary" href={`/dich-vu/nop-tien/ket-qua?ref=${encodeURIComponent(payment.txnRef)}`}>
            {t("payments.result.refreshNow")}
          </a>
        ) : payment.state !== "succeeded" ? (
          <Link className="button" to="/dich-vu/nop-tien">
            {t("payments.result.tryAgain")}
          </Link>
        ) : (
          <Link className="button secondary" to="/">
            {t("payments.result.home")}
          </Link>
        )}
      </div>
    </div>
  );
}
