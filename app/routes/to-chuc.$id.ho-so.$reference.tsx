import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadOrganisationCase } from "../server/organisations.server";
import { CaseStatus } from "../components/case-status";
import { OrganisationNav } from "../components/organisations";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["organisations", "cases", "status"] };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (r) => (data ? r.organisations.case.title.replace("{{reference}}", data.view.reference) : null));

export const loader = (args: LoaderFunctionArgs) => loadOrganisationCase(args);

/** `/to-chuc/:id/ho-so/:reference`: one case the organisation follows, as its parties see it. */
export default function OrganisationCase() {
  const { t } = useTranslation();
  const { organisation, view } = useLoaderData<typeof loader>();
  return (
    <div>
      <OrganisationNav organisation={organisation} />
      <h1>{t("organisations.case.title", { reference: view.reference })}</h1>
      <CaseStatus view={view} />
      <p>
        <Link to={paths.organisations.org(organisation.id)}>{t("organisations.case.back")}</Link>
      </p>
    </div>
  );
}
