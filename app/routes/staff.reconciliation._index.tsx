import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReconcileSchema } from "../../server/receipts/schemas";
import { requireAccountant } from "../server/payments.server";
import { listRuns, reconcileForStaff, vietnamDay } from "../server/receipts.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { SelectField, titleFrom, useLocale } from "../components/payments";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import { ListTable } from "../components/list-table";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.cancelErrors", "receipts.reconciliation", "receipts.refunds", "receipts.staff"] };

export const meta: MetaFunction = ({ matches }) => titleFrom(matches, (r) => r.receipts.reconciliation.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { staff, agencies } = await requireAccountant(request, context);
  const runs = await listRuns(context.services.sql, { staffId: staff.id });
  const [y, m, d] = vietnamDay(0).split("-");
  return {
    agencies,
    today: `${d}/${m}/${y}`,
    runs: runs.map((r) => ({ id: r.id, day: r.day, office: r.agency_name, startedAt: r.started_at.toISOString(), checked: r.checked, by: r.triggered_by_name, open: r.open_items })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { staff } = await requireAccountant(request, context);
  const submission = parseWithZod(await request.formData(), { schema: ReconcileSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await reconcileForStaff(context.services, { ...submission.value, staffId: staff.id });
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { agencyId: ["receipts.reconciliation.notAccountant"] } }) }, { status: 403 });
  return redirect(`/staff/reconciliation/${result.runId}`);
}

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
              <Link to={`/staff/reconciliation/${r.id}`}>{formatDate(`${r.day}T00:00:00+07:00`, locale)}</Link>
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
        <Link to="/staff">{t("staff.areaTitle")}</Link>
      </p>
    </div>
  );
}
