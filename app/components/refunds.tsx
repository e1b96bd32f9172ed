import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProposeRefundSchema } from "../../server/receipts/browser";
import { ErrorSummary, TextField, translateError } from "./forms";
import { useLocale } from "../utils/page";
import { formatMoney } from "../../vocabulary/format";
import { paths } from "../../vocabulary/paths";

/** The accountant's refund proposal (amount ≤ what can still be refunded, reason); posts to /staff/refunds/new. */
export function ProposeRefundForm({ txnRef, max, lastResult }: { txnRef: string; max: number; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "propose-refund",
    lastResult,
    constraint: getZodConstraint(ProposeRefundSchema),
    defaultValue: { txnRef },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProposeRefundSchema }),
  });
  const err = (f: { errors?: string[] }) => translateError(t, f.errors?.[0]);
  const fieldErrors = [fields.amount, fields.reason].filter((f) => f.errors?.length).map((f) => ({ name: f.name, id: f.id, message: err(f)! }));
  return (
    <>
      <ErrorSummary errors={fieldErrors} formError={translateError(t, form.errors?.[0])} />
      <Form method="post" action={paths.staff.newRefund(txnRef)} {...getFormProps(form)}>
        <input type="hidden" name={fields.txnRef.name} value={txnRef} />
        <TextField
          label={t("receipts.refunds.amount")}
          hint={t("receipts.refunds.amountHint", { max: formatMoney(max, locale) })}
          error={err(fields.amount)}
          {...getInputProps(fields.amount, { type: "text" })}
          id={fields.amount.id}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField label={t("receipts.refunds.reason")} hint={t("receipts.refunds.reasonHint")} error={err(fields.reason)} {...getInputProps(fields.reason, { type: "text" })} id={fields.reason.id} />
        <div className="actions">
          <button type="submit" className="button">
            {t("receipts.refunds.submitProposal")}
          </button>
        </div>
      </Form>
    </>
  );
}
