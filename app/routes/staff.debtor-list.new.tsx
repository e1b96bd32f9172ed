import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addEntryFromForm, loadNewEntry } from "../server/debtor-list.server";
import { DebtorFormErrors, ENTRY_FORM_FIELDS, EntryFields } from "../components/debtor-list";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["debtorList"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.debtorList.staff.newTitle, { site: false });

export const loader = (args: LoaderFunctionArgs) => loadNewEntry(args);
export const action = (args: ActionFunctionArgs) => addEntryFromForm(args);

/** A new entry from a case: the law's fields prefilled from the case, the decision's date and basis; published on save. */
export default function NewDebtorEntry() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation();
  const values: Record<string, string> = posted?.values ?? loaded.values;
  const errors: Record<string, string> = posted?.errors ?? {};
  const c = loaded.case;
  return (
    <div className="narrow">
      <p>
        <Link to={paths.staff.case(c.id)} className="back-link">
          {t("debtorList.staff.backToCase")}
        </Link>
      </p>
      <h1>{t("debtorList.staff.newTitle")}</h1>
      <p>{t("debtorList.staff.newLead", { reference: c.reference, office: c.agencyName })}</p>
      {loaded.mayWrite ? (
        <>
          <DebtorFormErrors prefix="new" names={ENTRY_FORM_FIELDS.map((f) => f.name)} errors={errors} />
          <Form method="post" noValidate>
            <EntryFields prefix="new" values={values} errors={errors} />
            <div className="actions">
              <button type="submit" className="button">
                {t("debtorList.staff.save")}
              </button>
            </div>
          </Form>
        </>
      ) : (
        <p className="notice">{t("debtorList.staff.readOnly")}</p>
      )}
    </div>
  );
}
