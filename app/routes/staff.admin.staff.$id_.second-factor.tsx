import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadSecondFactorReset, resetFromForm } from "../server/accounts.server";
import { uuidParam } from "../server/http.server";
import { ErrorSummary } from "../components/forms";
import { SummaryList } from "../components/summary-list";
import { pageTitle } from "../utils/page";

// An administrator resets a staff member's second factor (lost phone): a confirmation form, then done.
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.secondFactor.reset.title, { site: false });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return loadSecondFactorReset(request, context, uuidParam(params.id));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = uuidParam(params.id);
  const form = await request.formData();
  const r = await resetFromForm(request, context, id, { confirmed: form.get("confirm") === "yes" });
  return data(r, { status: r.status });
}

export default function ResetSecondFactor() {
  const { t } = useTranslation();
  const { person } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData && !actionData.ok ? t(actionData.error as never) : undefined;
  return (
    <div className="narrow">
      <h1>{t("secondFactor.reset.title")}</h1>
      {actionData?.ok ? (
        <p className="notice" role="status">
          {t("secondFactor.reset.done", { name: person.fullName, count: actionData.sessionsRevoked })}
        </p>
      ) : null}
      <ErrorSummary errors={error ? [{ name: "confirm", id: "confirm", message: String(error) }] : []} />
      <SummaryList
        rows={[
          [t("secondFactor.reset.person"), person.fullName],
          [t("secondFactor.reset.email"), person.email],
          [
            t("secondFactor.reset.status"),
            person.enabled ? t("secondFactor.reset.enabled", { count: person.recoveryCodesLeft }) : t("secondFactor.reset.notEnabled"),
          ],
        ]}
      />
      <p>{t("secondFactor.reset.lead")}</p>
      <Form method="post" reloadDocument>
        <div className={error ? "field field-error" : "field"}>
          {error ? (
            <p className="error-message" id="confirm-error">
              {String(error)}
            </p>
          ) : null}
          <div className="choice">
            <input type="checkbox" id="confirm" name="confirm" value="yes" aria-describedby={error ? "confirm-error" : undefined} aria-invalid={error ? true : undefined} />
            <label htmlFor="confirm">{t("secondFactor.reset.confirm")}</label>
          </div>
        </div>
        <button type="submit" className="button">
          {t("secondFactor.reset.submit")}
        </button>
      </Form>
    </div>
  );
}
