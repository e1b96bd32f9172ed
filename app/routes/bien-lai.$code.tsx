import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadReceiptPage } from "../server/receipts.server";
import { ReceiptDocument } from "../components/receipts";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.cancelErrors", "receipts.doc", "receipts.page", "receipts.reconciliation", "receipts.refundStates", "receipts.refunds", "receipts.result", "receipts.staff", "lookup"] };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (r) => (data?.receipt ? r.receipts.page.title.replace("{{symbol}}", data.receipt.content.symbol).replace("{{number}}", data.receipt.content.number) : r.receipts.page.notFoundTitle));

/** The receipt as a printable page; its code (from the QR code, the e-mail or the result page) is the key. */
export const loader = (args: LoaderFunctionArgs) => loadReceiptPage(args);

export default function ReceiptPage() {
  const { t } = useTranslation();
  const { receipt } = useLoaderData<typeof loader>();
  if (!receipt) {
    return (
      <div className="narrow">
        <h1>{t("receipts.page.notFoundTitle")}</h1>
        <p>{t("receipts.page.notFoundBody")}</p>
      </div>
    );
  }
  return (
    <div>
      <div className="actions receipt-actions">
        <a className="button" href={paths.receiptPdf(receipt.code)} download>
          {t("receipts.page.downloadPdf")}
        </a>
        <a className="button secondary" href={paths.verifyReceipt(receipt.code)}>
          {t("receipts.page.verify")}
        </a>
        <Link className="button secondary" to={paths.fees.result(receipt.txnRef)}>
          {t("receipts.page.back")}
        </Link>
        <Link className="button secondary" to={paths.lookup()}>
          {t("lookup.links.receipt")}
        </Link>
      </div>
      <p className="hint receipt-actions">{t("receipts.page.printHint")}</p>
      <ReceiptDocument
        content={receipt.content}
        qr={receipt.qr}
        verifyUrl={receipt.verifyUrl}
        kid={receipt.kid}
        status={receipt.status}
        cancelledAt={receipt.cancelledAt}
        replacedByNumber={receipt.replacedByNumber}
      />
    </div>
  );
}
