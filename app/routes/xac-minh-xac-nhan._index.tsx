import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadCertificateForm } from "../server/confirmation.server";
import { ErrorSummary, TextField } from "../components/forms";
import { pageTitle } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["confirmation"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.confirmation.verify.title);

/** Type the code printed on a certificate of enforcement result (a GET form: works without JavaScript). */
export const loader = (args: LoaderFunctionArgs) => loadCertificateForm(args);

export default function VerifyCertificateForm() {
  const { t } = useTranslation();
  const { error, value } = useLoaderData<typeof loader>();
  const message = error ? t("confirmation.verify.errors.code") : undefined;
  return (
    <div className="narrow">
      <ErrorSummary errors={message ? [{ name: "ma", id: "f-code", message }] : []} />
      <h1>{t("confirmation.verify.title")}</h1>
      <p>{t("confirmation.verify.formLead")}</p>
      <Form method="get" action={paths.verifyCertificate.form} reloadDocument noValidate>
        <TextField
          id="f-code"
          name="ma"
          label={t("confirmation.verify.code")}
          hint={t("confirmation.verify.codeHint")}
          error={message}
          defaultValue={value}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <button type="submit" className="button">
          {t("confirmation.verify.submit")}
        </button>
      </Form>
    </div>
  );
}
