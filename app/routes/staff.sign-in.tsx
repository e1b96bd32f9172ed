import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffSignInSchema } from "../../server/accounts/browser";
import { loadStaffSignIn, signInStaffFromForm } from "../server/accounts.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { pageTitle } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["account.code", "account.errors", "account.signIn"] };

// Retry-After on a 429 reaches the browser only through a `headers` export.
export { headers } from "../utils/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.staff.signInTitle, { site: false });

export const loader = (args: LoaderFunctionArgs) => loadStaffSignIn(args);

export const action = (args: ActionFunctionArgs) => signInStaffFromForm(args);

export default function StaffSignIn() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(StaffSignInSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StaffSignInSchema }),
  });
  const fieldErrors = [fields.email, fields.password]
    .filter((f) => f.errors?.length)
    .map((f) => ({ name: f.name, id: f.id, message: translateError(t, f.errors?.[0])! }));
  const formError = form.errors?.[0]
    ? (t(form.errors[0] as never, { seconds: actionData?.retryAfter ?? 0 }) as string)
    : undefined;

  return (
    <div className="narrow">
      <h1>{t("staff.signInTitle")}</h1>
      {params.get("signedOut") ? (
        <p className="notice" role="status">
          {t("staff.signedOut")}
        </p>
      ) : null}
      <p>{t("staff.signInLead")}</p>
      <ErrorSummary errors={fieldErrors} formError={formError} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          label={t("staff.email")}
          error={translateError(t, fields.email.errors?.[0])}
          autoComplete="username"
          {...getInputProps(fields.email, { type: "email" })}
          id={fields.email.id}
        />
        <TextField
          label={t("staff.password")}
          error={translateError(t, fields.password.errors?.[0])}
          autoComplete="current-password"
          {...getInputProps(fields.password, { type: "password" })}
          id={fields.password.id}
        />
        <button type="submit" className="button">
          {t("staff.signIn")}
        </button>
      </Form>
    </div>
  );
}
