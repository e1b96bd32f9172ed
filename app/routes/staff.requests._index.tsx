import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadOfficeList } from "../server/filing.server";
import { formatDateTime } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.filing.staff.title, { site: false });
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["filing.common", "filing.staff"] };


export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadOfficeList(request, context);
}

export default function OfficeRequests() {
  const { offices, requests } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <p>
        <Link to={paths.staff.home} className="back-link">
          {t("filing.common.back")}
        </Link>
      </p>
      <h1>{t("filing.staff.title")}</h1>
      {offices.length === 0 ? <p>{t("filing.staff.notClerk")}</p> : <p>{t("filing.staff.lead", { agency: offices.join(", ") })}</p>}
      {requests.length === 0 ? (
        <p className="empty">{t("filing.staff.none")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("filing.staff.reference")}</th>
                <th scope="col">{t("filing.staff.submittedAt")}</th>
                <th scope="col">{t("filing.staff.applicant")}</th>
                <th scope="col">{t("filing.staff.debtor")}</th>
                <th scope="col">{t("filing.staff.court")}</th>
                <th scope="col">{t("filing.staff.status")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={paths.staff.request(r.id)} aria-label={t("filing.staff.open", { reference: r.reference })}>
                      {r.reference}
                    </Link>
                  </td>
                  <td>{formatDateTime(r.submittedAt, locale)}</td>
                  <td>{r.applicantName}</td>
                  <td>{r.debtorName}</td>
                  <td>{r.courtName}</td>
                  <td>{t(`filing.staff.statuses.${r.status as "submitted"}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
