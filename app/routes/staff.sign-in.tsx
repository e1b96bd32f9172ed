import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffSignInSchema } from "../../server/accounts/schemas";
import { findSession, sessionCookie, signInStaff, SESSION_COOKIE } from "../server/accounts.server";
import { readCookie, retryAfterHeader, returnTarget } from "../server/http.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { resourceFrom } from "../i18n/page";

// Retry-After on a 429 reaches the browser only through a `headers` export.
export { headers } from "../utils/retry-after";

export const meta: MetaFunction = ({ matches }) => {
  const root = { resource: resourceFrom(matches) };
  return [{ title: root?.resource?.staff.signInTitle ?? "THADS" }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await findSession(context.services.sql, readCookie(request, SESSION_COOKIE));
  if (session?.staff_id) throw redirect("/staff");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: StaffSignInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAfter: 0 }, { status: 400 });
  }
  const result = await signInStaff(context.services.sql, {
    email: submission.value.email,
    password: submission.value.password,
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
    requestId: context.requestId,
    locale: context.locale,
    limits: context.services.config,
  });
  if (!result.ok) {
    const rateLimited = result.reason === "rate-limited";
    return data(
      {
        result: submission.reply({ formErrors: [rateLimited ? "staff.rateLimited" : "staff.badCredentials"], hideFields: ["password"] }),
        retryAfter: rateLimited ? result.retryAfterSeconds : 0,
      },
      { status: rateLimited ? 429 : 401, headers: rateLimited ? retryAfterHeader(result.retryAfterSeconds) : {} },
    );
  }
  const maxAge = (result.expiresAt.getTime() - Date.now()) / 1000;
  return redirect(returnTarget(submission.value.redirectTo, { baseUrl: context.services.config.BASE_URL, fallback: "/staff" }), {
    headers: { "Set-Cookie": sessionCookie(context, result.token, maxAge) },
  });
}

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
