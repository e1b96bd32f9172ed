import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadBulkRun } from "../server/organisations.server";
import { OrganisationNav } from "../components/organisations";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["organisations", "cases"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.organisations.bulk.resultTitle);

export const loader = (args: LoaderFunctionArgs) => loadBulkRun(args);

/** `/to-chuc/:id/tra-cuu-hang-loat/:run`: one kept bulk lookup's answers, line by line, and its CSV. */
export default function BulkRunPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { organisation, run, csv, paging } = useLoaderData<typeof loader>();
  return (
    <div>
      <OrganisationNav organisation={organisation} />
      <h1>{t("organisations.bulk.resultTitle")}</h1>
      <p className="notice" role="status">
        {t("organisations.bulk.summary", { rows: run.total, found: run.found, notFound: run.notFound })}
        {run.followed ? <> {t("organisations.bulk.followed", { count: run.followed })}</> : null}
      </p>
      <p>{t("organisations.bulk.kept", { time: formatDateTime(run.expiresAt, locale) })}</p>
      <p className="button-row">
        <a href={csv} className="button" download>
          {t("organisations.bulk.download")}
        </a>
        <Link to={paths.organisations.bulk(organisation.id)} className="button secondary">
          {t("organisations.bulk.again")}
        </Link>
      </p>
      {paging.previous || paging.next ? <p>{t("organisations.bulk.showing", { from: paging.from, to: paging.to, total: run.total })}</p> : null}
      <div className="table-scroll" role="region" aria-labelledby="bulk-caption" tabIndex={0}>
        <table className="bulk-result">
          <caption id="bulk-caption">{t("organisations.bulk.resultTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("organisations.bulk.line")}</th>
              <th scope="col">{t("organisations.cases.reference")}</th>
              <th scope="col">{t("organisations.bulk.result")}</th>
              <th scope="col">{t("organisations.cases.state")}</th>
              <th scope="col">{t("organisations.cases.office")}</th>
              <th scope="col">{t("organisations.bulk.officer")}</th>
              <th scope="col">{t("organisations.bulk.caseNumber")}</th>
              <th scope="col">{t("organisations.bulk.lastEventAt")}</th>
            </tr>
          </thead>
          <tbody>
            {run.rows.map((row) => {
              const f = row.found;
              return (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{f ? <Link to={paths.organisations.case(organisation.id, f.reference)}>{f.reference}</Link> : row.reference}</td>
                  {f ? (
                    <>
                      <td>{t("organisations.bulk.found")}</td>
                      <td>{t(`${f.content}.states.${f.state}` as never)}</td>
                      <td>{f.office.name}</td>
                      <td>{f.officerName ?? "–"}</td>
                      <td>{f.caseNumber ?? "–"}</td>
                      <td>{f.lastEvent ? formatDate(f.lastEvent.at, locale) : "–"}</td>
                    </>
                  ) : (
                    <td colSpan={6}>{t("organisations.bulk.notFound")}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {paging.previous || paging.next ? (
        <nav aria-label={t("organisations.bulk.pages")}>
          <p className="button-row">
            {paging.previous ? <Link to={paging.previous}>{t("organisations.bulk.previous")}</Link> : null}
            {paging.next ? <Link to={paging.next}>{t("organisations.bulk.next")}</Link> : null}
          </p>
        </nav>
      ) : null}
    </div>
  );
}
