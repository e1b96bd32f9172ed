import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadStaffEntry, staffEntryAction } from "../server/debtor-list.server";
import { DebtorFormErrors, ENTRY_FORM_FIELDS, EntryFields } from "../components/debtor-list";
import { SelectField, TextField, translateError } from "../components/forms";
import { SummaryList } from "../components/summary-list";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["debtorList"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (r) => (data ? r.debtorList.staff.entryTitle.replace("{{name}}", data.entry.debtorName) : r.debtorList.staff.title), { site: false });

export const loader = (args: LoaderFunctionArgs) => loadStaffEntry(args);
export const action = (args: ActionFunctionArgs) => staffEntryAction(args);

/** One entry: its fields and dates (publish by, on the list until, change by, remove by, late ones marked), the change and removal forms. */
export default function StaffDebtorEntry() {
  const { entry: e, grounds, done } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const late = (isLate: boolean) => (isLate ? <strong className="deadline overdue"> · {t("debtorList.staff.late")}</strong> : null);
  const editValues: Record<string, string> = posted?.intent === "edit" ? posted.values : { ...e, changedOn: "" } as unknown as Record<string, string>;
  const editErrors: Record<string, string> = posted?.intent === "edit" ? posted.errors : {};
  const removeValues: Record<string, string> = posted?.intent === "remove" ? posted.values : {};
  const removeErrors: Record<string, string> = posted?.intent === "remove" ? posted.errors : {};
  const otherError = posted && posted.intent === "" ? translateError(t, posted.errors.form) : undefined;
  return (
    <div className="narrow">
      <p>
        <Link to={paths.staff.debtorList} className="back-link">
          {t("debtorList.staff.backToList")}
        </Link>
      </p>
      {done ? (
        <p className="notice" role="status">
          {done === "added" ? t("debtorList.staff.added") : done === "edited" ? t("debtorList.staff.edited") : t("debtorList.staff.removedDone")}
        </p>
      ) : null}
      {otherError ? <p className="error-message">{otherError}</p> : null}
      <h1>{t("debtorList.staff.entryTitle", { name: e.debtorName })}</h1>
      <SummaryList
        rows={[
          [t("debtorList.staff.status"), e.removedAt ? t("debtorList.staff.removed") : e.expired ? t("debtorList.staff.expired") : t("debtorList.staff.current")],
          [t("debtorList.staff.case"), e.caseId && e.caseReference ? <Link key="c" to={paths.staff.case(e.caseId)}>{e.caseReference}</Link> : "–"],
          [t("debtorList.fields.office"), e.agencyName],
          [t("debtorList.fields.debtorName"), e.debtorName],
          [t("debtorList.fields.debtorAddress"), e.debtorAddress],
          [t("debtorList.fields.judgment"), e.judgment],
          [t("debtorList.fields.enforcementDecision"), e.enforcementDecision],
          [t("debtorList.fields.obligation"), e.obligation],
          [t("debtorList.fields.reason"), e.reason],
          [t("debtorList.fields.decidedOn"), formatDate(e.decidedOn, locale)],
          [t("debtorList.fields.decisionBasis"), e.decisionBasis],
          [t("debtorList.staff.publishBy"), <span key="p">{formatDate(e.publishBy, locale)}{late(e.publishedLate)}</span>],
          [t("debtorList.staff.publishedAt"), `${formatDateTime(e.createdAt, locale)}${e.createdBy ? ` · ${e.createdBy}` : ""}`],
          [t("debtorList.staff.publishedUntil"), formatDate(e.publishedUntil, locale)],
          ...(e.changeBy ? [[t("debtorList.staff.changeBy"), <span key="ch">{formatDate(e.changeBy, locale)}{late(e.changedLate)}</span>] as [string, JSX.Element]] : []),
          ...(e.removedAt && e.removeBy && e.removalGround
            ? ([
                [t("debtorList.fields.ground"), t(`debtorList.grounds.${e.removalGround}`)],
                [t("debtorList.staff.removeBy"), <span key="rb">{formatDate(e.removeBy, locale)}{late(e.removedLate)}</span>],
                [t("debtorList.staff.removedAt"), formatDateTime(e.removedAt, locale)],
              ] as [string, string | JSX.Element][])
            : []),
        ]}
      />
      {e.removedAt ? null : e.mayWrite ? (
        <>
          <section aria-labelledby="h-edit">
            <h2 id="h-edit">{t("debtorList.staff.editTitle")}</h2>
            <DebtorFormErrors prefix="edit" names={[...ENTRY_FORM_FIELDS.map((f) => f.name), "changedOn"]} errors={editErrors} />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="edit" />
              <input type="hidden" name="version" value={e.version} />
              <EntryFields prefix="edit" values={editValues} errors={editErrors} />
              <TextField id="edit-changedOn" name="changedOn" type="date" label={t("debtorList.fields.changedOn")} hint={t("debtorList.staff.changedOnHint")} error={translateError(t, editErrors.changedOn)} defaultValue={editValues.changedOn ?? ""} />
              <button type="submit" className="button secondary">
                {t("debtorList.staff.saveEdit")}
              </button>
            </Form>
          </section>
          <section aria-labelledby="h-remove">
            <h2 id="h-remove">{t("debtorList.staff.removeTitle")}</h2>
            <p>{t("debtorList.staff.removeLead")}</p>
            <DebtorFormErrors prefix="remove" names={["ground", "groundOn"]} errors={removeErrors} />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="version" value={e.version} />
              <SelectField
                id="remove-ground"
                name="ground"
                label={t("debtorList.fields.ground")}
                placeholder={t("debtorList.staff.chooseGround")}
                options={grounds.map((g) => ({ value: g, label: t(`debtorList.grounds.${g}`) }))}
                defaultValue={removeValues.ground ?? ""}
                error={translateError(t, removeErrors.ground)}
              />
              <TextField id="remove-groundOn" name="groundOn" type="date" label={t("debtorList.fields.groundOn")} error={translateError(t, removeErrors.groundOn)} defaultValue={removeValues.groundOn ?? ""} />
              <button type="submit" className="button warning">
                {t("debtorList.staff.remove")}
              </button>
            </Form>
          </section>
        </>
      ) : (
        <p className="notice">{t("debtorList.staff.readOnly")}</p>
      )}
    </div>
  );
}
