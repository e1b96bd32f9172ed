import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadStaffService, submitStaffService } from "../server/service.server";
import { ServiceProofList, ServiceReceiptLinks } from "../components/service-proof";
import { ErrorSummary } from "../components/forms";
import { pageTitle, useLocale } from "../utils/page";
import { formatDate } from "../../vocabulary/format";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["service", "workflow.documents"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.service.staff.heading);

/** The officer's service of a case's documents (ADR 074): serve electronically, see the proof, record paper service. */
export const loader = (args: LoaderFunctionArgs) => loadStaffService(args);

export async function action(args: ActionFunctionArgs) {
  return data(await submitStaffService(args), { status: 400 });
}

export default function StaffCaseService() {
  const { t } = useTranslation();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const docName = (d: string) => String(t(`workflow.documents.names.${d}` as never, { defaultValue: t("workflow.documents.names.other") } as never));
  const errorText = result ? t(`service.staff.errors.${result.error}` as never) : undefined;
  return (
    <div className="staff-service">
      <p>
        <Link to={page.casePath}>{page.reference}</Link>
      </p>
      {errorText ? <ErrorSummary errors={[]} formError={errorText} /> : null}
      <h1>{t("service.staff.heading")}</h1>
      <p>{page.consent ? t("service.staff.consentYes", { email: page.consent.email }) : t("service.staff.consentNo")}</p>
      {page.documents.map((d) => {
        const served = page.services.filter((s) => s.documentSeq === d.seq);
        const electronic = served.find((s) => s.method === "electronic");
        const paper = served.find((s) => s.method === "paper");
        const paperDue = page.paperDue.includes(d.seq) || (!page.consent && !electronic && !paper);
        return (
          <section key={d.seq} aria-labelledby={`doc-${d.seq}`}>
            <h2 id={`doc-${d.seq}`}>{docName(d.document)}</h2>
            {electronic ? <ServiceProofList proof={electronic} locale={locale} /> : null}
            {electronic && !(paper && !electronic.openedAt) ? <ServiceReceiptLinks code={electronic.receiptCode} /> : null}
            {electronic?.bouncedAt ? <p className="warning">{t("service.staff.bounced")}</p> : null}
            {!electronic && page.consent ? (
              <Form method="post" reloadDocument>
                <input type="hidden" name="intent" value="serve" />
                <input type="hidden" name="seq" value={d.seq} />
                <button type="submit" className="button">
                  {t("service.staff.serve")}
                </button>
              </Form>
            ) : null}
            {paper ? <p>{t(`service.staff.paperMethods.${paper.paperMethod}` as never)} · {formatDate(paper.servedAt, locale)}</p> : null}
            {paper ? <ServiceReceiptLinks code={paper.receiptCode} /> : null}
            {paperDue && !paper ? (
              <Form method="post" reloadDocument>
                <fieldset>
                  <legend>{t("service.staff.paperDue")}</legend>
                  <input type="hidden" name="intent" value="paper" />
                  <input type="hidden" name="seq" value={d.seq} />
                  <div className="field">
                    <label htmlFor={`f-on-${d.seq}`}>{t("service.staff.paperOn")}</label>
                    <input id={`f-on-${d.seq}`} name="servedOn" type="date" defaultValue={result?.values.seq === String(d.seq) ? result.values.servedOn : ""} />
                  </div>
                  <div className="field">
                    <label htmlFor={`f-method-${d.seq}`}>{t("service.staff.paperMethod")}</label>
                    <select id={`f-method-${d.seq}`} name="method" defaultValue={result?.values.method ?? "direct"}>
                      {(["direct", "post", "posting"] as const).map((m) => (
                        <option key={m} value={m}>
                          {t(`service.staff.paperMethods.${m}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="button">
                    {t("service.staff.recordPaper")}
                  </button>
                </fieldset>
              </Form>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
