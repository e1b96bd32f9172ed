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
  verifyUrl: string;
  replacesNumber: string | null;
};

export function receiptEmailSubject(t: TFunction, p: { symbol: string; number: string; noticeNumber: string }): string {
  return t("receipts.email.receiptSubject", { symbol: p.symbol, number: p.number, notice: p.noticeNumber });
}

/** The e-receipt sent to the payer, with the PDF attached. */
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
        {t("receipts.email.verifyLine", { url: "" })}
        <a href={p.verifyUrl}>{p.verifyUrl}</a>
      </Text>
    </EmailLayout>
  );
}
