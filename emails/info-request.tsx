import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

export type InfoRequestEmailProps = {
  t: TFunction;
  lang: string;
  name: string;
  office: string;
  reference: string;
  message: string;
  /** The documents asked for, already in words. */
  documents: string[];
  url: string;
  /** The last day the link works (dd/mm/yyyy). */
  until: string;
};

export function infoRequestSubject(t: TFunction, reference: string): string {
  return t("answers.email.subject", { reference });
}

/** The office asks the applicant for more information or documents (case event askForMore): what, which, until when, and the link. */
export default function InfoRequestEmail(p: InfoRequestEmailProps) {
  const { t } = p;
  return (
    <EmailLayout
      lang={p.lang}
      preview={t("answers.email.preview", { reference: p.reference })}
      siteName={t("meta.siteName")}
      signature={t("answers.email.signature")}
      automated={t("answers.email.automated")}
    >
      <Text>{t("answers.email.greeting", { name: p.name })}</Text>
      <Text>{t("answers.email.body", { office: p.office, reference: p.reference })}</Text>
      {p.message ? (
        <>
          <Text style={{ fontWeight: 700, marginBottom: 0 }}>{t("answers.email.question")}</Text>
          <Text style={{ whiteSpace: "pre-line", marginTop: 4 }}>{p.message}</Text>
        </>
      ) : null}
      {p.documents.length ? (
        <>
          <Text style={{ fontWeight: 700, marginBottom: 0 }}>{t("answers.email.documents")}</Text>
          <ul>
            {p.documents.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Text>{t("answers.email.clock")}</Text>
      <Text>{t("answers.email.link", { date: p.until })}</Text>
      <Text>
        <Link href={p.url}>{p.url}</Link>
      </Text>
      <Text>{t("answers.email.account")}</Text>
      <Text>{t("answers.email.ifNotYou")}</Text>
    </EmailLayout>
  );
}
