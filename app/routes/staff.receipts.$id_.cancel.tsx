import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CancelReceiptSchema } from "../../server/receipts/browser";
import { cancelStaffReceipt, loadStaffReceipt } from "../server/receipts.server";
import { describedBy, ErrorSummary, FieldMessages, TextField, translateError } from "../components/forms";
import { formatDateTime, formatMoney } from "../../vocabulary/format";
import { SummaryList } from "../components/summary-list";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.lookup", "payments.notice", "receipts.cancelErrors", "receipts.doc", "receipts.reconciliation", "receipts.refunds", "receipts.staff"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.receipts.staff.cancelHeading);

/** Cancelling a receipt is its own step: the receipt, what will happen, and a choice nobody made for the accountant. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return loadStaffReceipt(request, context, params.id);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const outcome = await cancelStaffReceipt(request, context, params.id);
  if (!outcome.ok) return data({ result: outcome.reply }, { status: 400 });
  return redirect(outcome.to);
}

export default function CancelStaffReceipt() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { receipt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const c = receipt.content;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(CancelReceiptSchema),
    defaultValue: { payerName: c.payer.name, payerAddress: c.payer.address },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CancelReceiptSchema }),
  });
  const err = (f: { errors?: string[] }) => translateError(t, f.errors?.[0]);
  const fieldErrors = [fields.reason, fields.action, fields.payerName, fields.payerAddress]
    .filter((f) => f.errors?.length)
    .map((f) => ({ name: f.name, id: f.name === fields.action.name ? "action-cancel" : f.id, message: err(f)! }));
  const back = paths.staff.receipt(receipt.id);
  return (
    <div className="narrow">
      <p>
        <Link to={back} className="back-link">
          {t("receipts.staff.cancelBack")}
        </Link>
      </p>
      <h1>{t("receipts.staff.cancelHeading")}</h1>
      <SummaryList
        rows={[
          [t("receipts.staff.symbolNumber"), `${receipt.symbol} – ${receipt.number}`],
          [t("receipts.doc.payer"), c.payer.name],
          [t("receipts.doc.amount"), formatMoney(c.amount, locale)],
          [t("receipts.doc.issuedAt"), formatDateTime(c.issuedAt, locale)],
        ]}
      />
      {receipt.status !== "valid" ? (
        <p className="notice">{t("receipts.staff.alreadyCancelled")}</p>
      ) : (
        <>
          <p className="warning-box">{t("receipts.staff.cancelWarning")}</p>
          <p>{t("receipts.staff.cancelLead")}</p>
          <ErrorSummary errors={fieldErrors} formError={translateError(t, form.errors?.[0])} />
          <Form method="post" {...getFormProps(form)}>
            <fieldset className={fields.action.errors?.length ? "radios field-error" : "radios"} aria-describedby={describedBy("action", undefined, err(fields.action))}>
              <legend>{t("receipts.staff.action")}</legend>
              <FieldMessages id="action" error={err(fields.action)} />
              {(["cancel", "replace"] as const).map((v) => (
                <div className="radio" key={v}>
                  <input type="radio" id={`action-${v}`} name={fields.action.name} value={v} defaultChecked={fields.action.initialValue === v} />
                  <label htmlFor={`action-${v}`}>{v === "cancel" ? t("receipts.staff.actionCancel") : t("receipts.staff.actionReplace")}</label>
                </div>
              ))}
            </fieldset>
            <TextField label={t("receipts.staff.reason")} hint={t("receipts.staff.reasonHint")} error={err(fields.reason)} {...getInputProps(fields.reason, { type: "text" })} id={fields.reason.id} />
            <TextField label={t("receipts.staff.payerName")} hint={t("receipts.staff.replaceOnlyHint")} error={err(fields.payerName)} {...getInputProps(fields.payerName, { type: "text" })} id={fields.payerName.id} />
            <TextField label={t("receipts.staff.payerAddress")} hint={t("receipts.staff.replaceOnlyHint")} error={err(fields.payerAddress)} {...getInputProps(fields.payerAddress, { type: "text" })} id={fields.payerAddress.id} />
            <div className="actions">
              <button type="submit" className="button">
                {t("receipts.staff.submit")}
              </button>
              <Link to={back}>{t("receipts.staff.cancelBack")}</Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
