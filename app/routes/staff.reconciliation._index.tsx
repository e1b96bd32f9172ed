import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReconcileSchema } from "../../server/receipts/browser";
import { loadReconciliation, startReconciliation } from "../server/receipts.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { SelectField } from "../components/payments";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import { ListTable } from "../components/list-table";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.cancelErrors", "receipts.doc", "receipts.reconciliation", "receipts.refunds", "receipts.staff"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.receipts.reconciliation.title);

export const loader = (args: LoaderFunctionArgs) => loadReconciliation(args);

export const action = (args: ActionFunctionArgs) => startReconciliation(args);

export default function Reconciliation() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { agencies, today, runs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(ReconcileSchema),
    defaultValue: { agencyId: agencies[0]?.id, day: today },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReconcileSchema }),
  });
  const err = (f: { errors?: string[] }) => translateError(t, f.errors?.[0]);
  const fieldErrors = [fields.day, fields.agencyId].filter((f) => f.errors?.length).map((f) => ({ name: f.name, id: f.id, message: err(f)! }));
  return (
    <div>
      <h1>{t("receipts.reconciliation.title")}</h1>
      <p className="lead">{t("receipts.reconciliation.lead")}</p>
      <ErrorSummary errors={fieldErrors} formError={translateError(t, form.errors?.[0])} />
      <Form method="post" className="narrow" {...getFormProps(form)}>
        <TextField label={t("receipts.reconciliation.day")} hint={t("receipts.reconciliation.dayHint")} error={err(fields.day)} {...getInputProps(fields.day, { type: "text" })} id={fields.day.id} inputMode="numeric" />
        <SelectField
          label={t("receipts.reconciliation.office")}
          error={err(fields.agencyId)}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          {...getSelectProps(fields.agencyId)}
          id={fields.agencyId.id}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t("receipts.reconciliation.run")}
          </button>
        </div>
      </Form>
      <h2 id="runs-heading">{t("receipts.reconciliation.runsHeading")}</h2>
      <ListTable
        id="runs"
        count={runs.length}
        empty={t("receipts.reconciliation.noRuns")}
        caption={t("receipts.reconciliation.runsHeading")}
        columns={[t("receipts.reconciliation.day"), t("receipts.reconciliation.office"), t("receipts.reconciliation.startedAt"), t("receipts.reconciliation.by"), t("receipts.reconciliation.checked"), t("receipts.reconciliation.openItems")]}
      >
        {runs.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={paths.staff.reconciliationRun(r.id)}>{formatDate(`${r.day}T00:00:00+07:00`, locale)}</Link>
            </td>
            <td>{r.office}</td>
            <td>{formatDateTime(r.startedAt, locale)}</td>
            <td>{r.by ?? t("receipts.reconciliation.byCron")}</td>
            <td className="num">{r.checked}</td>
            <td className="num">{r.open}</td>
          </tr>
        ))}
      </ListTable>
      <p>
        <Link to={paths.staff.home}>{t("staff.areaTitle")}</Link>
      </p>
    </div>
  );
}
