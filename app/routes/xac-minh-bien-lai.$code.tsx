import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadReceiptCheck } from "../server/receipts.server";
import { formatDate, formatDateTime, formatMoney } from "../../vocabulary/format";
import { SummaryList } from "../components/summary-list";
import { payerLabelKeys } from "../../server/receipts/browser";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.cancelErrors", "receipts.doc", "receipts.reconciliation", "receipts.refunds", "receipts.staff", "receipts.verify"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.receipts.verify.title);

/** The public verification page behind the QR code (see loadReceiptCheck). */
export const loader = (args: LoaderFunctionArgs) => loadReceiptCheck(args);

export default function VerifyReceipt() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { check, jwksUrl } = useLoaderData<typeof loader>();
  if (!check) {
    return (
      <div className="narrow">
        <h1>{t("receipts.verify.notFoundTitle")}</h1>
        <p>{t("receipts.verify.notFoundBody")}</p>
      </div>
    );
  }
  const date = check.cancelledAt ? formatDate(check.cancelledAt, locale) : "";
  const [title, body, tone] =
    check.verdict === "valid"
      ? [t("receipts.verify.valid"), t("receipts.verify.validBody"), "ok"]
      : check.verdict === "replaced"
        ? [t("receipts.verify.replaced", { number: check.replacedBy!.number }), t("receipts.verify.replacedBody", { date }), "problem"]
        : check.verdict === "cancelled"
          ? [t("receipts.verify.cancelled"), t("receipts.verify.cancelledBody", { date }), "problem"]
          : [t("receipts.verify.invalid"), t("receipts.verify.invalidBody"), "problem"];
  const s = check.signed;
  return (
    <div className="narrow">
      <p className="muted">{t("receipts.verify.title")}</p>
      <div className={`result-panel result-${tone}`} role="status" data-verdict={check.verdict}>
        <h1>{title}</h1>
        <p>{body}</p>
        {check.replacedBy ? (
          <p>
            <a href={paths.verifyReceipt(check.replacedBy.code)}>
              {t("receipts.verify.openReplacement", { symbol: check.replacedBy.symbol, number: check.replacedBy.number })}
            </a>
          </p>
        ) : null}
      </div>
      <p>{t("receipts.verify.lead")}</p>
      {s ? (
        <>
          <h2>{t("receipts.verify.signedHeading")}</h2>
          <SummaryList
            rows={[
              [t("receipts.doc.formNumber"), s.formNumber],
              [t("receipts.doc.symbol"), s.symbol],
              [t("receipts.doc.number"), s.number],
              [t("receipts.doc.office"), s.office.name],
              [t(payerLabelKeys(s.payer).name), s.payer.name],
              [t(payerLabelKeys(s.payer).id), s.payer.idNumber],
              [t("receipts.doc.reason"), s.reason.text],
              [t("receipts.doc.court"), s.reason.court],
              [t("receipts.doc.caseReference"), s.reason.caseReference],
              [t("receipts.doc.amount"), formatMoney(s.amount, locale)],
              [t("receipts.doc.amountInWords"), s.amountInWords],
              [t("receipts.doc.method"), t("receipts.doc.methodValue", { transactionNo: s.method.transactionNo ?? "—", txnRef: s.method.txnRef })],
              [t("receipts.doc.paidAt"), formatDateTime(s.paidAt, locale)],
              [t("receipts.doc.issuedAt"), formatDateTime(s.issuedAt, locale)],
            ]}
          />
          <h2>{t("receipts.verify.technicalHeading")}</h2>
          <dl className="summary-list">
            <div>
              <dt>{t("receipts.verify.algorithm")}</dt>
              <dd>ES256 / EdDSA · {check.kid}</dd>
            </div>
            <div>
              <dt>{t("receipts.verify.issuer")}</dt>
              <dd>{check.issuer}</dd>
            </div>
            <div>
              <dt>{t("receipts.verify.keys")}</dt>
              <dd>
                <a href={jwksUrl}>{jwksUrl}</a>
              </dd>
            </div>
          </dl>
        </>
      ) : null}
      <p>{t("receipts.verify.howTo", { url: jwksUrl })}</p>
      <p>
        <a href={paths.verifyReceiptJws(check.code)}>{t("receipts.verify.rawJws")}</a>
      </p>
    </div>
  );
}
