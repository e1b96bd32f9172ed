import { useTranslation } from "react-i18next";
import { presenter, type Journey } from "../../server/journeys/browser";
import { FEEDBACK } from "../../server/feedback/browser";
import { formatDateTime } from "../../vocabulary/format";
import { formatFileSize } from "../utils/files";
import { SummaryList } from "./summary-list";
import { CONFIRMATION_JOURNEY } from "../../server/confirmation/browser";
import { OFFICER_CHANGE_JOURNEY } from "../../server/officer-change/browser";
import type { ProcedureSection as Section } from "../server/submissions.server";
import { COMPLAINT_JOURNEY } from "../../server/complaints/browser";
import { DENUNCIATION_JOURNEY } from "../../server/denunciations/browser";

/**
 * The journeys whose submissions the staff case page shows through `ProcedureSectionView` (ADR 073): each
 * procedure adds its definition here (procedure id → journey). Browser-safe definitions only.
 */
export const PROCEDURE_JOURNEYS: Record<string, Journey> = {
  feedback: FEEDBACK as unknown as Journey,
  complaint: COMPLAINT_JOURNEY as unknown as Journey,
  confirmation: CONFIRMATION_JOURNEY as unknown as Journey,
  "officer-change": OFFICER_CHANGE_JOURNEY as unknown as Journey,
  denunciation: DENUNCIATION_JOURNEY as unknown as Journey,
};

/**
 * What was filed, read in the journey's own words: one list per step on the path the answers took, who sent
 * it, the files (their download link is the procedure's, `fileHref`). The page's i18n handle must list the
 * procedure's section and `submissions`.
 */
export function ProcedureSectionView({ section, fileHref, headingLevel = 3 }: { section: Section; fileHref?: (fileId: string) => string; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "vi";
  const journey = PROCEDURE_JOURNEYS[section.procedure];
  const H = `h${headingLevel}` as "h2" | "h3";
  const H2 = `h${headingLevel + 1}` as "h3" | "h4";
  const rows: [string, string][] = [
    [t("submissions.section.submittedAt"), formatDateTime(section.submittedAt, locale)],
    ...(section.applicantName ? ([[t("submissions.section.applicant"), section.applicantName]] as [string, string][]) : []),
    ...(section.applicantEmail ? ([[t("submissions.section.email"), section.applicantEmail]] as [string, string][]) : []),
    ...denouncerRows(section, (k) => t(`denunciations.denouncer.${k}` as never)),
  ];
  return (
    <div className="procedure-section">
      <H>{t("submissions.section.title")}</H>
      {section.redacted ? <p className="notice">{t("submissions.section.redacted")}</p> : null}
      <SummaryList rows={rows} />
      {journey
        ? journey.pathFor(section.answers as never).map((step) => {
            const { presentAnswer, fieldLabel } = presenter(journey.content);
            const answers = (section.answers as Record<string, Record<string, unknown> | undefined>)[step.id] ?? {};
            const lines = step.fields
              .filter((def) => !(def.optional && (answers[def.name] === undefined || answers[def.name] === "")))
              .filter((def) => def.name in answers || !section.redacted)
              .map((def) => [fieldLabel(t, def), presentAnswer(t, locale, def, answers[def.name])] as [string, string]);
            if (!lines.length) return null;
            return (
              <section key={step.id}>
                <H2>{t(`${journey.content}.steps.${step.id}.title` as never)}</H2>
                <SummaryList rows={lines} />
              </section>
            );
          })
        : null}
      <H2>{t("submissions.section.files")}</H2>
      {section.attachments.length ? (
        <ul>
          {section.attachments.map((a) => (
            <li key={a.id}>
              {fileHref ? <a href={fileHref(a.id)}>{a.originalName}</a> : a.originalName} ({formatFileSize(a.sizeBytes, locale)})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("submissions.section.noFiles")}</p>
      )}
    </div>
  );
}

/** A denunciation's denouncer, present only when the redact hook let this staff member see it (ADR 076). */
function denouncerRows(section: Section, w: (key: "fullName" | "address" | "idNumber" | "email" | "phone") => string): [string, string][] {
  const d = (section as Section & { denouncer?: Record<string, string | null> | null }).denouncer;
  if (!d) return [];
  return (["fullName", "address", "idNumber", "email", "phone"] as const).filter((k) => d[k]).map((k) => [w(k), String(d[k])]);
}
