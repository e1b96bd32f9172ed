import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

export type SignInAlertProps = { t: TFunction; lang: string; name: string; time: string; ip: string };

export function signInAlertSubject(t: TFunction): string {
  return t("email.signInAlert.subject");
}

export default function SignInAlertEmail({ t, lang, name, time, ip }: SignInAlertProps) {
  return (
    <EmailLayout
      lang={lang}
      preview={t("email.signInAlert.preview", { time })}
      siteName={t("meta.siteName")}
      signature={t("email.signInAlert.signature")}
      automated={t("email.signInAlert.automated")}
    >
      <Text>{t("email.signInAlert.greeting", { name })}</Text>
      <Text>{t("email.signInAlert.body", { time, ip })}</Text>
      <Text>{t("email.signInAlert.ifNotYou")}</Text>
    </EmailLayout>
  );
}
