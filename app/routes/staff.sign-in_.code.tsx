import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SecondFactorCodeSchema } from "../../server/accounts/browser";
import { loadCodeStep, submitCode } from "../server/accounts.server";
import { retryAfterHeader } from "../server/http.server";
import { ErrorSummary, TextField } from "../components/forms";
import { stepMessage } from "../components/second-factor";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";
import { pageTitle } from "../utils/page";

export const handle: I18nHandle = { i18n: ["account.code", "account.errors", "account.signIn"] };

// The staff sign-in's second step: a code from the authenticator app, or a recovery code.
export { headers } from "../utils/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.secondFactor.code.title, { site: false });

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadCodeStep(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = SecondFactorCodeSchema.safeParse(Object.fromEntries(formData));
  const typed = String(formData.get("code") ?? "").slice(0, 40);
  if (!parsed.success) {
    return data({ code: typed, error: { key: parsed.error.issues[0]!.message, values: {} as Record<string, number> } }, { status: 400 });
  }
  const r = await submitCode(request, context, parsed.data);
  if (r instanceof Response) return r;
  return data({ code: typed, error: { key: r.key, values: r.values ?? {} } }, { status: r.status, headers: r.retryAfter ? retryAfterHeader(r.retryAfter) : {} });
}

export default function StaffCodeStep() {
  const { t } = useTranslation();
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error ? stepMessage(t, actionData.error) : undefined;
  const expired = actionData?.error?.key === "secondFactor.errors.expired";
  return (
    <div className="narrow">
      <h1>{t("secondFactor.code.title")}</h1>
      <p>{t("secondFactor.code.lead")}</p>
      <ErrorSummary errors={error && !expired ? [{ name: "code", id: "code", message: error }] : []} formError={expired ? error : undefined} />
      <Form method="post" reloadDocument>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          id="code"
          name="code"
          label={t("secondFactor.code.label")}
          hint={t("secondFactor.code.hint")}
          error={expired ? undefined : error}
          className="input-code"
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={40}
          required
          defaultValue={actionData?.code ?? ""}
        />
        <button type="submit" className="button">
          {t("secondFactor.code.submit")}
        </button>
      </Form>
      <p>{t("secondFactor.code.lostPhone")}</p>
      <p>
        <Link to={redirectTo ? `/staff/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : "/staff/sign-in"}>{t("secondFactor.code.startAgain")}</Link>
      </p>
    </div>
  );
}
