import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { ANSWER_DOCUMENT_TYPES, ANSWER_MAX_CHARS, ANSWER_MAX_FILE_BYTES, ANSWER_MAX_FILES, type AnswerProblem, type InfoRequestView } from "../../server/answers/browser";
import { ErrorSummary } from "./forms";
import { SummaryList } from "./summary-list";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import { formatFileSize } from "../utils/files";
import { useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";

const MAX_MB = ANSWER_MAX_FILE_BYTES / 1024 / 1024;

export type AnswerPageData =
  | { status: "invalid" }
  | { status: "open" | "answered" | "closed" | "expired"; request: InfoRequestView; sent: boolean };
export type AnswerActionData = { ok: false; problems: AnswerProblem[]; values: { answer: string; documentType: string } } | undefined;

export function documentTypeLabel(t: TFunction, d: string): string {
  return (ANSWER_DOCUMENT_TYPES as readonly string[]).includes(d) ? t(`filing.attachments.types.${d as (typeof ANSWER_DOCUMENT_TYPES)[number]}`) : d;
}

function fieldOf(code: AnswerProblem["code"]): string {
  if (code === "empty" || code === "tooLong") return "f-answer";
  if (code === "badType") return "f-documentType";
  if (code === "alreadyAnswered" || code === "closed") return "f-submit";
  return "f-file";
}

/**
 * The citizen's answer page, from the e-mailed link or from the account: the office's question, the
 * documents asked for, the deadline note, and a plain multipart form (no JavaScript needed) that keeps what
 * was typed when something is wrong.
 */
export function AnswerPage({ page, result, signedIn }: { page: AnswerPageData; result: AnswerActionData; signedIn: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  if (page.status === "invalid" || page.status === "expired") {
    return (
      <div className="narrow">
        <h1>{t("answers.page.invalidTitle")}</h1>
        <p>{t("answers.page.invalid")}</p>
        <p>
          <Link to={signedIn ? paths.account : paths.home}>{signedIn ? t("answers.page.toAccount") : t("layout.nav.home")}</Link>
        </p>
      </div>
    );
  }
  const q = page.request;
  const problems = result?.problems ?? [];
  const errors = problems.map((p, i) => ({
    name: `${p.code}-${i}`,
    id: fieldOf(p.code),
    message: t(`answers.errors.${p.code}`, { name: p.name ?? "", maxMb: MAX_MB, maxFiles: ANSWER_MAX_FILES, max: ANSWER_MAX_CHARS }),
  }));
  const errorFor = (id: string) => errors.filter((e) => e.id === id);
  const summary = (
    <SummaryList
      rows={[
        [t("answers.page.reference"), q.reference],
        [t("answers.page.office"), q.officeName],
        [t("answers.page.askedAt"), formatDate(q.askedAt, locale)],
      ]}
    />
  );
  const question = (
    <>
      <h2>{t("answers.page.question")}</h2>
      <p className="prewrap">{q.message}</p>
      <h2>{t("answers.page.documents")}</h2>
      {q.requestedDocuments.length ? (
        <ul>
          {q.requestedDocuments.map((d) => (
            <li key={d}>{documentTypeLabel(t, d)}</li>
          ))}
        </ul>
      ) : (
        <p>{t("answers.page.noDocuments")}</p>
      )}
    </>
  );

  if (page.status === "answered") {
    return (
      <div className="narrow">
        {page.sent ? (
          <p className="notice" role="status">
            {t("answers.page.sent")}
          </p>
        ) : null}
        <h1>{t("answers.page.answeredTitle")}</h1>
        <p>{t("answers.page.answered", { time: formatDateTime(q.answeredAt!, locale) })}</p>
        {summary}
        {question}
        <h2>{t("answers.page.yourAnswer")}</h2>
        <p className="prewrap">{q.answerText || t("answers.page.noAnswerText")}</p>
        <h2>{t("answers.page.yourFiles")}</h2>
        {q.files.length ? (
          <ul>
            {q.files.map((f) => (
              <li key={f.id}>
                {f.originalName} ({documentTypeLabel(t, f.documentType)}, {formatFileSize(f.sizeBytes, locale)})
              </li>
            ))}
          </ul>
        ) : (
          <p>–</p>
        )}
        {signedIn ? (
          <p>
            <Link to={paths.account}>{t("answers.page.toAccount")}</Link>
          </p>
        ) : null}
      </div>
    );
  }

  if (page.status === "closed") {
    return (
      <div className="narrow">
        <h1>{t("answers.page.closedTitle")}</h1>
        <p>{t("answers.page.closed")}</p>
        {summary}
      </div>
    );
  }

  const answerError = errorFor("f-answer");
  const fileError = errorFor("f-file");
  const typeError = errorFor("f-documentType");
  const submitError = errorFor("f-submit");
  const typed = result?.values;
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>{t("answers.page.title")}</h1>
      <p>{t("answers.page.lead", { reference: q.reference })}</p>
      {summary}
      {question}
      <p>
        <strong>{t("answers.page.expires", { date: formatDate(q.expiresAt, locale) })}</strong>
      </p>
      <p>{t("answers.page.clockNote")}</p>

      <Form method="post" encType="multipart/form-data" className="upload-form" noValidate>
        <div className={answerError.length ? "field field-error" : "field"}>
          <label htmlFor="f-answer">{t("answers.page.answerLabel")}</label>
          <p className="hint" id="f-answer-hint">
            {t("answers.page.answerHint", { max: ANSWER_MAX_CHARS })}
          </p>
          {answerError.length ? (
            <p className="error-message" id="f-answer-error">
              {answerError.map((e) => e.message).join(" ")}
            </p>
          ) : null}
          <textarea
            id="f-answer"
            name="answer"
            rows={6}
            maxLength={ANSWER_MAX_CHARS}
            defaultValue={typed?.answer ?? ""}
            aria-describedby={answerError.length ? "f-answer-hint f-answer-error" : "f-answer-hint"}
            aria-invalid={answerError.length ? true : undefined}
          />
        </div>
        <div className={typeError.length ? "field field-error" : "field"}>
          <label htmlFor="f-documentType">{t("answers.page.documentType")}</label>
          {typeError.length ? (
            <p className="error-message" id="f-documentType-error">
              {typeError.map((e) => e.message).join(" ")}
            </p>
          ) : null}
          <select
            id="f-documentType"
            name="documentType"
            defaultValue={typed?.documentType || q.requestedDocuments[0] || "other"}
            aria-describedby={typeError.length ? "f-documentType-error" : undefined}
          >
            {ANSWER_DOCUMENT_TYPES.map((d) => (
              <option key={d} value={d}>
                {documentTypeLabel(t, d)}
              </option>
            ))}
          </select>
        </div>
        <div className={fileError.length ? "field field-error" : "field"}>
          <label htmlFor="f-file">{t("answers.page.file")}</label>
          <p className="hint" id="f-file-hint">
            {t("answers.page.fileHint", { maxFiles: ANSWER_MAX_FILES, maxMb: MAX_MB })} {t("answers.page.filesAgain")}
          </p>
          {fileError.length ? (
            <p className="error-message" id="f-file-error">
              {fileError.map((e) => (
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
            aria-describedby={fileError.length ? "f-file-hint f-file-error" : "f-file-hint"}
            aria-invalid={fileError.length ? true : undefined}
          />
        </div>
        {submitError.length ? (
          <p className="error-message" id="f-submit">
            {submitError.map((e) => e.message).join(" ")}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("answers.page.submit")}
        </button>
      </Form>
    </div>
  );
}
