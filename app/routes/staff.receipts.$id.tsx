import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadStaffReceipt } from "../server/receipts.server";
import { ProposeRefundForm } from "../components/refunds";
import { formatDateTime, formatMoney } from "../../vocabulary/format";
import { SummaryList } from "../components/summary-list";
import { ListTable } from "../components/list-table";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.cancelErrors", "receipts.doc", "receipts.reconciliation", "receipts.refunds", "receipts.result", "receipts.staff"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.receipts.staff.detailHeading);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return loadStaffReceipt(request, context, params.id);
}

export default function StaffReceipt() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { receipt, refundable, refunds } = useLoaderData<typeof loader>();
  const c = receipt.content;
  return (
    <div className="narrow">
      <h1>{t("receipts.staff.detailTitle", { symbol: receipt.symbol, number: receipt.number })}</h1>
      <SummaryList
        rows={[
          [t("receipts.doc.payer"), c.payer.name],
          [t("receipts.doc.reason"), c.reason.text],
          [t("receipts.doc.amount"), formatMoney(c.amount, locale)],
          [t("receipts.doc.issuedAt"), formatDateTime(c.issuedAt, locale)],
          [t("receipts.staff.status"), receipt.status === "valid" ? t("receipts.staff.statuses.valid") : t("receipts.staff.statuses.cancelled")],
        ]}
      />
      <p>
        <a href={paths.receipt(receipt.code)}>{t("receipts.result.openReceipt")}</a>
      </p>

      <section aria-labelledby="refunds-heading">
        <h2 id="refunds-heading">{t("receipts.staff.refundsHeading")}</h2>
        <ListTable
          id="receipt-refunds"
          count={refunds.length}
          empty={t("receipts.staff.refundsNone")}
          caption={t("receipts.staff.refundsCaption")}
          columns={[t("receipts.staff.refundAmount"), t("receipts.staff.refundState"), t("receipts.staff.refundUpdated")]}
        >
          {refunds.map((f) => (
            <tr key={f.id}>
              <td>
                <Link to={paths.staff.refund(f.id)}>{formatMoney(f.amount, locale)}</Link>
              </td>
              <td>{t(`receipts.refunds.states.${f.state}`)}</td>
              <td>{formatDateTime(f.updatedAt, locale)}</td>
            </tr>
          ))}
        </ListTable>
      </section>
      {refundable && refundable.max > 0 ? (
        <section aria-labelledby="refund-heading">
          <h2 id="refund-heading">{t("receipts.refunds.proposeFor")}</h2>
          <ProposeRefundForm txnRef={refundable.txnRef} max={refundable.max} />
        </section>
      ) : null}

      <section aria-labelledby="cancel-heading">
        <h2 id="cancel-heading">{t("receipts.staff.cancelHeading")}</h2>
        {receipt.status === "valid" ? (
          <>
            <p>{t("receipts.staff.cancelLead")}</p>
            <p>
              <Link to={paths.staff.cancelReceipt(receipt.id)} className="button secondary">
                {t("receipts.staff.cancelStart")}
              </Link>
            </p>
          </>
        ) : (
          <p className="notice">{t("receipts.staff.alreadyCancelled")}</p>
        )}
      </section>
      <p>
        <Link to={paths.staff.receipts}>{t("receipts.staff.back")}</Link>
      </p>
    </div>
  );
}
