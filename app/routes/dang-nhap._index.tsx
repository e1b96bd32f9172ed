import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RequestCodeSchema } from "../../server/accounts/browser";
import { loadSignInPage, sendCode } from "../server/accounts.server";
import { retryAfterHeader } from "../server/http.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["account.code", "account.errors", "account.signIn"] };

// Retry-After on a 429 reaches the browser only through a `headers` export.
export { headers } from "../utils/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.account.signIn.title, { site: false });

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadSignInPage(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: RequestCodeSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null }, { status: 400 });
  const r = await sendCode(context, submission.value);
  if (r instanceof Response) return r;
  return data(
    { result: submission.reply({ formErrors: [r.key] }), error: r },
    { status: r.status, headers: r.retryAfter ? retryAfterHeader(r.retryAfter) : {} },
  );
}

export default function SignIn() {
  const { t } = useTranslation();
  const { oidcProvider, email, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo") ?? "";
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { email },
    constraint: getZodConstraint(RequestCodeSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestCodeSchema }),
  });
  const fieldErrors = fields.email.errors?.length
    ? [{ name: fields.email.name, id: fields.email.id, message: translateError(t, fields.email.errors[0])! }]
    : [];
  const formError = actionData?.error ? String(t(actionData.error.key as never, (actionData.error.values ?? {}) as never)) : undefined;

  return (
    <div className="narrow citizen-sign-in">
      <h1>{t("account.signIn.title")}</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice === "oidcFailed" ? t("account.signIn.oidcFailed", { provider: oidcProvider ?? "" }) : t(`account.signIn.${notice}`)}
        </p>
      ) : null}
      <p>{t("account.signIn.lead")}</p>
      <p>{t("account.signIn.noAccountNeeded")}</p>
      <ErrorSummary errors={fieldErrors} formError={formError} />
      <section aria-labelledby="email-code-heading">
        <h2 id="email-code-heading">{t("account.signIn.emailHeading")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField
            label={t("account.signIn.email")}
            hint={t("account.signIn.emailHint")}
            error={translateError(t, fields.email.errors?.[0])}
            autoComplete="email"
            spellCheck={false}
            {...getInputProps(fields.email, { type: "email" })}
            id={fields.email.id}
          />
          <button type="submit" className="button">
            {t("account.signIn.sendCode")}
          </button>
        </Form>
      </section>
      {oidcProvider ? (
        <section aria-labelledby="oidc-heading" className="oidc-sign-in">
          <h2 id="oidc-heading">{t("account.signIn.oidcHeading")}</h2>
          <Form method="post" action={paths.signInOidc} reloadDocument>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <button type="submit" className="button secondary">
              {t("account.signIn.oidcButton", { provider: oidcProvider })}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
