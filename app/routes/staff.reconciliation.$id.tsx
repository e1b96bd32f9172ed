import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadReconciliationRun } from "../server/receipts.server";
import { formatDate, formatDateTime, formatMoney } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import { uuidParam } from "../server/http.server";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.reconciliation"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.receipts.reconciliation.title);

export const loader = (args: LoaderFunctionArgs) => loadReconciliationRun(args);

type ItemRow = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

/** A code in words when the dictionary knows it, else "mã 03" (a run keeps whatever VNPay answered). */
function useCodeLabel() {
  const { t, i18n } = useTranslation();
  return (group: "ourStates" | "gatewayStatuses" | "notes", code: string | null) => {
    if (code === null) return "—";
    const key = `receipts.reconciliation.${group}.${code}`;
    return i18n.exists(key) ? String(t(key as never)) : group === "notes" ? code : String(t("receipts.reconciliation.unknownCode", { code }));
  };
}

function ItemsTable({ id, caption, items }: { id: string; caption: string; items: ItemRow[] }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const locale = useLocale();
  const money = (v: number | null) => (v === null ? "—" : formatMoney(v, locale));
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("receipts.reconciliation.kind")}</th>
            <th scope="col">{t("receipts.reconciliation.reference")}</th>
            <th scope="col">{t("receipts.reconciliation.ours")}</th>
            <th scope="col">{t("receipts.reconciliation.gateway")}</th>
            <th scope="col">{t("receipts.reconciliation.receipt")}</th>
            <th scope="col">{t("receipts.reconciliation.resolution")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.key}>
              <td>{t(`receipts.reconciliation.kinds.${i.kind}`)}</td>
              <td>{i.txnRef ?? "—"}</td>
              <td>
                {label("ourStates", i.ourState)} · <span className="num">{money(i.ourAmount)}</span>
              </td>
              <td>
                {label("gatewayStatuses", i.gatewayStatus)} · <span className="num">{money(i.gatewayAmount)}</span>
              </td>
              <td>{i.receipt ?? "—"}</td>
              <td>
                {i.resolution ? t(`receipts.reconciliation.resolutions.${i.resolution}`) : null}
                {i.resolution && !i.resolved ? " · " : null}
                {i.resolved ? null : t("receipts.reconciliation.left")}
                {i.note ? <span className="hint"> ({label("notes", i.note)})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Totals = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["run"]["totals"]>;
const STATE_ORDER = ["succeeded", "redirected", "created", "failed", "cancelled", "expired"] as const;

/** Count and sum per outcome (matched / resolved / mismatched) and per payment state, with the total. */
function TotalsTables({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const locale = useLocale();
  const table = (id: string, caption: string, rows: [string, { count: number; sum: number }][]) => (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("receipts.reconciliation.totalsGroup")}</th>
            <th scope="col" className="num">{t("receipts.reconciliation.totalsCount")}</th>
            <th scope="col" className="num">{t("receipts.reconciliation.totalsSum")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, v]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td className="num">{v.count.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB")}</td>
              <td className="num">{formatMoney(v.sum, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("receipts.reconciliation.totalsAll")}</th>
            <td className="num">{totals.all.count.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB")}</td>
            <td className="num">{formatMoney(totals.all.sum, locale)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading">{t("receipts.reconciliation.totalsHeading")}</h2>
      {table("totals-outcome", t("receipts.reconciliation.totalsByOutcome"), [
        [t("receipts.reconciliation.totalsMatched"), totals.matched],
        [t("receipts.reconciliation.totalsResolved"), totals.resolved],
        [t("receipts.reconciliation.totalsMismatched"), totals.mismatched],
      ])}
      {table(
        "totals-state",
        t("receipts.reconciliation.totalsByState"),
        STATE_ORDER.filter((s) => totals.byState[s]).map((s) => [label("ourStates", s), totals.byState[s]!]),
      )}
    </section>
  );
}

export default function ReconciliationRun() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { run, items } = useLoaderData<typeof loader>();
  const left = items.filter((i) => !i.resolved);
  const done = items.filter((i) => i.resolved);
  return (
    <div>
      <h1>{t("receipts.reconciliation.runTitle", { day: formatDate(`${run.day}T00:00:00+07:00`, locale), office: run.office })}</h1>
      <p className="lead">
        {t("receipts.reconciliation.runLead", { time: formatDateTime(run.startedAt, locale), by: run.by ?? t("receipts.reconciliation.byCron"), checked: run.checked })}
      </p>
      <p>
        <a className="button secondary" href={paths.staff.reconciliationCsv(run.id)} download>
          {t("receipts.reconciliation.exportCsv")}
        </a>
      </p>
      {run.totals ? <TotalsTables totals={run.totals} /> : <p>{t("receipts.reconciliation.totalsMissing")}</p>}
      {items.length === 0 ? <p className="notice" role="status">{t("receipts.reconciliation.clean")}</p> : null}
      {left.length ? (
        <section aria-labelledby="left-heading">
          <h2 id="left-heading">{t("receipts.reconciliation.issuesHeading")}</h2>
          <ItemsTable id="left-caption" caption={t("receipts.reconciliation.issuesHeading")} items={left} />
        </section>
      ) : null}
      {done.length ? (
        <section aria-labelledby="done-heading">
          <h2 id="done-heading">{t("receipts.reconciliation.resolvedHeading")}</h2>
          <ItemsTable id="done-caption" caption={t("receipts.reconciliation.resolvedHeading")} items={done} />
        </section>
      ) : null}
      <p>
        <Link to={paths.staff.reconciliation}>{t("receipts.reconciliation.back")}</Link>
      </p>
    </div>
  );
}
