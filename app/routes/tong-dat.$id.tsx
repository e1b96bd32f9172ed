import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadServedPage } from "../server/service.server";
import { ServiceProofList, ServiceReceiptLinks } from "../components/service-proof";
import { ErrorSummary, FieldMessages, describedBy } from "../components/forms";
import { pageTitle, useLocale } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["service", "workflow.documents"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.service.served.title);

/**
 * A served document (ADR 074): its proof for the party or the office; the lookup-pair form when signed out
 * (after a wrong pair, its message with the reference kept). The forms post to the resource route
 * `/tong-dat/:id/mo`, whose answer is the PDF itself (the party's first opening is recorded there).
 */
export const loader = (args: LoaderFunctionArgs) => loadServedPage(args);

export default function ServedDocument() {
  const { t } = useTranslation();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const error = page.wrongPair ? t("service.served.wrongPair") : undefined;
  return (
    <div className="served-document">
      <h1>{t("service.served.title")}</h1>
      {page.proof ? (
        <>
          <ServiceProofList proof={page.proof} locale={locale} />
          <Form method="post" action={page.openPath} reloadDocument>
            <button type="submit" className="button">
              {t("service.served.open")}
            </button>
          </Form>
          <ServiceReceiptLinks code={page.proof.receiptCode} />
        </>
      ) : (
        <>
          {error ? <ErrorSummary errors={[{ name: "reference", id: "f-reference", message: error }]} /> : null}
          <h2>{t("service.served.proveHeading")}</h2>
          <Form method="post" action={page.openPath} reloadDocument>
            <div className={error ? "field field-error" : "field"}>
              <label htmlFor="f-reference">{t("service.served.reference")}</label>
              <FieldMessages id="f-reference" error={error} />
              <input
                id="f-reference"
                name="reference"
                autoComplete="off"
                defaultValue={page.reference}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy("f-reference", undefined, error)}
              />
            </div>
            <div className="field">
              <label htmlFor="f-access-code">{t("service.served.accessCode")}</label>
              <input id="f-access-code" name="accessCode" autoComplete="off" />
            </div>
            <button type="submit" className="button">
              {t("service.served.prove")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
