import { useTranslation } from "react-i18next";
import { pathFor, stepById, timeLimitYears, fieldLabel, presentAnswer } from "../../server/filing/browser";
import type { RequestSection } from "../../server/filing/browser";
import { formatDateTime } from "../../vocabulary/format";
import { formatFileSize } from "../utils/files";
import { useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";

/**
 * An enforcement request as staff read it (the case page's submission section; before issue 12 the page
 * /staff/requests/:id): its answers step by step, worded about the applicant, and its files.
 * Strings: filing.attachments, filing.common, filing.errors, filing.fields, filing.staff, filing.steps.
 */
export function EnforcementRequestSection({ section, headingLevel = 2 }: { section: RequestSection; headingLevel?: 2 | 3 }) {
  const { request: r, attachments } = section;
  const { t } = useTranslation();
  const locale = useLocale();
  const H = headingLevel === 2 ? "h2" : "h3";
  // Staff read about the applicant: the journey's questions ("Bạn gửi đơn…") are reworded where they speak to the citizen.
  const staffLabels = t("filing.staff.labels", { returnObjects: true }) as Record<string, string>;
  const staffTitles = t("filing.staff.stepTitles", { returnObjects: true }) as Record<string, string>;
  return (
    <div className="check-answers">
      <p>
        {formatDateTime(r.submittedAt, locale)} · {r.agencyName}
      </p>
      {r.pastTimeLimit ? <p className="warning-box">{t("filing.staff.pastLimit", { years: timeLimitYears() })}</p> : null}
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
              <H id={`h-${s.id}`}>{staffTitles[s.id] ?? t(`filing.steps.${s.id}.title`)}</H>
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
        <H id="h-files">{t("filing.staff.attachments")}</H>
        <ul className="file-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={paths.staff.requestFile(r.id, a.id)}>{a.originalName}</a> — {t(`filing.attachments.types.${a.documentType as "other"}`)},{" "}
              {formatFileSize(a.sizeBytes, locale)}, {t(`filing.staff.scan.${a.scanStatus as "clean"}`)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
