import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listNoticesForAccountant, requireAccountant } from "../server/payments.server";
import { titleFrom, useLocale } from "../components/payments";
import { formatDate, formatMoney } from "../../vocabulary/format";
import { maskIdNumber } from "../../vocabulary/identity";
import { ListTable } from "../components/list-table";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "payments.staff"] };

export const meta: MetaFunction = ({ matches }) => titleFrom(matches, (r) => r.payments.staff.listTitle);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { staff } = await requireAccountant(request, context);
  const notices = await listNoticesForAccountant(context.services.sql, { staffId: staff.id });
  return {
    notices: notices.map((n) => ({
      id: n.id,
      number: n.notice_number,
      court: n.court_name,
      payer: n.payer_name,
      payerId: maskIdNumber(n.payer_id_number),
      amount: n.amount,
      dueDate: n.due_date,
      status: n.status,
      office: n.agency_name,
    })),
  };
}

export default function StaffNotices() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { notices } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const created = params.get("created");
  const imported = params.get("imported");
  return (
    <div>
      <h1>{t("payments.staff.listTitle")}</h1>
      <p className="lead">{t("payments.staff.listLead")}</p>
      {created ? (
        <p className="notice" role="status">
          {t("payments.staff.created", { number: created })}
        </p>
      ) : null}
      {imported ? (
        <p className="notice" role="status">
          {t("payments.staff.imported", { count: Number(imported) })}
        </p>
      ) : null}
      <div className="actions">
        <Link className="button" to="/staff/notices/new">
          {t("payments.staff.create")}
        </Link>
        <Link className="button secondary" to="/staff/notices/import">
          {t("payments.staff.import")}
        </Link>
      </div>
      <ListTable
        id="notices"
        count={notices.length}
        empty={t("payments.staff.empty")}
        caption={t("payments.staff.listTitle")}
        columns={[t("payments.notice.number"), t("payments.notice.payer"), t("payments.notice.court"), t("payments.notice.amount"), t("payments.notice.dueDate"), t("payments.notice.status")]}
      >
        {notices.map((n) => (
          <tr key={n.id}>
            <td>{n.number}</td>
            <td>
              {n.payer}
              <br />
              <span className="muted">{n.payerId}</span>
            </td>
            <td>{n.court}</td>
            <td className="num">{formatMoney(n.amount, locale)}</td>
            <td>{formatDate(`${n.dueDate}T00:00:00+07:00`, locale)}</td>
            <td>{t(`payments.notice.statuses.${n.status}`)}</td>
          </tr>
        ))}
      </ListTable>
      <p>
        <Link to="/staff">{t("staff.areaTitle")}</Link>
      </p>
    </div>
  );
}
