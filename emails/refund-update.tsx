import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

export type RefundUpdateProps = {
  t: TFunction;
  lang: string;
  name: string;
  office: string;
  amount: string;
  reference: string;
  noticeNumber: string;
  state: string;
  reason: string;
  url: string;
};

export function refundUpdateSubject(t: TFunction, p: { reference: string; state: string }): string {
  return t("receipts.email.refundSubject", { reference: p.reference, state: p.state });
}

/** Sent to the payer at each step of a refund: proposed, approved or rejected, refunded or failed. */
export default function RefundUpdateEmail(p: RefundUpdateProps) {
  const { t } = p;
  return (
    <EmailLayout
      lang={p.lang}
      preview={t("receipts.email.refundPreview", { amount: p.amount, state: p.state })}
      siteName={t("meta.siteName")}
      signature={t("receipts.email.signature")}
      automated={t("receipts.email.automated")}
    >
      <Text>{t("receipts.email.greeting", { name: p.name })}</Text>
      <Text>{t("receipts.email.refundBody", { reference: p.reference, notice: p.noticeNumber, amount: p.amount, office: p.office, state: p.state })}</Text>
      <Text>{t("receipts.email.refundReason", { reason: p.reason })}</Text>
      <Text>
        {t("receipts.email.refundFollow", { url: "" })}
        <a href={p.url}>{p.url}</a>
      </Text>
    </EmailLayout>
  );
}
