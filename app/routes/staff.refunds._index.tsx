import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadRefunds, type RefundState } from "../server/receipts.server";
import { formatDateTime, formatMoney } from "../../vocabulary/format";
import { ListTable } from "../components/list-table";
import { pageTitle, useLocale } from "../utils/page";
import { paths, withQuery } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.refunds"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.receipts.refunds.title);

export const loader = (args: LoaderFunctionArgs) => loadRefunds(args);

export default function StaffRefunds() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { state, counts, refunds, review } = useLoaderData<typeof loader>();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div>
      <h1>{t("receipts.refunds.title")}</h1>
      <p className="lead">{t("receipts.refunds.lead")}</p>
      {review.length ? (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t("receipts.refunds.reviewHeading")}</h2>
          <ul className="refund-review">
            {review.map((p) => (
              <li key={p.txnRef}>
                {p.txnRef} · {p.notice} · {formatMoney(p.amount, locale)}
                {p.reason ? ` · ${t(`receipts.refunds.reviewReasons.${p.reason}` as never, { defaultValue: p.reason })}` : null} ·{" "}
                <Link to={paths.staff.newRefund(p.txnRef)}>{t("receipts.refunds.propose")}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 id="list-heading">{t("receipts.refunds.listHeading")}</h2>
      <nav aria-label={t("receipts.refunds.statusFilter")}>
        <ul className="refund-filter">
          <li>
            <Link to={paths.staff.refunds} aria-current={state === null ? "page" : undefined}>
              {t("receipts.refunds.allStates")} ({total})
            </Link>
          </li>
          {(Object.keys(counts) as RefundState[]).map((s) => (
            <li key={s}>
              <Link to={withQuery(paths.staff.refunds, { state: s })} aria-current={state === s ? "page" : undefined}>
                {t(`receipts.refunds.states.${s}`)} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ListTable
        id="refunds"
        count={refunds.length}
        empty={t("receipts.refunds.empty")}
        caption={t("receipts.refunds.listHeading")}
        columns={[t("receipts.refunds.reference"), t("receipts.refunds.notice"), t("receipts.refunds.amount"), t("receipts.refunds.state"), t("receipts.refunds.proposedBy"), t("receipts.refunds.decidedBy"), t("receipts.refunds.proposedAt")]}
      >
        {refunds.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={paths.staff.refund(r.id)}>{r.txnRef}</Link>
            </td>
            <td>{r.notice}</td>
            <td className="num">{formatMoney(r.amount, locale)}</td>
            <td>{t(`receipts.refunds.states.${r.state}`)}</td>
            <td>{r.proposedBy}</td>
            <td>{r.decidedBy ?? "—"}</td>
            <td>{formatDateTime(r.proposedAt, locale)}</td>
          </tr>
        ))}
      </ListTable>
      <p>
        <Link to={paths.staff.home}>{t("staff.areaTitle")}</Link>
      </p>
    </div>
  );
}
