import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { loadLookupPage } from "../server/cases.server";
import { lookupPageAction } from "../server/satisfaction.server";
import { CaseStatus } from "../components/case-status";
import { SatisfactionQuestion } from "../components/satisfaction";
import { ErrorSummary, TextField } from "../components/forms";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";
import { CASE_TYPE_NAMESPACES } from "../components/case-namespaces";

export const handle: I18nHandle = { i18n: ["lookup", "status", "cases", ...CASE_TYPE_NAMESPACES, "satisfaction"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.lookup.title, { extra: [{ name: "robots", content: "noindex, nofollow" }] });

/** no-store and noindex on every answer, and Retry-After on a 429 (Remix keeps only what `headers` returns). */
export const headers: HeadersFunction = ({ parentHeaders, actionHeaders, loaderHeaders }) => {
  const out = new Headers(parentHeaders);
  out.set("Cache-Control", "no-store");
  out.set("X-Robots-Tag", "noindex, nofollow");
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retryAfter) out.set("Retry-After", retryAfter);
  return out;
};

/** The status lookup without an account (ADR 066): reference + access code → the case as its parties see it. */
export const loader = (args: LoaderFunctionArgs) => loadLookupPage(args);

/** The lookup itself, or the satisfaction answer of a final case found (by the page's token, never the code: ADR 081). */
export const action = (args: ActionFunctionArgs) => lookupPageAction(args);

export default function CaseLookup() {
  const { t } = useTranslation();
  const initial = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const page = posted ?? initial;
  // The code is never kept: after every answer the field is empty (the server render has no value either).
  useEffect(() => {
    const code = document.getElementById("accessCode") as HTMLInputElement | null;
    if (code) code.value = "";
  }, [posted]);

  if (page.found) {
    return (
      <>
        <h1>{t("lookup.found.heading", { reference: page.view.reference })}</h1>
        <CaseStatus view={page.view} />
        {"extra" in page && page.extra ? <SatisfactionQuestion offer={page.extra} /> : null}
        <p className="hint">{t("lookup.found.privacy")}</p>
        <p>
          <Link to={paths.lookup()} reloadDocument>
            {t("lookup.found.another")}
          </Link>
        </p>
      </>
    );
  }

  const problems = page.problems;
  const fieldError = (p: "referenceRequired" | "accessCodeRequired") => (problems.includes(p) ? t(`lookup.errors.${p}`) : undefined);
  const referenceError = fieldError("referenceRequired");
  const codeError = fieldError("accessCodeRequired");
  const formError = problems.includes("notFound")
    ? t("lookup.errors.notFound")
    : problems.includes("expired")
      ? t("lookup.errors.expired")
    : problems.includes("rateLimited")
      ? t("lookup.errors.rateLimited", { count: page.retryAfter })
      : undefined;
  const errors = [
    ...(referenceError ? [{ name: "reference", id: "reference", message: referenceError }] : []),
    ...(codeError ? [{ name: "accessCode", id: "accessCode", message: codeError }] : []),
  ];
  return (
    <div className="narrow">
      <h1>{t("lookup.title")}</h1>
      <p className="lead">{t("lookup.lead")}</p>
      <ErrorSummary errors={errors} formError={formError} />
      {problems.includes("rateLimited") ? (
        <div className="notice">
          <p>{t("lookup.errors.rateLimitedSignIn")}</p>
          <p>
            <Link to={paths.signIn}>{t("lookup.errors.signIn")}</Link>
          </p>
        </div>
      ) : null}
      <Form method="post" noValidate>
        <TextField
          label={t("lookup.reference")}
          hint={t("lookup.referenceHint")}
          error={referenceError}
          id="reference"
          name="reference"
          type="text"
          defaultValue={page.reference}
          key={`reference-${page.reference}`}
          maxLength={60}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <TextField
          label={t("lookup.accessCode")}
          hint={t("lookup.accessCodeHint")}
          error={codeError}
          id="accessCode"
          name="accessCode"
          type="text"
          maxLength={40}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <button type="submit" className="button">
          {t("lookup.submit")}
        </button>
      </Form>
    </div>
  );
}
