import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadProcedureReview, submitProcedureReview } from "../server/procedures.server";
import { PROCEDURE_NAMESPACES } from "../components/procedure-pages";
import { fieldId } from "../components/filing-fields";
import { ProcedureNotices } from "../components/procedure-attachments";
import { presenter } from "../../server/journeys/browser";
import { formatFileSize } from "../utils/files";
import { pageTitle, useLocale } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["submissions", ...PROCEDURE_NAMESPACES] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.submissions.pages.checkTitle, { site: false });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return loadProcedureReview(request, context, params.slug);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return submitProcedureReview(request, context, params.slug);
}

/** "Check before you send" for any registered procedure: every answer on the path, each with its change link. */
export default function ProcedureCheck() {
  const view = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useLocale();
  const { presentAnswer, fieldLabel } = presenter(view.content);
  const last = view.sections[view.sections.length - 1];
  return (
    <div className="journey check-answers">
      {last ? (
        <Link to={last.href} className="back-link">
          {t("submissions.pages.back")}
        </Link>
      ) : null}
      <h1>{t("submissions.pages.checkTitle")}</h1>
      <p>{t("submissions.pages.checkLead")}</p>
      <ProcedureNotices notices={view.notices} />
      {view.sections.map((section) => {
        const title = t(section.title as never) as string;
        const headingId = `h-${section.stepId}`;
        return (
          <section key={section.stepId} aria-labelledby={headingId}>
            <h2 id={headingId}>{title}</h2>
            <dl className="answers-list">
              {section.fields.map((def) => {
                const label = fieldLabel(t, def);
                const value = section.values[def.name];
                return (
                  <div className="summary-row" key={def.name}>
                    <dt>{label}</dt>
                    <dd>{presentAnswer(t, locale, def, value, { selectLabel: view.optionLabels[def.name]?.[String(value)] ?? null })}</dd>
                    <dd className="summary-action">
                      <Link to={`${section.href}?quay-lai=kiem-tra#${fieldId(def.name)}`}>
                        {t("submissions.pages.change")}
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
      {view.attachments.length ? (
        <section aria-labelledby="h-files">
          <h2 id="h-files">{t("submissions.pages.files")}</h2>
          <ul>
            {view.attachments.map((a) => (
              <li key={a.id}>
                {a.originalName} — {t(`${view.content}.attachments.types.${a.documentType}` as never) as string} ({formatFileSize(a.sizeBytes, locale)})
              </li>
            ))}
          </ul>
          {view.attachmentsHref ? (
            <p>
              <Link to={`${view.attachmentsHref}?quay-lai=kiem-tra`}>
                {t("submissions.pages.change")}
                <span className="visually-hidden"> {t("submissions.pages.files")}</span>
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <h2>{t("submissions.pages.submitHeading")}</h2>
      <p>{t("submissions.pages.submitText")}</p>
      <Form method="post">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("submissions.pages.submit")}
        </button>
      </Form>
    </div>
  );
}
