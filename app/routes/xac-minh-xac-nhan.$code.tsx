import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadCertificateCheck } from "../server/confirmation.server";
import { SummaryList } from "../components/summary-list";
import { formatDateTime, formatMoney } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["confirmation"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.confirmation.verify.title);

/** The public verification page behind a certificate's QR code (ADR 077, 080): a 404 page for an unknown code. */
export const loader = (args: LoaderFunctionArgs) => loadCertificateCheck(args);

const money = (digits: string, locale: "vi" | "en") => (/^\d{1,18}$/.test(digits) ? formatMoney(BigInt(digits), locale) : digits);

export default function VerifyCertificate() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { check, jwksUrl } = useLoaderData<typeof loader>();
  const another = (
    <p>
      <a href={paths.verifyCertificate.form}>{t("confirmation.verify.otherCode")}</a>
    </p>
  );
  if (!check) {
    return (
      <div className="narrow">
        <h1>{t("confirmation.verify.notFoundTitle")}</h1>
        <p>{t("confirmation.verify.notFoundBody")}</p>
        {another}
      </div>
    );
  }
  const c = check.certificate;
  const valid = check.verdict === "valid" && c;
  return (
    <div className="narrow">
      <p className="muted">{t("confirmation.verify.title")}</p>
      <div className={`result-panel result-${valid ? "ok" : "problem"}`} role="status" data-verdict={check.verdict}>
        <h1>{valid ? t("confirmation.verify.valid") : t("confirmation.verify.invalid")}</h1>
        <p>{valid ? t("confirmation.verify.validBody") : t("confirmation.verify.invalidBody")}</p>
      </div>
      <p>{t("confirmation.verify.lead")}</p>
      {c ? (
        <>
          <h2>{t("confirmation.verify.signedHeading")}</h2>
          <SummaryList
            rows={[
              [t("confirmation.verify.code"), check.printedCode],
              [t("confirmation.verify.reference"), c.reference],
              ...(c.relatedReference ? ([[t("confirmation.verify.relatedReference"), c.relatedReference]] as [string, string][]) : []),
              [t("confirmation.verify.applicant"), c.applicantName],
              [t("confirmation.verify.office"), c.office],
              [t("confirmation.verify.amountCollected"), money(c.amountCollected, locale)],
              [t("confirmation.verify.amountPaidOut"), money(c.amountPaidOut, locale)],
              [t("confirmation.verify.obligations"), c.obligations],
              [t("confirmation.verify.confirmedAt"), formatDateTime(c.confirmedAt, locale)],
            ]}
          />
          <h2>{t("confirmation.verify.technicalHeading")}</h2>
          <SummaryList
            rows={[
              [t("confirmation.verify.algorithm"), `ES256 / EdDSA · ${check.kid ?? ""}`],
              [t("confirmation.verify.keys"), <a key="jwks" href={jwksUrl}>{jwksUrl}</a>],
            ]}
          />
        </>
      ) : null}
      <p>{t("confirmation.verify.howTo", { url: jwksUrl })}</p>
      <p>
        <a href={check.jws}>{t("confirmation.verify.rawJws")}</a>
      </p>
      {another}
    </div>
  );
}
