import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadMyCase, submitMyCase } from "../server/tracking.server";
import { CaseStatus } from "../components/case-status";
import { SatisfactionQuestion } from "../components/satisfaction";
import { ErrorSummary, FieldMessages, describedBy } from "../components/forms";
import { formatDate } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths, servicePaths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";
import { CASE_TYPE_NAMESPACES } from "../components/case-namespaces";

export const handle: I18nHandle = { i18n: ["mycases", "status", "cases", ...CASE_TYPE_NAMESPACES, "service", "satisfaction"] };

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) =>
  pageTitle(matches, (r) => (page ? `${page.view.reference} – ${r.mycases.title}` : r.mycases.title));

/** One of the signed-in citizen's cases (ADR 067): its status and timeline, its documents, the e-mail choice. */
export async function loader(args: LoaderFunctionArgs) {
  return loadMyCase(args);
}

export async function action(args: ActionFunctionArgs) {
  return data(await submitMyCase(args), { status: 400 });
}

export default function MyCase() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { view, saved, satisfaction } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const words = (key: string) => t(`${view.content}.${key}` as never);
  const error = result?.error === "choose" ? t("mycases.case.errorChoose") : undefined;
  const chosen = result?.error === "choose" ? result.values.notify : view.notify ? "on" : "off";
  // The satisfaction question once the case is final: what was typed again after a problem (ADR 081).
  const offer = result?.error === "satisfaction" ? result.satisfaction : satisfaction;
  return (
    <div className="my-case">
      <p>
        <Link to={paths.myCases.list}>{t("mycases.case.back")}</Link>
      </p>
      {error ? <ErrorSummary errors={[{ name: "notify", id: "f-notify", message: error }]} /> : null}
      <h1>{view.reference}</h1>
      <CaseStatus view={view}>
        <p className="hint">{t("mycases.case.fullNameNote")}</p>
        {offer ? <SatisfactionQuestion offer={offer} /> : null}
        {view.filingPdf ? (
          <p>
            <a href={paths.myCases.filingPdf(view.reference)}>{t("mycases.case.filingPdf")}</a>
          </p>
        ) : null}
        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t("mycases.case.documentsHeading")}</h2>
          {view.documents.length === 0 ? (
            <p>{t("mycases.case.documentsNone")}</p>
          ) : (
            <ul>
              {view.documents.map((d) => (
                <li key={d.seq}>
                  {words(`events.${d.event}.title`)} · {formatDate(d.at, locale)}{" "}
                  <a href={paths.myCases.document(view.reference, d.seq)} aria-label={`${t("mycases.documents.download")}: ${words(`events.${d.event}.title`)}`}>
                    {t("mycases.documents.download")}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
        <p>
          <Link to={servicePaths.consent(view.reference)}>{t("service.consent.heading")}</Link>
        </p>
        <section aria-labelledby="thong-bao" className="case-notify">
          <h2 id="thong-bao">{t("mycases.case.notifyHeading")}</h2>
          {saved ? (
            <p className="notice" role="status">
              {t("mycases.case.notifySaved")}
            </p>
          ) : null}
          <p>{view.applicantEmail ? t("mycases.case.notifyLead", { email: view.applicantEmail }) : t("mycases.case.notifyNoEmail")}</p>
          <p>{view.notify ? t("mycases.case.notifyNowOn") : t("mycases.case.notifyNowOff")}</p>
          <Form method="post" reloadDocument>
            <fieldset className={error ? "radios field-error" : "radios"} id="f-notify" aria-describedby={describedBy("f-notify", undefined, error)}>
              <legend>{t("mycases.case.notifyLegend")}</legend>
              <FieldMessages id="f-notify" error={error} />
              <div className="radio">
                <input type="radio" id="f-notify-on" name="notify" value="on" defaultChecked={chosen === "on"} aria-invalid={error ? true : undefined} />
                <label htmlFor="f-notify-on">{t("mycases.case.notifyOn")}</label>
              </div>
              <div className="radio">
                <input type="radio" id="f-notify-off" name="notify" value="off" defaultChecked={chosen === "off"} aria-invalid={error ? true : undefined} />
                <label htmlFor="f-notify-off">{t("mycases.case.notifyOff")}</label>
              </div>
            </fieldset>
            <button type="submit" className="button">
              {t("mycases.case.notifySave")}
            </button>
          </Form>
        </section>
      </CaseStatus>
    </div>
  );
}
