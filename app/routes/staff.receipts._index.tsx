import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAccountant } from "../server/payments.server";
import { formatReceiptNumber, listReceiptsForAccountant } from "../server/receipts.server";
import { titleFrom, useLocale } from "../components/payments";
import { formatDate, formatMoney } from "../utils/format";

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
      {receipts.length === 0 ? (
        <p className="empty">{t("receipts.staff.empty")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="receipts-caption" tabIndex={0}>
          <table>
            <caption id="receipts-caption">{t("receipts.staff.listTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("receipts.staff.symbolNumber")}</th>
                <th scope="col">{t("receipts.staff.payer")}</th>
                <th scope="col">{t("receipts.staff.notice")}</th>
                <th scope="col">{t("receipts.staff.amount")}</th>
                <th scope="col">{t("receipts.staff.issuedAt")}</th>
                <th scope="col">{t("receipts.staff.status")}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/staff">{t("staff.areaTitle")}</Link>
      </p>
    </div>
  );
}
