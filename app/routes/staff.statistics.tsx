import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadStatistics } from "../server/statistics.server";
import { pageTitle, useLocale } from "../utils/page";
import { formatDate } from "../../vocabulary/format";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["statistics", "cases"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.statistics.title);

/** Per office and procedure over a period: filed, closed, on time / late, satisfaction (ADR 081). */
export const loader = (args: LoaderFunctionArgs) => loadStatistics(args);

const COLUMNS = ["filed", "closed", "onTime", "late", "answers", "average", "score1", "score2", "score3", "score4", "score5"] as const;

type Figures = { filed: number; closed: number; onTime: number; late: number; answers: number; average: number | null; scores: number[] };

export default function Statistics() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { values, errors, period, rows, totals, csv } = useLoaderData<typeof loader>();
  const err = (name: "from" | "to") => translateError(t, errors[name]);
  const summary = (["from", "to"] as const).filter((f) => err(f)).map((f) => ({ name: f, id: f, message: err(f)! }));
  const average = new Intl.NumberFormat(locale === "en" ? "en-GB" : "vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const cells = (r: Figures) => [r.filed, r.closed, r.onTime, r.late, r.answers, r.average === null ? "–" : average.format(r.average), ...r.scores];
  return (
    <div>
      <h1>{t("statistics.title")}</h1>
      <p className="lead">{t("statistics.lead")}</p>
      {summary.length ? <ErrorSummary errors={summary} /> : null}
      <Form method="get" className="filters" aria-label={t("statistics.period")}>
        <TextField id="from" name="from" label={t("statistics.from")} hint={t("statistics.dateHint")} defaultValue={values.from} error={err("from")} autoComplete="off" maxLength={30} />
        <TextField id="to" name="to" label={t("statistics.to")} hint={t("statistics.dateHint")} defaultValue={values.to} error={err("to")} autoComplete="off" maxLength={30} />
        <button type="submit" className="button">
          {t("statistics.apply")}
        </button>
      </Form>
      {period ? (
        <>
          <h2>{t("statistics.showing", { from: formatDate(`${period.from}T12:00:00+07:00`, locale), to: formatDate(`${period.to}T12:00:00+07:00`, locale) })}</h2>
          {rows.length === 0 ? (
            <p>{t("statistics.empty")}</p>
          ) : (
            <>
              <div className="table-scroll" role="region" aria-label={t("statistics.tableLabel")} tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("statistics.columns.office")}</th>
                      <th scope="col">{t("statistics.columns.procedure")}</th>
                      {COLUMNS.map((c) => (
                        <th scope="col" key={c}>
                          {t(`statistics.columns.${c}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={`${r.agencyId}:${r.caseType}`}>
                        <th scope="row">
                          {r.agencyName} ({r.agencyCode})
                        </th>
                        <td>{t(`cases.types.${r.caseType}` as never, { defaultValue: r.caseType })}</td>
                        {cells(r).map((v, i) => (
                          <td key={COLUMNS[i]}>{v}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={2}>
                        {t("statistics.total")}
                      </th>
                      {cells(totals).map((v, i) => (
                        <td key={COLUMNS[i]}>{v}</td>
                      ))}
                    </tr>
                  </tfoot>
                </table>
              </div>
              <ul className="hint">
                <li>{t("statistics.notes.filed")}</li>
                <li>{t("statistics.notes.onTime")}</li>
                <li>{t("statistics.notes.answers")}</li>
              </ul>
            </>
          )}
          {csv ? (
            <p>
              <a href={csv} download>
                {t("statistics.download")}
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
