import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckoutSchema } from "../../server/payments/browser";
import { loadNoticePage, payNotice } from "../server/payments.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { NoticeDetails } from "../components/payments";
import { formatDateTime, formatMoney } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.errors", "payments.lookup", "payments.notice", "payments.staff"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.payments.notice.title);

export const loader = (args: LoaderFunctionArgs) => loadNoticePage(args);

export const action = (args: ActionFunctionArgs) => payNotice(args);

export default function NoticePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { notice, token, receipt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(CheckoutSchema),
    defaultValue: { method: "vnpay" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CheckoutSchema }),
  });
  const fieldErrors = [fields.email, fields.method]
    .filter((f) => f.errors?.length)
    .map((f) => ({ name: f.name, id: f.id, message: translateError(t, f.errors?.[0])! }));
  const formError = form.errors?.[0] ? translateError(t, form.errors[0]) : undefined;
  const amount = formatMoney(notice.amount, locale);
  return (
    <div className="narrow">
      <h1>{t("payments.notice.title")}</h1>
      <NoticeDetails notice={notice} />
      {notice.status === "paid" ? (
        <>
          <p className="notice" role="status">
            {t("payments.notice.alreadyPaid", { time: notice.paid_at ? formatDateTime(notice.paid_at, locale) : "" })}
          </p>
          {receipt ? (
            <p>
              <a href={paths.receipt(receipt.code)}>{t("payments.notice.receiptLink", { symbol: receipt.symbol, number: receipt.number })}</a>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <h2>{t("payments.notice.payHeading")}</h2>
          <ErrorSummary errors={fieldErrors} formError={formError} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="token" value={token} />
            <TextField
              label={t("payments.notice.email")}
              hint={t("payments.notice.emailHint")}
              error={translateError(t, fields.email.errors?.[0])}
              autoComplete="email"
              {...getInputProps(fields.email, { type: "email" })}
              id={fields.email.id}
            />
            <fieldset className="field radios">
              <legend>{t("payments.notice.method")}</legend>
              <div className="radio">
                <input type="radio" id="method-vnpay" name={fields.method.name} value="vnpay" defaultChecked />
                <label htmlFor="method-vnpay">{t("payments.notice.methodVnpay")}</label>
              </div>
            </fieldset>
            <p className="hint">{t("payments.notice.payNote")}</p>
            <button type="submit" className="button">
              {t("payments.notice.payButton", { amount })}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to={paths.fees.lookup}>{t("payments.notice.searchAgain")}</Link>
      </p>
    </div>
  );
}
