import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NoticeLookupSchema } from "../../server/payments/browser";
import { loadFeeLookup, lookUpNotice } from "../server/payments.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { pageTitle } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.errors", "payments.lookup", "payments.notice", "payments.staff"] };

// Retry-After on a 429 reaches the browser only through a `headers` export.
export { headers } from "../utils/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.payments.lookup.title);

export const loader = (args: LoaderFunctionArgs) => loadFeeLookup(args);

export const action = (args: ActionFunctionArgs) => lookUpNotice(args);

export default function FeeLookup() {
  const { t } = useTranslation();
  const { expired } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(NoticeLookupSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NoticeLookupSchema }),
  });
  const fieldErrors = [fields.noticeNumber, fields.idNumber]
    .filter((f) => f.errors?.length)
    .map((f) => ({ name: f.name, id: f.id, message: translateError(t, f.errors?.[0])! }));
  const formError = form.errors?.[0] ? (t(form.errors[0] as never, { seconds: actionData?.retryAfter ?? 0 }) as string) : undefined;
  return (
    <div className="narrow">
      <h1>{t("payments.lookup.title")}</h1>
      <p className="lead">{t("payments.lookup.lead")}</p>
      {expired && !actionData ? <p className="notice">{t("payments.lookup.expired")}</p> : null}
      <ErrorSummary errors={fieldErrors} formError={formError} />
      <Form method="post" {...getFormProps(form)}>
        <TextField
          label={t("payments.lookup.noticeNumber")}
          hint={t("payments.lookup.noticeNumberHint")}
          error={translateError(t, fields.noticeNumber.errors?.[0])}
          autoComplete="off"
          spellCheck={false}
          {...getInputProps(fields.noticeNumber, { type: "text" })}
          id={fields.noticeNumber.id}
        />
        <TextField
          label={t("payments.lookup.idNumber")}
          hint={t("payments.lookup.idNumberHint")}
          error={translateError(t, fields.idNumber.errors?.[0])}
          autoComplete="off"
          inputMode="numeric"
          {...getInputProps(fields.idNumber, { type: "text" })}
          id={fields.idNumber.id}
        />
        <button type="submit" className="button">
          {t("payments.lookup.submit")}
        </button>
      </Form>
      <h2>{t("payments.lookup.howItWorks")}</h2>
      <ol className="steps">
        <li>{t("payments.lookup.steps.find")}</li>
        <li>{t("payments.lookup.steps.check")}</li>
        <li>{t("payments.lookup.steps.pay")}</li>
        <li>{t("payments.lookup.steps.receipt")}</li>
      </ol>
    </div>
  );
}
