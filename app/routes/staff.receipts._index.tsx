import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadStaffReceipts } from "../server/receipts.server";
import { formatDate, formatMoney } from "../../vocabulary/format";
import { ListTable } from "../components/list-table";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.staff"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.receipts.staff.listTitle);

export const loader = (args: LoaderFunctionArgs) => loadStaffReceipts(args);

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
              <Link to={paths.staff.receipt(r.id)}>
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
        <Link to={paths.staff.home}>{t("staff.areaTitle")}</Link>
      </p>
    </div>
  );
}
