import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { importNotices, loadNoticeImport } from "../server/payments.server";
import { CSV_COLUMNS } from "../../server/payments/browser";
import { SelectField } from "../components/payments";
import { translateError } from "../components/forms";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.errors", "payments.import", "payments.lookup", "payments.notice", "payments.staff"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.payments.staff.importTitle);

export const loader = (args: LoaderFunctionArgs) => loadNoticeImport(args);

export const action = (args: ActionFunctionArgs) => importNotices(args);

export default function ImportNotices() {
  const { t } = useTranslation();
  const { agencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const problems = actionData?.problems ?? [];
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) ref.current?.focus();
  }, [problems]);
  return (
    <div>
      <h1>{t("payments.staff.importTitle")}</h1>
      <p className="lead">{t("payments.staff.importLead")}</p>
      {problems.length ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="import-problems-title">
          <h2 id="import-problems-title">{t("payments.staff.problemsTitle", { count: problems.length })}</h2>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("payments.staff.line")}</th>
                  <th scope="col">{t("payments.staff.column")}</th>
                  <th scope="col">{t("payments.staff.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.line || "–"}</td>
                    <td>{p.column ?? "–"}</td>
                    <td>{translateError(t, p.error)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      <h2>{t("payments.staff.columnsHeading")}</h2>
      <ul className="csv-columns">
        {CSV_COLUMNS.map((c) => (
          <li key={c}>
            <code>{c}</code>: {t(`payments.staff.columns.${c}`)}
          </li>
        ))}
      </ul>
      <Form method="post" encType="multipart/form-data" className="narrow">
        {agencies.length > 1 ? (
          <SelectField label={t("payments.staff.agency")} id="agencyId" name="agencyId" options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
        ) : (
          <input type="hidden" name="agencyId" value={agencies[0]!.id} />
        )}
        <div className="field">
          <label htmlFor="file">{t("payments.staff.file")}</label>
          <input type="file" id="file" name="file" accept=".csv,text/csv" required />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("payments.staff.upload")}
          </button>
          <Link to={paths.staff.notices} className="button secondary">
            {t("payments.staff.back")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
