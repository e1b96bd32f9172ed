import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

export type FilingConfirmationProps = {
  t: TFunction;
  lang: string;
  name: string;
  reference: string;
  time: string;
  office: string;
  days: number;
  /** The status lookup with the reference filled in ("Tra cứu hồ sơ", ADR 066): never the code. */
  lookupUrl?: string;
};

export function filingConfirmationSubject(t: TFunction, reference: string): string {
  return t("filing.email.confirmation.subject", { reference });
}

/** Sent when a request is filed: reference, office, what happens next; the PDF of the request is attached. */
export default function FilingConfirmationEmail({ t, lang, name, reference, time, office, days, lookupUrl }: FilingConfirmationProps) {
  return (
    <EmailLayout
      lang={lang}
      preview={t("filing.email.confirmation.preview", { reference })}
      siteName={t("meta.siteName")}
      signature={t("filing.email.confirmation.signature")}
      automated={t("filing.email.confirmation.automated")}
    >
      <Text>{t("filing.email.confirmation.greeting", { name })}</Text>
      <Text>{t("filing.email.confirmation.body", { time, office, reference })}</Text>
      <Text>{t("filing.email.confirmation.next", { days })}</Text>
      {lookupUrl ? (
        <Text>
          {t("lookup.links.followText")} <Link href={lookupUrl}>{lookupUrl}</Link>
        </Text>
      ) : null}
      <Text>{t("filing.email.confirmation.attached")}</Text>
    </EmailLayout>
  );
}
