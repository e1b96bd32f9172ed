import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CancelReceiptSchema } from "../../server/receipts/schemas";
import { requireAccountant } from "../server/payments.server";
import { cancelReceipt, formatReceiptNumber, getReceiptForAccountant, refundablePayment } from "../server/receipts.server";
import { ProposeRefundForm } from "../components/refunds";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { titleFrom, useLocale } from "../components/payments";
import { formatDateTime, formatMoney } from "../utils/format";
import { SummaryList } from "../components/summary-list";
import { uuidParam } from "../server/http.server";

export const meta: MetaFunction = ({ matches }) => titleFrom(matches, (r) => r.receipts.staff.cancelHeading);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = uuidParam(params.id);
  const { staff } = await requireAccountant(request, context);
  const r = await getReceiptForAccountant(context.services.sql, { id, staffId: staff.id });
  if (!r) throw data(null, { status: 404 });
  const refundable = await refundablePayment(context.services.sql, { txnRef: r.payload.method.txnRef, staffId: staff.id });
  return {
    refundable,
    receipt: { id: r.id, code: r.code, symbol: r.symbol, number: formatReceiptNumber(r.number), status: r.status, content: r.payload, cancelledAt: r.cancelled_at?.toISOString() ?? null, cancelReason: r.cancel_reason },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = uuidParam(params.id);
  const { staff } = await requireAccountant(request, context);
  const submission = parseWithZod(await request.formData(), { schema: CancelReceiptSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const result = await cancelReceipt(
    context.services.sql,
    { receiptId: id, reason: v.reason, replace: v.action === "replace", payerName: v.payerName, payerAddress: v.payerAddress },
    { staffId: staff.id, ip: context.clientIp, requestId: context.requestId },
  );
  if (!result.ok) {
    if (result.error === "not-found") throw data(null, { status: 404 });
    const message = result.error === "already-cancelled" ? "receipts.staff.alreadyCancelled" : "receipts.staff.notSucceeded";
    return data({ result: submission.reply({ formErrors: [message] }) }, { status: 400 });
  }
  const r = (await getReceiptForAccountant(context.services.sql, { id: result.cancelled.id, staffId: staff.id }))!;
  const q = new URLSearchParams({ cancelled: formatReceiptNumber(r.number) });
  if (result.replacement) q.set("replacement", formatReceiptNumber(result.replacement.number));
  return redirect(`/staff/receipts?${q}`);
}

export default function StaffReceipt() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { receipt, refundable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const c = receipt.content;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(CancelReceiptSchema),
    defaultValue: { action: "cancel", payerName: c.payer.name, payerAddress: c.payer.address },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CancelReceiptSchema }),
  });
  const err = (f: { errors?: string[] }) => translateError(t, f.errors?.[0]);
  const fieldErrors = [fields.reason, fields.action, fields.payerName, fields.payerAddress]
    .filter((f) => f.errors?.length)
    .map((f) => ({ name: f.name, id: f.id, message: err(f)! }));
  return (
    <div className="narrow">
      <h1>{t("receipts.staff.detailTitle", { symbol: receipt.symbol, number: receipt.number })}</h1>
      <SummaryList
        rows={[
          [t("receipts.doc.payer"), c.payer.name],
          [t("receipts.doc.reason"), c.reason.text],
          [t("receipts.doc.amount"), formatMoney(c.amount, locale)],
          [t("receipts.doc.issuedAt"), formatDateTime(c.issuedAt, locale)],
          [t("receipts.staff.status"), receipt.status === "valid" ? t("receipts.staff.statuses.valid") : t("receipts.staff.statuses.cancelled")],
        ]}
      />
      <p>
        <a href={`/bien-lai/${receipt.code}`}>{t("receipts.result.openReceipt")}</a>
      </p>
      {receipt.status === "valid" ? (
        <>
          <h2>{t("receipts.staff.cancelHeading")}</h2>
          <p>{t("receipts.staff.cancelLead")}</p>
          <ErrorSummary errors={fieldErrors} formError={translateError(t, form.errors?.[0])} />
          <Form method="post" {...getFormProps(form)}>
            <TextField label={t("receipts.staff.reason")} hint={t("receipts.staff.reasonHint")} error={err(fields.reason)} {...getInputProps(fields.reason, { type: "text" })} id={fields.reason.id} />
            <fieldset className="radios">
              <legend>{t("receipts.staff.action")}</legend>
              {(["cancel", "replace"] as const).map((v) => (
                <div className="radio" key={v}>
                  <input type="radio" id={`action-${v}`} name={fields.action.name} value={v} defaultChecked={(fields.action.initialValue ?? "cancel") === v} />
                  <label htmlFor={`action-${v}`}>{v === "cancel" ? t("receipts.staff.actionCancel") : t("receipts.staff.actionReplace")}</label>
                </div>
              ))}
            </fieldset>
            <TextField label={t("receipts.staff.payerName")} error={err(fields.payerName)} {...getInputProps(fields.payerName, { type: "text" })} id={fields.payerName.id} />
            <TextField label={t("receipts.staff.payerAddress")} error={err(fields.payerAddress)} {...getInputProps(fields.payerAddress, { type: "text" })} id={fields.payerAddress.id} />
            <div className="actions">
              <button type="submit" className="button">
                {t("receipts.staff.submit")}
              </button>
            </div>
          </Form>
        </>
      ) : (
        <p className="notice">{t("receipts.staff.alreadyCancelled")}</p>
      )}
      {refundable && refundable.max > 0 ? (
        <section aria-labelledby="refund-heading">
          <h2 id="refund-heading">{t("receipts.refunds.proposeFor")}</h2>
          <ProposeRefundForm txnRef={refundable.txnRef} max={refundable.max} />
        </section>
      ) : null}
      <p>
        <Link to="/staff/refunds">{t("receipts.staff.navRefunds")}</Link>
      </p>
      <p>
        <Link to="/staff/receipts">{t("receipts.staff.back")}</Link>
      </p>
    </div>
  );
}
