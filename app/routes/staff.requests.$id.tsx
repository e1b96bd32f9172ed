import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pathFor, stepById, TIME_LIMIT_YEARS, fieldLabel, presentAnswer } from "../../server/filing/browser";
import { loadOfficeRequest } from "../server/filing.server";
import { formatDateTime } from "../../vocabulary/format";
import { formatFileSize } from "../utils/files";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["filing.attachments", "filing.common", "filing.errors", "filing.fields", "filing.staff", "filing.steps"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, () => data?.request.reference, { site: false });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return loadOfficeRequest(request, context, params.id);
}

export default function OfficeRequest() {
  const { request: r, attachments } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  // Staff read about the applicant: the journey's questions ("Bạn gửi đơn…") are reworded where they speak to the citizen.
  const staffLabels = t("filing.staff.labels", { returnObjects: true }) as Record<string, string>;
  const staffTitles = t("filing.staff.stepTitles", { returnObjects: true }) as Record<string, string>;
  return (
    <div className="check-answers">
      <p>
        <Link to={paths.staff.requests} className="back-link">
          {t("filing.staff.backToList")}
        </Link>
      </p>
      <h1>{t("filing.staff.detailTitle", { reference: r.reference })}</h1>
      <p>
        {formatDateTime(r.submittedAt, locale)} · {r.agencyName}
      </p>
      {r.pastTimeLimit ? <p className="warning-box">{t("filing.staff.pastLimit", { years: TIME_LIMIT_YEARS })}</p> : null}
      <p>
        <a href={paths.staff.requestPdf(r.id)} className="button secondary">
          {t("filing.staff.pdf")}
        </a>
      </p>
      {pathFor(r.answers)
        .filter((s) => s.kind === "form")
        .map((s) => {
          const step = stepById(s.id);
          return (
            <section key={s.id} aria-labelledby={`h-${s.id}`}>
              <h2 id={`h-${s.id}`}>{staffTitles[s.id] ?? t(`filing.steps.${s.id}.title`)}</h2>
              <dl className="answers-list">
                {step.fields.map((def) => (
                  <div className="summary-row" key={def.name}>
                    <dt>{staffLabels[def.name] ?? fieldLabel(t, def)}</dt>
                    <dd>{presentAnswer(t, locale, def, r.answers[s.id]?.[def.name], { courtName: r.courtName })}</dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      <section aria-labelledby="h-files">
        <h2 id="h-files">{t("filing.staff.attachments")}</h2>
        <ul className="file-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={paths.staff.requestFile(r.id, a.id)}>
                {a.originalName}
              </a>{" "}
              — {t(`filing.attachments.types.${a.documentType as "other"}`)}, {formatFileSize(a.sizeBytes, locale)},{" "}
              {t(`filing.staff.scan.${a.scanStatus as "clean"}`)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
