import { useTranslation } from "react-i18next";
import type { InfoRequestView } from "../../server/answers/browser";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import { formatFileSize } from "../utils/files";
import { useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import { documentTypeLabel } from "./answer-form";

/**
 * The staff case page's section (ADR 063): each question the office asked (askForMore), and the citizen's
 * answer with its files (downloads are scoped and audited). Data: `caseInfoRequestsFor(sql, { caseId, staffId })`
 * from server/answers, called by the case page's loader. Needs the i18n namespaces "answers" and "filing.attachments".
 */
export function CaseInfoRequests({ caseId, requests }: { caseId: string; requests: InfoRequestView[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="info-requests-heading" className="case-info-requests">
      <h2 id="info-requests-heading">{t("answers.staff.heading")}</h2>
      {requests.length === 0 ? (
        <p>{t("answers.staff.none")}</p>
      ) : (
        <ol className="plain-list">
          {requests.map((q) => (
            <li key={q.id} className="info-request">
              <h3>{t("answers.staff.asked", { time: formatDateTime(q.askedAt, locale) })}</h3>
              <dl className="summary-list">
                <div>
                  <dt>{t("answers.staff.question")}</dt>
                  <dd className="prewrap">{q.message}</dd>
                </div>
                <div>
                  <dt>{t("answers.staff.documents")}</dt>
                  <dd>{q.requestedDocuments.map((d) => documentTypeLabel(t, d)).join(", ") || "–"}</dd>
                </div>
                <div>
                  <dt>{t("answers.staff.answer")}</dt>
                  <dd>
                    {q.answeredAt ? (
                      <>
                        <p>{t("answers.staff.answered", { time: formatDateTime(q.answeredAt, locale), via: t(`answers.staff.via.${q.answeredVia ?? "link"}`) })}</p>
                        <p className="prewrap">{q.answerText || "–"}</p>
                      </>
                    ) : new Date(q.expiresAt) <= new Date() ? (
                      t("answers.staff.expired", { date: formatDate(q.expiresAt, locale) })
                    ) : (
                      t("answers.staff.waiting", { date: formatDate(q.expiresAt, locale) })
                    )}
                  </dd>
                </div>
                {q.answeredAt ? (
                  <div>
                    <dt>{t("answers.staff.files")}</dt>
                    <dd>
                      {q.files.length ? (
                        <ul>
                          {q.files.map((f) => (
                            <li key={f.id}>
                              <a href={paths.answers.staffFile(caseId, f.id)} download>
                                {t("answers.staff.download", { name: f.originalName })}
                              </a>{" "}
                              ({documentTypeLabel(t, f.documentType)}, {formatFileSize(f.sizeBytes, locale)})
                            </li>
                          ))}
                        </ul>
                      ) : (
                        t("answers.staff.noFiles")
                      )}
                    </dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
