import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SecondFactorCodeSchema } from "../../server/accounts/browser";
import { confirmSetUpFromForm, loadSetUp } from "../server/accounts.server";
import { retryAfterHeader } from "../server/http.server";
import { ErrorSummary, TextField } from "../components/forms";
import { stepMessage } from "../components/second-factor";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";
import { pageTitle } from "../utils/page";

export const handle: I18nHandle = { i18n: ["account.code", "account.errors", "account.signIn"] };

// Setting up the staff second factor: at the first sign-in where it is required, or by choice from the
// staff banner. The QR code is an image made on the server (no JavaScript); the secret is there in text.
export { headers } from "../utils/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.secondFactor.setUp.title, { site: false });

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadSetUp(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const typed = String(formData.get("code") ?? "").slice(0, 40);
  const parsed = SecondFactorCodeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return data({ code: typed, error: { key: parsed.error.issues[0]!.message, values: {} as Record<string, number> }, recoveryCodes: null, continueTo: null }, { status: 400 });
  }
  const r = await confirmSetUpFromForm(request, context, parsed.data);
  if ("key" in r) {
    return data(
      { code: typed, error: { key: r.key, values: r.values ?? {} }, recoveryCodes: null, continueTo: null },
      { status: r.status, headers: r.retryAfter ? retryAfterHeader(r.retryAfter) : {} },
    );
  }
  return data({ code: "", error: null, ...r.data }, r.init ?? undefined);
}

/** "JBSW Y3DP …": the secret in groups of four, easier to type. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, "$1 ");

export default function StaffSecondFactorSetUp() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  if (actionData?.recoveryCodes) {
    return (
      <div className="narrow recovery-codes">
        <h1>{t("secondFactor.recovery.title")}</h1>
        <p className="notice" role="status">
          {t("secondFactor.recovery.enabled")}
        </p>
        <p>{t("secondFactor.recovery.lead")}</p>
        <p className="warning-box">{t("secondFactor.recovery.once")}</p>
        <ol className="recovery-list" aria-label={t("secondFactor.recovery.listLabel")}>
          {actionData.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <p className="recovery-actions">
          <a className="button" href={actionData.continueTo ?? "/staff"}>
            {t("secondFactor.recovery.continue")}
          </a>
        </p>
      </div>
    );
  }

  if (page.state === "enabled") {
    return (
      <div className="narrow">
        <h1>{t("secondFactor.setUp.title")}</h1>
        <p className="notice" role="status">
          {t("secondFactor.recovery.enabled")}
        </p>
        <p>
          <a className="button" href={page.continueTo}>
            {t("secondFactor.recovery.continue")}
          </a>
        </p>
      </div>
    );
  }

  const error = actionData?.error ? stepMessage(t, actionData.error) : undefined;
  const expired = actionData?.error?.key === "secondFactor.errors.expired";
  return (
    <div className="narrow second-factor-set-up">
      <h1>{t("secondFactor.setUp.title")}</h1>
      <p>{page.mode === "sign-in" || page.required ? t("secondFactor.setUp.leadRequired") : t("secondFactor.setUp.leadOptional")}</p>
      <ErrorSummary errors={error && !expired ? [{ name: "code", id: "code", message: error }] : []} formError={expired ? error : undefined} />
      <ol className="set-up-steps">
        <li>{t("secondFactor.setUp.step1")}</li>
        <li>
          <p>{t("secondFactor.setUp.step2")}</p>
          <img className="totp-qr" src={page.qrDataUri} alt={t("secondFactor.setUp.qrAlt")} width="220" height="220" />
          <p>{t("secondFactor.setUp.manual")}</p>
          <p>
            <span className="visually-hidden">{t("secondFactor.setUp.secretLabel")}: </span>
            <code className="totp-secret" data-secret={page.secret}>
              {grouped(page.secret)}
            </code>
          </p>
        </li>
        <li>
          <p>{t("secondFactor.setUp.step3")}</p>
          <Form method="post" reloadDocument>
            <input type="hidden" name="redirectTo" value={page.redirectTo} />
            <TextField
              id="code"
              name="code"
              label={t("secondFactor.setUp.codeLabel")}
              hint={t("secondFactor.setUp.codeHint")}
              error={expired ? undefined : error}
              className="input-code"
              autoComplete="one-time-code"
              inputMode="numeric"
              spellCheck={false}
              maxLength={40}
              required
              defaultValue={actionData?.code ?? ""}
            />
            <button type="submit" className="button">
              {t("secondFactor.setUp.submit")}
            </button>
          </Form>
        </li>
      </ol>
    </div>
  );
}
