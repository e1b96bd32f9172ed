import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VerifyCodeSchema } from "../../server/accounts/browser";
import { loadCodePage, resendCode, signInWithCode } from "../server/accounts.server";
import { retryAfterHeader } from "../server/http.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { pageTitle } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["account.code", "account.errors", "account.signIn"] };

// Retry-After on a 429 reaches the browser only through a `headers` export.
export { headers } from "../utils/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.account.code.title, { site: false });

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadCodePage(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const redirectTo = String(formData.get("redirectTo") ?? "") || undefined;
  if (formData.get("intent") === "resend") {
    const r = await resendCode(request, context, { redirectTo });
    if (r instanceof Response) return r;
    return data({ result: null, error: r }, { status: r.status, headers: r.retryAfter ? retryAfterHeader(r.retryAfter) : {} });
  }
  const submission = parseWithZod(formData, { schema: VerifyCodeSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null }, { status: 400 });
  const r = await signInWithCode(request, context, submission.value);
  if (r instanceof Response) return r;
  return data(
    {
      result: r.field ? submission.reply({ fieldErrors: { code: [r.key] } }) : submission.reply({ formErrors: [r.key] }),
      error: r,
    },
    { status: r.status, headers: r.retryAfter ? retryAfterHeader(r.retryAfter) : {} },
  );
}

export default function EnterCode() {
  const { t } = useTranslation();
  const { email, minutes, resent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo") ?? "";
  const [form, fields] = useForm({
    lastResult: actionData?.result ?? undefined,
    constraint: getZodConstraint(VerifyCodeSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VerifyCodeSchema }),
  });
  const error = actionData?.error;
  const message = (key: string | undefined) =>
    key && error && key === error.key ? String(t(key as never, (error.values ?? {}) as never)) : translateError(t, key);
  const codeError = message(fields.code.errors?.[0]);
  const fieldErrors = codeError ? [{ name: fields.code.name, id: fields.code.id, message: codeError }] : [];
  const formError = error && !error.field ? message(error.key) : undefined;

  return (
    <div className="narrow citizen-sign-in">
      <h1>{t("account.code.title")}</h1>
      {resent && !error ? (
        <p className="notice" role="status">
          {t("account.code.resent")}
        </p>
      ) : null}
      <p>{t("account.code.sent", { email, minutes })}</p>
      <p>{t("account.code.checkSpam")}</p>
      <ErrorSummary errors={fieldErrors} formError={formError} />
      <Form method="post" reloadDocument {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          label={t("account.code.code")}
          hint={t("account.code.codeHint")}
          error={codeError}
          className="input-code"
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          {...getInputProps(fields.code, { type: "text" })}
          id={fields.code.id}
        />
        <button type="submit" className="button">
          {t("account.code.submit")}
        </button>
      </Form>
      <section aria-labelledby="resend-heading">
        <h2 id="resend-heading">{t("account.code.resendHeading")}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="resend" />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <button type="submit" className="button secondary">
            {t("account.code.resend")}
          </button>
        </Form>
        <p>
          <Link to={redirectTo ? `/dang-nhap?redirectTo=${encodeURIComponent(redirectTo)}` : "/dang-nhap"}>{t("account.code.otherEmail")}</Link>
        </p>
      </section>
    </div>
  );
}
