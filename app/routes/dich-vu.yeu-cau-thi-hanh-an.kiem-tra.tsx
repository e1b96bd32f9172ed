import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { stepById, stepPath, fieldLabel, presentAnswer } from "../../server/filing/browser";
import { loadReview, submitFromReview } from "../server/filing.server";
import { fieldId } from "../components/filing-fields";
import { TimeLimitNotice } from "../components/filing-layout";
import { formatDate } from "../../vocabulary/format";
import { formatFileSize } from "../utils/files";
import { pageTitle, useLocale } from "../utils/page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.filing.check.title, { site: false });
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["filing.attachments", "filing.check", "filing.common", "filing.errors", "filing.fields", "filing.steps", "filing.timeLimit"] };


export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadReview(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  return submitFromReview(request, context);
}

export default function CheckAnswers() {
  const view = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useLocale();

  return (
    <div className="journey check-answers">
      <Link to={stepPath("declaration")} className="back-link">
        {t("filing.common.back")}
      </Link>
      <h1>{t("filing.check.title")}</h1>
      <p>{t("filing.check.lead")}</p>
      {view.timeLimit?.past ? <TimeLimitNotice past date={formatDate(view.timeLimit.ends, locale)} /> : null}
      {view.sections.map((section) => {
        const step = stepById(section.stepId);
        const title = t(`filing.steps.${step.id}.title`);
        const headingId = `h-${step.id}`;
        if (step.kind === "attachments") {
          return (
            <section key={step.id} aria-labelledby={headingId}>
              <h2 id={headingId}>{title}</h2>
              <dl className="answers-list">
                {view.attachments.map((a) => (
                  <div className="summary-row" key={a.id}>
                    <dt>{t(`filing.attachments.types.${a.documentType}` as never)}</dt>
                    <dd>
                      {a.originalName} ({formatFileSize(a.sizeBytes, locale)})
                    </dd>
                  </div>
                ))}
              </dl>
              <p>
                <Link to={`${stepPath(step.id)}?quay-lai=kiem-tra`}>
                  {t("filing.common.change")}
                  <span className="visually-hidden"> {title}</span>
                </Link>
              </p>
            </section>
          );
        }
        return (
          <section key={step.id} aria-labelledby={headingId}>
            <h2 id={headingId}>{title}</h2>
            <dl className="answers-list">
              {step.fields.map((def) => {
                const label = fieldLabel(t, def);
                return (
                  <div className="summary-row" key={def.name}>
                    <dt>{label}</dt>
                    <dd>{presentAnswer(t, locale, def, section.values[def.name], { courtName: view.courtName })}</dd>
                    <dd className="summary-action">
                      <Link to={`${stepPath(step.id)}?quay-lai=kiem-tra#${fieldId(def.name)}`}>
                        {t("filing.common.change")}
                        <span className="visually-hidden"> {label}</span>
                      </Link>
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
      {view.office ? (
        <section aria-labelledby="h-office">
          <h2 id="h-office">{t("filing.check.officeHeading")}</h2>
          <p>{t("filing.check.office", { office: view.office.name })}</p>
          {view.office.address ? <p className="muted">{view.office.address}</p> : null}
        </section>
      ) : null}
      <h2>{t("filing.check.submitHeading")}</h2>
      <p>{t("filing.check.submitText")}</p>
      <Form method="post">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("filing.check.submit")}
        </button>
      </Form>
    </div>
  );
}
