import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffNoticeFormSchema } from "../../server/payments/browser";
import { createNotice, loadNewNotice } from "../server/payments.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { SelectField } from "../components/payments";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.errors", "payments.lookup", "payments.notice", "payments.staff"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.payments.staff.createTitle);

export const loader = (args: LoaderFunctionArgs) => loadNewNotice(args);

export const action = (args: ActionFunctionArgs) => createNotice(args);

export default function NewNotice() {
  const { t } = useTranslation();
  const { agencies, courts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(StaffNoticeFormSchema),
    defaultValue: { agencyId: agencies[0]?.id },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StaffNoticeFormSchema }),
  });
  const order = [fields.agencyId, fields.courtCode, fields.courtDocumentNumber, fields.caseReference, fields.payerName, fields.payerIdNumber, fields.payerAddress, fields.amount, fields.dueDate];
  const fieldErrors = order
    .filter((f) => f.errors?.length)
    .map((f) => ({ name: f.name, id: f.id, message: translateError(t, f.errors?.[0])! }));
  const err = (f: { errors?: string[] }) => translateError(t, f.errors?.[0]);
  return (
    <div className="narrow">
      <h1>{t("payments.staff.createTitle")}</h1>
      <ErrorSummary errors={fieldErrors} />
      <Form method="post" {...getFormProps(form)}>
        <SelectField
          label={t("payments.staff.agency")}
          error={err(fields.agencyId)}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          {...getSelectProps(fields.agencyId)}
          id={fields.agencyId.id}
        />
        <SelectField
          label={t("payments.staff.court")}
          error={err(fields.courtCode)}
          placeholder={t("payments.staff.chooseCourt")}
          options={courts.map((c) => ({ value: c.code, label: c.name }))}
          {...getSelectProps(fields.courtCode)}
          id={fields.courtCode.id}
        />
        <TextField label={t("payments.staff.courtDocumentNumber")} error={err(fields.courtDocumentNumber)} {...getInputProps(fields.courtDocumentNumber, { type: "text" })} id={fields.courtDocumentNumber.id} />
        <TextField label={t("payments.staff.caseReference")} hint={t("payments.staff.caseReferenceHint")} error={err(fields.caseReference)} {...getInputProps(fields.caseReference, { type: "text" })} id={fields.caseReference.id} />
        <TextField label={t("payments.staff.payerName")} error={err(fields.payerName)} autoComplete="off" {...getInputProps(fields.payerName, { type: "text" })} id={fields.payerName.id} />
        <TextField label={t("payments.staff.payerIdNumber")} error={err(fields.payerIdNumber)} inputMode="numeric" autoComplete="off" {...getInputProps(fields.payerIdNumber, { type: "text" })} id={fields.payerIdNumber.id} />
        <TextField label={t("payments.staff.payerAddress")} error={err(fields.payerAddress)} autoComplete="off" {...getInputProps(fields.payerAddress, { type: "text" })} id={fields.payerAddress.id} />
        <TextField label={t("payments.staff.amount")} hint={t("payments.staff.amountHint")} error={err(fields.amount)} inputMode="numeric" {...getInputProps(fields.amount, { type: "text" })} id={fields.amount.id} />
        <TextField label={t("payments.staff.dueDate")} hint={t("payments.staff.dueDateHint")} error={err(fields.dueDate)} {...getInputProps(fields.dueDate, { type: "text" })} id={fields.dueDate.id} />
        <div className="actions">
          <button type="submit" className="button">
            {t("payments.staff.save")}
          </button>
          <Link to={paths.staff.notices} className="button secondary">
            {t("payments.staff.back")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
