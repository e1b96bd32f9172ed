import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { qrSvgDataUri, receiptDocument } from "../server/receipts.server";
import { titleFrom } from "../components/payments";
import { ReceiptDocument } from "../components/receipts";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.doc", "receipts.page", "receipts.refundStates", "receipts.result"] };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFrom(matches, (r) => (data?.receipt ? r.receipts.page.title.replace("{{symbol}}", data.receipt.content.symbol).replace("{{number}}", data.receipt.content.number) : r.receipts.page.notFoundTitle));

/** The receipt as a printable page; its code (from the QR code, the e-mail or the result page) is the key. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const headers = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };
  const doc = await receiptDocument(context.services, { code: params.code ?? "" });
  if (!doc) return data({ receipt: null }, { status: 404, headers });
  return data(
    {
      receipt: {
        code: doc.row.code,
        content: doc.content,
        status: doc.row.status,
        cancelledAt: doc.row.cancelled_at?.toISOString() ?? null,
        kid: doc.row.kid,
        verifyUrl: doc.verifyUrl,
        qr: await qrSvgDataUri(doc.verifyUrl),
        replacedByNumber: doc.replacedBy?.number ?? null,
        txnRef: doc.attempt.txn_ref,
      },
    },
    { headers },
  );
}

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
        <a className="button" href={`/bien-lai/${receipt.code}/pdf`} download>
          {t("receipts.page.downloadPdf")}
        </a>
        <a className="button secondary" href={`/xac-minh-bien-lai/${receipt.code}`}>
          {t("receipts.page.verify")}
        </a>
        <Link className="button secondary" to={`/dich-vu/nop-tien/ket-qua?ref=${encodeURIComponent(receipt.txnRef)}`}>
          {t("receipts.page.back")}
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
