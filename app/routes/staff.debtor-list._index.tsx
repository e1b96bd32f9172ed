import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadStaffDebtorList } from "../server/debtor-list.server";
import { ListTable } from "../components/list-table";
import { SelectField, TextField } from "../components/forms";
import { formatDate } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["debtorList"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.debtorList.staff.title, { site: false });

export const loader = (args: LoaderFunctionArgs) => loadStaffDebtorList(args);

const EXPIRING_DAYS = 30;
const MAX = 200;

/** The offices' entries (officers: their office; heads: their scope), filtered, with what is due and what was late. */
export default function StaffDebtorList() {
  const { entries, offices, query, options } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1>{t("debtorList.staff.title")}</h1>
      <p>{t("debtorList.staff.lead")}</p>
      <Form method="get" action={paths.staff.debtorList}>
        <fieldset>
          <legend>{t("debtorList.staff.filters")}</legend>
          <TextField id="sdl-q" name="q" type="search" label={t("debtorList.staff.q")} defaultValue={query.q} autoComplete="off" />
          {offices.length > 1 ? (
            <SelectField id="sdl-office" name="office" label={t("debtorList.staff.office")} placeholder={t("debtorList.staff.anyOffice")} options={offices.map((o) => ({ value: o.id, label: o.name }))} defaultValue={query.office} />
          ) : null}
          <SelectField id="sdl-status" name="status" label={t("debtorList.staff.status")} options={options.statuses.map((s) => ({ value: s, label: t(`debtorList.staff.statuses.${s}`) }))} defaultValue={query.status} />
          <SelectField
            id="sdl-due"
            name="due"
            label={t("debtorList.staff.due")}
            placeholder={t("debtorList.staff.anyDue")}
            options={options.dues.map((d) => ({ value: d, label: t(`debtorList.staff.dues.${d}`, { days: EXPIRING_DAYS }) }))}
            defaultValue={query.due}
          />
          <button type="submit" className="button secondary">
            {t("debtorList.staff.apply")}
          </button>
        </fieldset>
      </Form>
      {entries.length >= MAX ? <p className="hint">{t("debtorList.staff.max", { max: MAX })}</p> : null}
      <ListTable
        id="sdl"
        count={entries.length}
        empty={t("debtorList.staff.none")}
        caption={t("debtorList.staff.title")}
        columns={[t("debtorList.fields.debtorName"), t("debtorList.staff.case"), t("debtorList.staff.office"), t("debtorList.staff.publishBy"), t("debtorList.staff.publishedUntil"), t("debtorList.staff.status")]}
      >
        {entries.map((e) => (
          <tr key={e.id}>
            <td>
              <Link to={paths.staff.debtorListEntry(e.id)}>{e.debtorName}</Link>
            </td>
            <td>{e.caseId && e.caseReference ? <Link to={paths.staff.case(e.caseId)}>{e.caseReference}</Link> : "–"}</td>
            <td>{e.agencyName}</td>
            <td>
              {formatDate(e.publishBy, locale)}
              {e.publishedLate ? <strong className="deadline overdue"> · {t("debtorList.staff.late")}</strong> : null}
            </td>
            <td>{formatDate(e.publishedUntil, locale)}</td>
            <td>
              {e.removedAt ? (
                <>
                  {t("debtorList.staff.removed")} ({formatDate(e.removedAt, locale)}){e.removedLate ? <strong className="deadline overdue"> · {t("debtorList.staff.late")}</strong> : null}
                </>
              ) : e.expired ? (
                t("debtorList.staff.expired")
              ) : (
                t("debtorList.staff.current")
              )}
              {e.changedLate ? <strong className="deadline overdue"> · {t("debtorList.staff.changeBy")}: {t("debtorList.staff.late")}</strong> : null}
            </td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
