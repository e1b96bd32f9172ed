import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadPublicDebtorList } from "../server/debtor-list.server";
import { PublicEntryCard } from "../components/debtor-list";
import { ErrorSummary, SelectField, TextField, translateError } from "../components/forms";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["debtorList"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.debtorList.public.title);

export const loader = (args: LoaderFunctionArgs) => loadPublicDebtorList(args);

/** The public list of judgment debtors who cannot yet pay (ADR 072): a GET form, keyset pages, open data. No JavaScript needed. */
export default function DebtorList() {
  const { query, errors, rows, next, first, provinces, offices, searched } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const err = (k: keyof typeof errors) => translateError(t, errors[k]);
  const summary = (["q", "province", "office"] as const).filter((k) => errors[k]).map((k) => ({ name: k, id: `dl-${k}`, message: err(k)! }));
  return (
    <div>
      <h1>{t("debtorList.public.title")}</h1>
      <p className="lead">{t("debtorList.public.lead")}</p>
      <ErrorSummary errors={summary} formError={errors.after ? err("after") : undefined} />
      <section aria-labelledby="dl-search">
        <h2 id="dl-search">{t("debtorList.public.searchHeading")}</h2>
        <Form method="get" action={paths.debtorList.list} role="search">
          <TextField id="dl-q" name="q" type="search" label={t("debtorList.public.q")} hint={t("debtorList.public.qHint")} error={err("q")} defaultValue={query.q} autoComplete="off" />
          <SelectField
            id="dl-province"
            name="province"
            label={t("debtorList.fields.province")}
            error={err("province")}
            placeholder={t("debtorList.public.anyProvince")}
            options={provinces.map((p) => ({ value: p.id, label: p.name }))}
            defaultValue={query.province}
          />
          {offices.length ? (
            <SelectField
              id="dl-office"
              name="office"
              label={t("debtorList.fields.office")}
              error={err("office")}
              placeholder={t("debtorList.public.anyOffice")}
              options={offices.map((o) => ({ value: o.id, label: o.name }))}
              defaultValue={query.office}
            />
          ) : (
            <>
              {query.office ? <input type="hidden" name="office" value={query.office} /> : null}
              <p className="hint">{t("debtorList.public.officeHint")}</p>
            </>
          )}
          <div className="actions">
            <button type="submit" className="button">
              {t("debtorList.public.search")}
            </button>
            {searched ? (
              <Link to={paths.debtorList.list} className="button secondary">
                {t("debtorList.public.clear")}
              </Link>
            ) : null}
          </div>
        </Form>
      </section>
      <section aria-labelledby="dl-results">
        <h2 id="dl-results">{t("debtorList.public.resultsHeading")}</h2>
        {rows.length ? (
          <ol className="debtor-list" aria-labelledby="dl-results">
            {rows.map((e) => (
              <PublicEntryCard key={e.id} entry={e} />
            ))}
          </ol>
        ) : (
          <p className="empty">{searched ? t("debtorList.public.none") : t("debtorList.public.empty")}</p>
        )}
        {next || first ? (
          <nav aria-label={t("debtorList.public.resultsHeading")} className="pager">
            {first ? <Link to={first}>{t("debtorList.public.first")}</Link> : null} {next ? <Link to={next} rel="next">{t("debtorList.public.next")}</Link> : null}
          </nav>
        ) : null}
      </section>
      <section aria-labelledby="dl-open-data">
        <h2 id="dl-open-data">{t("debtorList.public.openData")}</h2>
        <ul>
          <li>
            <a href={paths.debtorList.csv} download>
              {t("debtorList.public.csv")}
            </a>
          </li>
          <li>
            <a href={paths.debtorList.json} download>
              {t("debtorList.public.json")}
            </a>
          </li>
        </ul>
        <p className="hint">{t("debtorList.public.openDataNote")}</p>
      </section>
    </div>
  );
}
