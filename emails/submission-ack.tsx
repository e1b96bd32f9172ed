import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

export type SubmissionAckProps = {
  t: TFunction;
  lang: string;
  /** Null for a party who gave no name (the greeting then has none). */
  name: string | null;
  /** The procedure's name in the applicant's language ("Đơn khiếu nại"). */
  procedure: string;
  reference: string;
  time: string;
  office: string;
  /** The status lookup with the reference filled in: never the code. */
  lookupUrl: string;
};

export function submissionAckSubject(t: TFunction, procedure: string, reference: string): string {
  return t("submissions.email.subject", { procedure, reference });
}

/** Sent when any procedure's submission is received (ADR 073). */
export default function SubmissionAckEmail({ t, lang, name, procedure, reference, time, office, lookupUrl }: SubmissionAckProps) {
  return (
    <EmailLayout
      lang={lang}
      preview={t("submissions.email.preview", { procedure, reference })}
      siteName={t("meta.siteName")}
      signature={t("submissions.email.signature")}
      automated={t("submissions.email.automated")}
    >
      <Text>{name ? t("submissions.email.greeting", { name }) : t("submissions.email.greetingNoName")}</Text>
      <Text>{t("submissions.email.body", { procedure, time, office, reference })}</Text>
      <Text>
        {t("submissions.email.follow")} <Link href={lookupUrl}>{lookupUrl}</Link>
      </Text>
      <Text>{t("submissions.email.keepCode")}</Text>
    </EmailLayout>
  );
}
