import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadMyConsent, submitMyConsent } from "../server/service.server";
import { ServiceProofList, ServiceReceiptLinks } from "../components/service-proof";
import { ErrorSummary, FieldMessages, describedBy } from "../components/forms";
import { formatDate } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths, servicePaths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["service", "workflow.documents", "mycases"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.service.consent.heading);

/** The party's consent to electronic service on their own case, and the documents served (ADR 074). */
export const loader = (args: LoaderFunctionArgs) => loadMyConsent(args);

export async function action(args: ActionFunctionArgs) {
  return data(await submitMyConsent(args), { status: 400 });
}

export default function MyCaseService() {
  const { t } = useTranslation();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const error = result?.error === "email" ? t("service.consent.errors.email") : undefined;
  return (
    <div className="my-case-service">
      <p>
        <Link to={paths.myCases.case(page.reference)}>{page.reference}</Link>
      </p>
      {error ? <ErrorSummary errors={[{ name: "email", id: "f-email", message: error }]} /> : null}
      <h1>{t("service.consent.heading")}</h1>
      {params.get("luu") === "1" ? (
        <p className="notice" role="status">
          {t("mycases.case.notifySaved")}
        </p>
      ) : null}
      {page.consent ? (
        <>
          <p>{t("service.consent.given", { date: formatDate(page.consent.givenAt, locale), email: page.consent.email })}</p>
          <Form method="post" reloadDocument>
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="button secondary">
              {t("service.consent.withdraw")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>{t("service.consent.none")}</p>
          <p>
            <Link to={servicePaths.info}>{t("service.info.title")}</Link>
          </p>
          <Form method="post" reloadDocument noValidate>
            <input type="hidden" name="intent" value="give" />
            <div className={error ? "field field-error" : "field"}>
              <label htmlFor="f-email">{t("service.consent.email")}</label>
              <FieldMessages id="f-email" error={error} />
              <input
                id="f-email"
                name="email"
                type="email"
                autoComplete="email"
                defaultValue={result?.values.email ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy("f-email", undefined, error)}
              />
            </div>
            <button type="submit" className="button">
              {t("service.consent.give")}
            </button>
          </Form>
        </>
      )}
      {page.services.map((s) => (
        <section key={s.id} aria-label={t("service.served.title")}>
          <h2>{t("service.served.title")}</h2>
          <ServiceProofList proof={s} locale={locale} />
          {s.method === "electronic" ? (
            <p>
              <Link to={servicePaths.served(s.id)}>{t("service.served.open")}</Link>
            </p>
          ) : (
            <p>{t(`service.staff.paperMethods.${s.paperMethod ?? "direct"}` as "service.staff.paperMethods.direct")}</p>
          )}
          <ServiceReceiptLinks code={s.receiptCode} />
        </section>
      ))}
    </div>
  );
}
