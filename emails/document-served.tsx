import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

export type DocumentServedProps = {
  t: TFunction;
  lang: string;
  name: string;
  reference: string;
  document: string;
  office: string;
  time: string;
  dueOn: string;
  /** The served document's page on the portal (sign-in or the lookup pair): never the document itself. */
  openUrl: string;
};

export const documentServedSubject = (t: TFunction, reference: string): string => t("service.email.subject", { reference });

/** "A document awaits you" (ADR 074): a link to the portal, never the document attached. */
export default function DocumentServedEmail({ t, lang, name, reference, document, office, time, dueOn, openUrl }: DocumentServedProps) {
  return (
    <EmailLayout
      lang={lang}
      preview={t("service.email.preview", { reference })}
      siteName={t("meta.siteName")}
      signature={t("service.email.signature")}
      automated={t("service.email.automated")}
    >
      <Text>{t("service.email.greeting", { name })}</Text>
      <Text>{t("service.email.body", { office, document, reference, time })}</Text>
      <Text>
        {t("service.email.open", { dueOn })} <Link href={openUrl}>{openUrl}</Link>
      </Text>
      <Text>{t("service.email.paper")}</Text>
    </EmailLayout>
  );
}
