import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadServiceReceiptCheck } from "../server/service.server";
import { SummaryList } from "../components/summary-list";
import { formatDateTime } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["service", "workflow.documents"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.service.verify.title);

/** The public verification page behind a receipt of service's QR code (ADR 080); a 404 page for an unknown code. */
export const loader = (args: LoaderFunctionArgs) => loadServiceReceiptCheck(args);

export default function VerifyServiceReceipt() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { check, jwksUrl } = useLoaderData<typeof loader>();
  if (!check) {
    return (
      <div className="narrow">
        <h1>{t("service.verify.notFoundTitle")}</h1>
        <p>{t("service.verify.notFoundBody")}</p>
      </div>
    );
  }
  const r = check.receipt;
  const method = !r
    ? ""
    : r.method === "paper" && r.paperMethod
      ? `${t("service.receipt.methods.paper")} (${t(`service.staff.paperMethods.${r.paperMethod}` as "service.staff.paperMethods.direct")})`
      : t(`service.receipt.methods.${r.method}`);
  const hash = (h: string) => (
    <code className="hash" style={{ overflowWrap: "anywhere" }}>
      {h}
    </code>
  );
  return (
    <div className="narrow">
      <p className="muted">{t("service.verify.title")}</p>
      <div className={`result-panel result-${r ? "ok" : "problem"}`} role="status" data-verdict={check.verdict}>
        <h1>{r ? t("service.verify.valid") : t("service.verify.invalid")}</h1>
        <p>{r ? t("service.verify.validBody") : t("service.verify.invalidBody")}</p>
      </div>
      <p>{t("service.verify.lead")}</p>
      {r ? (
        <>
          <h2>{t("service.verify.signedHeading")}</h2>
          <SummaryList
            rows={[
              [t("service.receipt.code"), check.printedCode],
              [t("service.receipt.office"), r.office],
              [t("service.receipt.party"), r.party],
              [t("service.receipt.reference"), r.reference],
              [t("service.receipt.document"), String(t(`workflow.documents.names.${r.document}` as never, { defaultValue: r.documentTitle } as never))],
              [t("service.receipt.method"), method],
              [t("service.receipt.servedAt"), formatDateTime(r.servedAt, locale)],
              ...(r.openedAt ? ([[t("service.receipt.openedAt"), formatDateTime(r.openedAt, locale)]] as [string, string][]) : []),
              [t("service.receipt.sha256"), hash(r.sha256)],
              ...(r.openedSha256 ? ([[t("service.receipt.openedSha256"), hash(r.openedSha256)]] as [string, JSX.Element][]) : []),
            ]}
          />
          {check.pdf ? (
            <p>
              <a href={check.pdf}>{t("service.receipt.pdf")}</a>
            </p>
          ) : null}
          <h2>{t("service.verify.technicalHeading")}</h2>
          <SummaryList
            rows={[
              [t("service.verify.algorithm"), `ES256 / EdDSA · ${check.kid ?? ""}`],
              [t("service.verify.issuer"), check.issuer ?? ""],
              [t("service.verify.keys"), <a key="jwks" href={jwksUrl}>{jwksUrl}</a>],
            ]}
          />
        </>
      ) : null}
      <p>{t("service.verify.howTo", { url: jwksUrl })}</p>
      <p>
        <a href={check.jws}>{t("service.verify.rawJws")}</a>
      </p>
    </div>
  );
}
