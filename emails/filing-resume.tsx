import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

export type FilingResumeProps = { t: TFunction; lang: string; url: string; time: string };

/** "Save and continue later": the link that opens the draft on any device until it expires. */
export default function FilingResumeEmail({ t, lang, url, time }: FilingResumeProps) {
  return (
    <EmailLayout
      lang={lang}
      preview={t("filing.email.resume.preview")}
      siteName={t("meta.siteName")}
      signature={t("filing.email.resume.signature")}
      automated={t("filing.email.resume.automated")}
    >
      <Text>{t("filing.email.resume.body", { time })}</Text>
      <Text>
        <Link href={url}>{url}</Link>
      </Text>
      <Text>{t("filing.email.resume.ifNotYou")}</Text>
    </EmailLayout>
  );
}
