import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

export type PaymentConfirmationProps = {
  t: TFunction;
  lang: string;
  name: string;
  noticeNumber: string;
  caseReference: string;
  court: string;
  office: string;
  amount: string;
  time: string;
  txnRef: string;
  transactionNo: string | null;
};

export function paymentConfirmationSubject(t: TFunction, noticeNumber: string): string {
  return t("payments.email.subject", { notice: noticeNumber });
}

export default function PaymentConfirmationEmail(p: PaymentConfirmationProps) {
  const { t } = p;
  return (
    <EmailLayout
      lang={p.lang}
      preview={t("payments.email.preview", { amount: p.amount, notice: p.noticeNumber })}
      siteName={t("meta.siteName")}
      signature={t("payments.email.signature")}
      automated={t("payments.email.automated")}
    >
      <Text>{t("payments.email.greeting", { name: p.name })}</Text>
      <Text>{t("payments.email.body")}</Text>
      <Text>
        {t("payments.email.notice", { value: p.noticeNumber })}
        <br />
        {t("payments.email.caseReference", { value: p.caseReference })}
        <br />
        {t("payments.email.court", { value: p.court })}
        <br />
        {t("payments.email.amount", { value: p.amount })}
        <br />
        {t("payments.email.time", { value: p.time })}
        <br />
        {t("payments.email.reference", { value: p.txnRef })}
        {p.transactionNo ? (
          <>
            <br />
            {t("payments.email.gatewayReference", { value: p.transactionNo })}
          </>
        ) : null}
        <br />
        {t("payments.email.office", { value: p.office })}
      </Text>
      <Text>{t("payments.email.receiptNote")}</Text>
    </EmailLayout>
  );
}
