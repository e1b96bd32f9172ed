import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAccountant } from "../server/payments.server";
import { formatReceiptNumber, listReceiptsForAccountant } from "../server/receipts.server";
import { titleFrom, useLocale } from "../components/payments";
import { formatDate, formatMoney } from "../../vocabulary/format";
import { ListTable } from "../components/list-table";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.staff"] };

export const meta: MetaFunction = ({ matches }) => titleFrom(matches, (r) => r.receipts.staff.listTitle);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { staff } = await requireAccountant(request, context);
  const rows = await listReceiptsForAccountant(context.services.sql, { staffId: staff.id });
  return {
    receipts: rows.map((r) => ({
      id: r.id,
      symbol: r.symbol,
      number: formatReceiptNumber(r.number),
      status: r.status,
      replacedBy: r.replaced_by_number ? formatReceiptNumber(r.replaced_by_number) : null,
      amount: r.amount,
      payer: r.payer_name,
      notice: r.notice_number,
      issuedAt: r.issued_at.toISOString(),
    })),
  };
}

export default function StaffReceipts() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { receipts } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const done = params.get("cancelled");
  const replacement = params.get("replacement");
  return (
    <div>
      <h1>{t("receipts.staff.listTitle")}</h1>
      <p className="lead">{t("receipts.staff.listLead")}</p>
      {done ? (
        <p className="notice" role="status">
          {replacement ? t("receipts.staff.replaced", { number: done, replacement }) : t("receipts.staff.cancelled", { number: done })}
        </p>
      ) : null}
      <ListTable
        id="receipts"
        count={receipts.length}
        empty={t("receipts.staff.empty")}
        caption={t("receipts.staff.listTitle")}
        columns={[t("receipts.staff.symbolNumber"), t("receipts.staff.payer"), t("receipts.staff.notice"), t("receipts.staff.amount"), t("receipts.staff.issuedAt"), t("receipts.staff.status")]}
      >
        {receipts.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={`/staff/receipts/${r.id}`}>
                {r.symbol} – {r.number}
              </Link>
            </td>
            <td>{r.payer}</td>
            <td>{r.notice}</td>
            <td className="num">{formatMoney(r.amount, locale)}</td>
            <td>{formatDate(r.issuedAt, locale)}</td>
            <td>{r.status === "valid" ? t("receipts.staff.statuses.valid") : r.replacedBy ? t("receipts.staff.statuses.replaced", { number: r.replacedBy }) : t("receipts.staff.statuses.cancelled")}</td>
          </tr>
        ))}
      </ListTable>
      <p>
        <Link to="/staff">{t("staff.areaTitle")}</Link>
      </p>
    </div>
  );
}
