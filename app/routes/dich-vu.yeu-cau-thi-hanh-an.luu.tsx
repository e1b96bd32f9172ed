import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResumeLinkSchema } from "../../server/filing/browser";
import { loadSaveForLater, sendResumeLink } from "../server/filing.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { formatDateTime } from "../../vocabulary/format";
import { retryAfterHeader } from "../server/http.server";
import { pageTitle, useLocale } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["filing.common", "filing.errors", "filing.fields", "filing.save"] };

// Retry-After on a 429 reaches the browser only through a `headers` export.
export { headers } from "../utils/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.filing.save.title, { site: false });

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadSaveForLater(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const outcome = await sendResumeLink(request, context, await request.formData());
  if (outcome.ok) return { sent: { email: outcome.email, expiresAt: outcome.expiresAt }, result: undefined, retryAfter: 0 };
  return data({ sent: null, result: outcome.result, retryAfter: outcome.retryAfter }, { status: outcome.retryAfter ? 429 : 400, headers: outcome.retryAfter ? retryAfterHeader(outcome.retryAfter) : {} });
}

export default function SaveForLater() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "save-for-later",
    lastResult: actionData?.result,
    defaultValue: { email: view.email },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResumeLinkSchema }),
  });
  if (actionData?.sent) {
    return (
      <div className="narrow">
        <h1>{t("filing.save.sentTitle")}</h1>
        <p>{t("filing.save.sent", { email: actionData.sent.email, time: formatDateTime(actionData.sent.expiresAt, locale) })}</p>
        <p>
          <Link to={view.continueHref}>{t("filing.save.backToForm")}</Link>
        </p>
      </div>
    );
  }
  const errors = fields.email.errors?.length ? [{ name: "email", id: "f-email", message: translateError(t, fields.email.errors[0])! }] : [];
  const formError = form.errors?.[0] ? (t(form.errors[0] as never, { seconds: actionData?.retryAfter ?? 0 }) as string) : undefined;
  return (
    <div className="narrow">
      <Link to={view.continueHref} className="back-link">
        {t("filing.common.back")}
      </Link>
      <ErrorSummary errors={errors} formError={formError} />
      <h1>{t("filing.save.title")}</h1>
      <p>{t("filing.save.lead", { hours: view.hours })}</p>
      <Form method="post" {...getFormProps(form)}>
        <TextField
          label={t("filing.save.email")}
          error={translateError(t, fields.email.errors?.[0])}
          autoComplete="email"
          {...getInputProps(fields.email, { type: "email" })}
          id="f-email"
        />
        <button type="submit" className="button">
          {t("filing.save.send")}
        </button>
      </Form>
    </div>
  );
}
