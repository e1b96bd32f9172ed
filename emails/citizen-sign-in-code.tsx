import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

export type CitizenSignInCodeProps = { t: TFunction; lang: string; code: string; minutes: number };

const codeStyle = { fontSize: "32px", fontWeight: 700, letterSpacing: "6px", margin: "16px 0" };

export function citizenSignInCodeSubject(t: TFunction, code: string): string {
  return t("account.email.subject", { code });
}

/** The 6-digit sign-in code: valid a few minutes, used once. */
export default function CitizenSignInCodeEmail({ t, lang, code, minutes }: CitizenSignInCodeProps) {
  return (
    <EmailLayout
      lang={lang}
      preview={t("account.email.preview", { minutes })}
      siteName={t("meta.siteName")}
      signature={t("account.email.signature")}
      automated={t("account.email.automated")}
    >
      <Text>{t("account.email.body")}</Text>
      <Text style={codeStyle}>{code}</Text>
      <Text>{t("account.email.validity", { minutes })}</Text>
      <Text>{t("account.email.ifNotYou")}</Text>
    </EmailLayout>
  );
}
