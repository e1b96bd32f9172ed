import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { bulkLookupAction, loadBulkLookup } from "../server/organisations.server";
import { describedBy, FieldMessages } from "../components/forms";
import { OrganisationNav, ProblemSummary, useFieldError } from "../components/organisations";
import { pageTitle, useLocale } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["organisations"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.organisations.bulk.title);

export const loader = (args: LoaderFunctionArgs) => loadBulkLookup(args);

export const action = (args: ActionFunctionArgs) => bulkLookupAction(args);

/** `/to-chuc/:id/tra-cuu-hang-loat`: upload a CSV of lookup pairs (a plain multipart form). */
export default function BulkLookup() {
  const { t } = useTranslation();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fileError = useFieldError(result?.problems)("file");
  const hint = t("organisations.bulk.limits", { rows: page.maxRows.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB"), mb: page.maxMb });
  return (
    <div className="organisation-page">
      <OrganisationNav organisation={page.organisation} />
      <h1>{t("organisations.bulk.title")}</h1>
      <p className="lead">{t("organisations.bulk.lead")}</p>
      <h2>{t("organisations.bulk.columnsHeading")}</h2>
      <p>{t("organisations.bulk.columns")}</p>
      <p>{t("organisations.bulk.example")}:</p>
      <pre className="csv-example">{"Mã hồ sơ;Mã tra cứu\nYC-2026-000123;ABCD-EFGH-JKLM-NPQR"}</pre>
      <ProblemSummary problems={result?.problems} ids={{ file: "file" }} />
      <Form method="post" encType="multipart/form-data" className="narrow">
        <div className={fileError ? "field field-error" : "field"}>
          <label htmlFor="file">{t("organisations.bulk.file")}</label>
          <FieldMessages id="file" hint={hint} error={fileError} />
          <input type="file" id="file" name="file" accept=".csv,text/csv" required aria-invalid={fileError ? true : undefined} aria-describedby={describedBy("file", hint, fileError)} />
        </div>
        <div className="field">
          <div className="choice">
          <input type="checkbox" id="follow" name="follow" value="1" defaultChecked={result?.values.follow ?? false} />
          <label htmlFor="follow">{t("organisations.bulk.follow")}</label>
          </div>
        </div>
        <button type="submit" className="button">
          {t("organisations.bulk.submit")}
        </button>
      </Form>
    </div>
  );
}
