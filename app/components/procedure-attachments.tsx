import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "./forms";
import { formatFileSize } from "../utils/files";
import { formatDate } from "../../vocabulary/format";
import { useLocale } from "../utils/page";

type Notice = { key: string; values?: Record<string, string>; dates?: Record<string, string>; tone?: "info" | "warning" };

/** A procedure's notices (its words, e.g. the complaint's time limit), with dates in the reader's format. */
export function ProcedureNotices({ notices }: { notices: readonly Notice[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!notices.length) return null;
  return (
    <>
      {notices.map((n) => {
        const dates = Object.fromEntries(Object.entries(n.dates ?? {}).map(([k, v]) => [k, formatDate(v, locale)]));
        return (
          <p key={n.key} className={n.tone === "warning" ? "notice warning" : "notice"} role="status">
            {t(n.key as never, { ...n.values, ...dates }) as string}
          </p>
        );
      })}
    </>
  );
}

export type AttachmentsPageView = {
  content: string;
  title: string;
  number: number;
  total: number;
  backHref: string;
  returnToCheck: boolean;
  attachments: { id: string; documentType: string; originalName: string; sizeBytes: number }[];
  documentTypes: string[];
  maxFiles: number;
  maxFileBytes: number;
  requiredType: string | null;
};

export type AttachmentsPageResult = {
  problems: { code: string; name?: string }[];
  accepted: number;
  removed: boolean;
  documentType: string | null;
  duplicates: string[];
};

/**
 * The attachments step of every procedure (ADR 082): the generic pages' and the enforcement request's own: upload one or many
 * files with their type (a plain multipart form, without JavaScript), remove one, continue. Generic words at
 * `submissions.attachments.*`; the procedure's document types at `<content>.attachments.types.*` and its
 * required document's problem at `<content>.attachments.errors.<problem>`.
 */
export function ProcedureAttachments({ view, result, saveHref }: { view: AttachmentsPageView; result: AttachmentsPageResult | null; saveHref?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  const maxMb = Math.round(view.maxFileBytes / 1024 / 1024);
  const problems = result?.problems ?? [];
  const generic = new Set(["noFile", "tooBig", "wrongType", "tooMany", "infected", "empty", "badType"]);
  const errors = problems.map((p, i) => ({
    name: `${p.code}-${i}`,
    id: generic.has(p.code) ? "f-file" : "f-continue",
    message: (generic.has(p.code)
      ? t(`submissions.attachments.errors.${p.code}` as never, { name: p.name ?? "", maxMb, maxFiles: view.maxFiles })
      : t(`${view.content}.attachments.errors.${p.code}` as never)) as string,
  }));
  const fileErrors = errors.filter((e) => e.id === "f-file");
  const continueError = errors.find((e) => e.id === "f-continue")?.message;
  const full = view.attachments.length >= view.maxFiles;
  const selectedType = result?.documentType && view.documentTypes.includes(result.documentType) ? result.documentType : (view.requiredType ?? view.documentTypes[0]);
  const typeLabel = (d: string) => t(`${view.content}.attachments.types.${d}` as never) as string;
  return (
    <div className="narrow journey">
      <Link to={view.backHref} className="back-link">
        {t("submissions.pages.back")}
      </Link>
      <ErrorSummary errors={errors} />
      <p className="step-count">
        {t(`${view.content}.common.stepOf` as never, { number: view.number, total: view.total, defaultValue: t("submissions.pages.stepOf", { number: view.number, total: view.total }) }) as string}
      </p>
      <h1>{t(view.title as never)}</h1>
      <p>{t("submissions.attachments.lead", { maxMb, maxFiles: view.maxFiles })}</p>
      {view.requiredType ? (
        <p>{t(`${view.content}.attachments.required` as never, { type: typeLabel(view.requiredType) }) as string}</p>
      ) : (
        <p>{t("submissions.attachments.optional")}</p>
      )}
      {result && result.accepted > 0 ? (
        <p className="notice" role="status">
          {t("submissions.attachments.uploaded", { count: result.accepted })}
        </p>
      ) : null}
      {result && result.duplicates.length > 0 ? (
        <p className="notice" role="status">
          {t("submissions.attachments.duplicate", { names: result.duplicates.map((n) => `“${n}”`).join(", "), count: result.duplicates.length })}
        </p>
      ) : null}
      {result?.removed ? (
        <p className="notice" role="status">
          {t("submissions.attachments.removed")}
        </p>
      ) : null}

      <h2>{t("submissions.attachments.listHeading", { count: view.attachments.length, max: view.maxFiles })}</h2>
      {view.attachments.length === 0 ? (
        <p>{t("submissions.attachments.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="file-table">
            <thead>
              <tr>
                <th scope="col">{t("submissions.attachments.tableName")}</th>
                <th scope="col">{t("submissions.attachments.tableType")}</th>
                <th scope="col">{t("submissions.attachments.tableSize")}</th>
                <th scope="col">{t("submissions.attachments.tableAction")}</th>
              </tr>
            </thead>
            <tbody>
              {view.attachments.map((a) => (
                <tr key={a.id}>
                  <td>{a.originalName}</td>
                  <td>{typeLabel(a.documentType)}</td>
                  <td>{formatFileSize(a.sizeBytes, locale)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="id" value={a.id} />
                      <button type="submit" className="link-button" aria-label={t("submissions.attachments.removeFile", { name: a.originalName })}>
                        {t("submissions.attachments.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {full ? null : (
        <Form method="post" encType="multipart/form-data" className="upload-form" key={view.attachments.map((a) => a.id).join(",")}>
          <div className="field">
            <label htmlFor="f-documentType">{t("submissions.attachments.documentType")}</label>
            <select id="f-documentType" name="documentType" defaultValue={selectedType} key={selectedType}>
              {view.documentTypes.map((d) => (
                <option key={d} value={d}>
                  {typeLabel(d)}
                </option>
              ))}
            </select>
          </div>
          <div className={fileErrors.length ? "field field-error" : "field"}>
            <label htmlFor="f-file">{t("submissions.attachments.file")}</label>
            <p className="hint" id="f-file-hint">
              {t("submissions.attachments.fileHint")}
            </p>
            {fileErrors.length ? (
              <p className="error-message" id="f-file-error">
                {fileErrors.map((e) => (
                  <span key={e.name} className="error-line">
                    {e.message}
                  </span>
                ))}
              </p>
            ) : null}
            <input
              type="file"
              id="f-file"
              name="file"
              multiple
              accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={fileErrors.length ? "f-file-hint f-file-error" : "f-file-hint"}
              aria-invalid={fileErrors.length ? true : undefined}
            />
          </div>
          <button type="submit" className="button secondary" disabled={navigation.state === "submitting"}>
            {t("submissions.attachments.upload")}
          </button>
        </Form>
      )}

      <Form method="post" className="actions">
        <input type="hidden" name="intent" value="continue" />
        {view.returnToCheck ? <input type="hidden" name="returnTo" value="check" /> : null}
        {continueError ? (
          <p className="error-message" id="f-continue-error">
            {continueError}
          </p>
        ) : null}
        <button type="submit" className="button" id="f-continue" aria-describedby={continueError ? "f-continue-error" : undefined}>
          {t("submissions.pages.continue")}
        </button>
      </Form>
      {saveHref ? (
        <p className="save-later">
          <Link to={saveHref}>{t(`${view.content}.common.saveForLater` as never) as string}</Link>
        </p>
      ) : null}
    </div>
  );
}
