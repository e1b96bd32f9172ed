import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createOrganisationFromForm, loadMyOrganisations } from "../server/organisations.server";
import { TextField } from "../components/forms";
import { ProblemSummary, useFieldError } from "../components/organisations";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["organisations"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.organisations.list.title);

export const loader = (args: LoaderFunctionArgs) => loadMyOrganisations(args);

export const action = (args: ActionFunctionArgs) => createOrganisationFromForm(args);

/** `/to-chuc`: the organisations the signed-in citizen belongs to, and the form to create one. */
export default function MyOrganisations() {
  const { t } = useTranslation();
  const { organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fieldError = useFieldError(result?.problems);
  return (
    <div>
      <h1>{t("organisations.list.title")}</h1>
      <p className="lead">{t("organisations.list.lead")}</p>
      {organisations.length === 0 ? (
        <p>{t("organisations.list.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="orgs-caption" tabIndex={0}>
          <table>
            <caption id="orgs-caption" className="visually-hidden">
              {t("organisations.list.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("organisations.list.name")}</th>
                <th scope="col">{t("organisations.list.taxCode")}</th>
                <th scope="col">{t("organisations.list.role")}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={paths.organisations.org(o.id)}>{o.name}</Link>
                  </td>
                  <td>{o.taxCode}</td>
                  <td>{t(`organisations.roles.${o.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="create-heading">{t("organisations.list.createHeading")}</h2>
      <p>{t("organisations.list.createLead")}</p>
      <ProblemSummary problems={result?.problems} ids={{ name: "name", taxCode: "taxCode" }} />
      <Form method="post" className="narrow" aria-labelledby="create-heading" noValidate>
        <TextField
          label={t("organisations.list.name")}
          hint={t("organisations.list.nameHint")}
          id="name"
          name="name"
          defaultValue={result?.values.name ?? ""}
          error={fieldError("name")}
          autoComplete="organization"
          required
          maxLength={200}
        />
        <TextField
          label={t("organisations.list.taxCode")}
          hint={t("organisations.list.taxCodeHint")}
          id="taxCode"
          name="taxCode"
          defaultValue={result?.values.taxCode ?? ""}
          error={fieldError("taxCode")}
          inputMode="numeric"
          required
          maxLength={20}
        />
        <button type="submit" className="button">
          {t("organisations.list.create")}
        </button>
      </Form>
    </div>
  );
}
