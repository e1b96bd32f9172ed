import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadOrganisationCases, organisationCasesAction } from "../server/organisations.server";
import { SelectField, TextField } from "../components/forms";
import { OrganisationNav, ProblemSummary, useFieldError } from "../components/organisations";
import { formatDate } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["organisations", "cases", "status"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.organisations.cases.title);

export const loader = (args: LoaderFunctionArgs) => loadOrganisationCases(args);

export const action = (args: ActionFunctionArgs) => organisationCasesAction(args);

/** `/to-chuc/:id`: the cases the organisation follows (filter, search, keyset pages), "add a case", unfollow. */
export default function OrganisationCases() {
  const { t } = useTranslation();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fieldError = useFieldError(result?.problems);
  const org = page.organisation;
  const words = (content: string, key: string) => t(`${content}.${key}` as never);
  return (
    <div>
      <OrganisationNav organisation={org} />
      <h1>{t("organisations.cases.title")}</h1>
      <p className="lead">{t("organisations.cases.lead", { name: org.name })}</p>
      {page.notice ? (
        <p className="notice" role="status">
          {t(`organisations.cases.${page.notice.kind}`, { reference: page.notice.reference })}
        </p>
      ) : null}

      <Form method="get" className="filters" aria-labelledby="filter-heading">
        <h2 id="filter-heading">{t("organisations.cases.filterHeading")}</h2>
        <SelectField
          label={t("organisations.cases.state")}
          id="state"
          name="state"
          defaultValue={page.filters.state}
          placeholder={t("organisations.cases.allStates")}
          options={page.states.map((s) => ({ value: s.state, label: `${words(s.content, `states.${s.state}`)} (${t("organisations.cases.count", { count: s.count })})` }))}
        />
        <TextField label={t("organisations.cases.q")} hint={t("organisations.cases.qHint")} id="q" name="q" type="search" defaultValue={page.filters.q} maxLength={60} />
        <button type="submit" className="button secondary">
          {t("organisations.cases.filter")}
        </button>
      </Form>

      {page.items.length === 0 ? (
        <p>{page.filters.state || page.filters.q ? t("organisations.cases.noneMatching") : t("organisations.cases.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="cases-caption" tabIndex={0}>
          <table>
            <caption id="cases-caption">{t("organisations.cases.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("organisations.cases.reference")}</th>
                <th scope="col">{t("organisations.cases.state")}</th>
                <th scope="col">{t("organisations.cases.office")}</th>
                <th scope="col">{t("organisations.cases.lastEvent")}</th>
                <th scope="col">{t("organisations.cases.addedAt")}</th>
                <th scope="col">{t("organisations.cases.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.caseId}>
                  <td>
                    <Link to={paths.organisations.case(org.id, c.reference)}>{c.reference}</Link>
                  </td>
                  <td>
                    {words(c.content, `states.${c.state}`)}
                    {c.needsAction ? <> <span className="badge badge-warning">{t("organisations.cases.needsAction")}</span></> : null}
                  </td>
                  <td>{c.office.name}</td>
                  <td>{c.lastEvent ? `${words(c.content, `events.${c.lastEvent.event}.title`)}, ${formatDate(c.lastEvent.at, locale)}` : "–"}</td>
                  <td>{formatDate(c.addedAt, locale)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="unfollow" />
                      <input type="hidden" name="reference" value={c.reference} />
                      <button type="submit" className="button secondary small" aria-label={`${t("organisations.cases.unfollow")}: ${c.reference}`}>
                        {t("organisations.cases.unfollow")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.next || page.first ? (
        <p className="button-row">
          {page.first ? <Link to={page.first}>{t("organisations.cases.first")}</Link> : null}
          {page.next ? <Link to={page.next}>{t("organisations.cases.next")}</Link> : null}
        </p>
      ) : null}

      <h2 id="add-heading">{t("organisations.cases.addHeading")}</h2>
      <p>{t("organisations.cases.addLead")}</p>
      <ProblemSummary problems={result?.problems} ids={{ reference: "reference", accessCode: "accessCode" }} />
      <Form method="post" className="narrow" aria-labelledby="add-heading" noValidate>
        <input type="hidden" name="intent" value="follow" />
        <TextField label={t("organisations.cases.reference")} id="reference" name="reference" defaultValue={result?.values.reference ?? ""} error={fieldError("reference")} required maxLength={60} autoComplete="off" />
        <TextField
          label={t("organisations.cases.accessCode")}
          hint={t("organisations.cases.accessCodeHint")}
          id="accessCode"
          name="accessCode"
          defaultValue={result?.values.accessCode ?? ""}
          error={fieldError("accessCode")}
          required
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button">
          {t("organisations.cases.add")}
        </button>
      </Form>
    </div>
  );
}
