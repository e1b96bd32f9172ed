import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../vocabulary/format";
import { paths } from "../../vocabulary/paths";
import { useLocale } from "../utils/page";
import { CaseEventDoneNotice, caseWords, documentName } from "./case-event-form";

/**
 * The documents section of the case page (ADR 062): each decision document the case's events issued,
 * newest last, with its download link once the job has rendered it ("being prepared" until then). The
 * engine's case page renders it with `caseDocumentsFor(sql, loaded)` from its loader; its route declares
 * the "workflow.documents" and "workflow.event" namespaces.
 */
export type CaseDocumentListItem = { seq: number; event: string; document: string; at: string | Date; issued: boolean; issuedAt: string | Date | null };

export function CaseDocuments({ caseId, content, documents }: { caseId: string; content: string; documents: CaseDocumentListItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = caseWords(t, content);
  return (
    <section aria-labelledby="h-documents">
      <h2 id="h-documents">{t("workflow.documents.heading")}</h2>
      {documents.length === 0 ? (
        <p>{t("workflow.documents.none")}</p>
      ) : (
        <ul className="file-list">
          {documents.map((d) => (
            <li key={d.seq}>
              {d.issued ? (
                <a href={paths.staff.caseDocument(caseId, d.seq)}>{documentName(t, d.document)}</a>
              ) : (
                <span>
                  {documentName(t, d.document)} ({t("workflow.documents.pending")})
                </span>
              )}{" "}
              — {words.event(d.event)}, {formatDateTime(d.at, locale)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The workflow's part of the case page: the notice after an event (top of the page) and the documents
 * section; `panel` is what `caseWorkflowPanel(sql, loaded, request.url)` returned in the page's loader.
 */
export function CaseWorkflowNotice({ content, panel }: { content: string; panel: { notice: { done: string; caseNumber: string | null; document: string | null } | null } }) {
  if (!panel.notice) return null;
  return <CaseEventDoneNotice content={content} done={panel.notice.done} caseNumber={panel.notice.caseNumber} document={panel.notice.document} />;
}
