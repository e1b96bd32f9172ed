import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

export type ReceiptEmailProps = {
  t: TFunction;
  lang: string;
  name: string;
  office: string;
  symbol: string;
  number: string;
  amount: string;
  noticeNumber: string;
  caseReference: string;
  court: string;
  /** When the money was paid, formatted in Vietnam's time. */
  paidAt: string;
  txnRef: string;
  transactionNo: string | null;
  verifyUrl: string;
  replacesNumber: string | null;
};

export function receiptEmailSubject(t: TFunction, p: { symbol: string; number: string; noticeNumber: string }): string {
  return t("receipts.email.receiptSubject", { symbol: p.symbol, number: p.number, notice: p.noticeNumber });
}

/**
 * The payer's one e-mail for a payment: it confirms the money was received and carries the e-receipt
 * (PDF attached). There is no separate payment confirmation.
 */
export default function ReceiptEmail(p: ReceiptEmailProps) {
  const { t } = p;
  return (
    <EmailLayout
      lang={p.lang}
      preview={t("receipts.email.receiptPreview", { amount: p.amount })}
      siteName={t("meta.siteName")}
      signature={t("receipts.email.signature")}
      automated={t("receipts.email.automated")}
    >
      <Text>{t("receipts.email.greeting", { name: p.name })}</Text>
      <Text>{t("receipts.email.receiptBody", { office: p.office, symbol: p.symbol, number: p.number, amount: p.amount, notice: p.noticeNumber })}</Text>
      {p.replacesNumber ? <Text>{t("receipts.email.replacementBody", { number: p.replacesNumber })}</Text> : null}
      <Text>
        {t("receipts.email.notice", { value: p.noticeNumber })}
        <br />
        {t("receipts.email.caseReference", { value: p.caseReference })}
        <br />
        {t("receipts.email.court", { value: p.court })}
        <br />
        {t("receipts.email.amount", { value: p.amount })}
        <br />
        {t("receipts.email.time", { value: p.paidAt })}
        <br />
        {t("receipts.email.reference", { value: p.txnRef })}
        {p.transactionNo && p.transactionNo !== "0" ? (
          <>
            <br />
            {t("receipts.email.gatewayReference", { value: p.transactionNo })}
          </>
        ) : null}
      </Text>
      <Text>
        {t("receipts.email.verifyLine", { url: "" })}
        <a href={p.verifyUrl}>{p.verifyUrl}</a>
      </Text>
    </EmailLayout>
  );
}
