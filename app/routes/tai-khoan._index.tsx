import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadAccountWithTasks } from "../server/answers.server";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.account.page.title, { site: false });
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["account.page", "answers", "organisations"] };


export async function loader(args: LoaderFunctionArgs) {
  return loadAccountWithTasks(args);
}

const STATUSES = ["submitted", "accepted", "rejected", "more_info"] as const;

export default function Account() {
  const { t } = useTranslation();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const location = useLocation();
  const ends = formatDateTime(page.expiresAt, locale);

  return (
    <div className="account-page">
      <h1>{t("account.page.title")}</h1>
      <p className="notice" role="status">
        {page.extended ? t("account.page.extended", { time: ends }) : t("account.page.signedIn")}
      </p>
      <dl className="summary-list">
        <div className="summary-row">
          <dt>{t("account.page.email")}</dt>
          <dd>{page.email ?? t("account.page.noEmail")}</dd>
        </div>
        {page.fullName ? (
          <div className="summary-row">
            <dt>{t("account.page.name")}</dt>
            <dd>{page.fullName}</dd>
          </div>
        ) : null}
      </dl>

      <p>
        <Link to={paths.myCases.list} className="button">
          {t("account.nav.myCases")}
        </Link>
      </p>

      <section aria-labelledby="tasks-heading" className="account-tasks">
        <h2 id="tasks-heading">{t("answers.account.heading")}</h2>
        {page.tasks.length === 0 ? (
          <p>{t("answers.account.none")}</p>
        ) : (
          <ul>
            {page.tasks.map((task) => (
              <li key={task.id}>
                {t("answers.account.item", { reference: task.reference, office: task.office, date: formatDate(task.expiresAt, locale) })}{" "}
                <Link to={task.href} aria-label={`${t("answers.account.open")}: ${task.reference}`}>
                  {t("answers.account.open")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{t("organisations.accountLink")}</h2>
        <p>{t("organisations.accountLinkLead")}</p>
        <p>
          <Link to={paths.organisations.list}>{t("organisations.accountLink")}</Link>
        </p>
      </section>

      <section aria-labelledby="session-heading" className="account-session">
        <h2 id="session-heading">{t("account.page.sessionHeading")}</h2>
        <p>{t("account.page.sessionEnds", { time: ends })}</p>
        <Form method="post" action={paths.accountExtend} reloadDocument>
          <input type="hidden" name="redirectTo" value={location.pathname} />
          <button type="submit" className="button secondary">
            {t("account.page.extend")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">{t("account.page.draftsHeading")}</h2>
        {page.drafts.length === 0 ? (
          <p>{t("account.page.noDrafts")}</p>
        ) : (
          <>
            <ul>
              {page.drafts.map((d) => (
                <li key={d.id}>{t("account.page.draftLine", { time: formatDateTime(d.updatedAt, locale), count: d.completed })}</li>
              ))}
            </ul>
            <p>
              <Link to={paths.filing.start} className="button">
                {t("account.page.continueDraft")}
              </Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t("account.page.requestsHeading")}</h2>
        {page.requests.length === 0 ? (
          <p>{t("account.page.noRequests")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="requests-heading" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("account.page.reference")}</th>
                  <th scope="col">{t("account.page.submittedAt")}</th>
                  <th scope="col">{t("account.page.office")}</th>
                  <th scope="col">{t("account.page.status")}</th>
                </tr>
              </thead>
              <tbody>
                {page.requests.map((r) => (
                  <tr key={r.reference}>
                    <td>
                      <Link to={paths.myCases.case(r.reference)}>{r.reference}</Link>
                    </td>
                    <td>{formatDateTime(r.submittedAt, locale)}</td>
                    <td>{r.agencyName}</td>
                    <td>
                      {STATUSES.includes(r.status as (typeof STATUSES)[number])
                        ? t(`account.page.statuses.${r.status as (typeof STATUSES)[number]}`)
                        : r.status}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="sign-out-heading">
        <h2 id="sign-out-heading">{t("account.page.signOutHeading")}</h2>
        <p>{t("account.page.activeSessions", { count: page.activeSessions })}</p>
        <div className="button-row">
          <Form method="post" action={paths.accountSignOut} reloadDocument>
            <button type="submit" className="button">
              {t("account.page.signOut")}
            </button>
          </Form>
          <Form method="post" action={paths.accountSignOut} reloadDocument>
            <input type="hidden" name="everywhere" value="1" />
            <button type="submit" className="button secondary">
              {t("account.page.signOutEverywhere")}
            </button>
          </Form>
        </div>
      </section>
    </div>
  );
}
