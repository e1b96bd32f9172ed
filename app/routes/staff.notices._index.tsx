import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadStaffNotices } from "../server/payments.server";
import { formatDate, formatMoney } from "../../vocabulary/format";
import { ListTable } from "../components/list-table";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "payments.staff"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.payments.staff.listTitle);

export const loader = (args: LoaderFunctionArgs) => loadStaffNotices(args);

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
        <Link className="button" to={paths.staff.newNotice}>
          {t("payments.staff.create")}
        </Link>
        <Link className="button secondary" to={paths.staff.importNotices}>
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
        <Link to={paths.staff.home}>{t("staff.areaTitle")}</Link>
      </p>
    </div>
  );
}
