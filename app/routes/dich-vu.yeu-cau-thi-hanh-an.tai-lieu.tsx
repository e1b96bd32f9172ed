import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DOCUMENT_TYPES, MAX_FILE_BYTES, MAX_FILES, SERVICE_PATH } from "../../server/filing/browser";
import { loadAttachmentsStep, submitAttachmentsStep } from "../server/filing.server";
import { ErrorSummary } from "../components/forms";
import { StepHeader } from "../components/filing-layout";
import { formatFileSize } from "../utils/files";
import { pageTitle, useLocale } from "../utils/page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.filing.steps.attachments.title, { site: false });
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["filing.attachments", "filing.common", "filing.errors", "filing.fields", "filing.steps", "filing.timeLimit"] };


export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadAttachmentsStep(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const outcome = await submitAttachmentsStep(request, context);
  if (outcome.ok) return redirect(outcome.redirectTo);
  return data(outcome, { status: outcome.problems.length ? 400 : 200 });
}

const MAX_MB = MAX_FILE_BYTES / 1024 / 1024;

export default function AttachmentsStep() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useLocale();
  const problems = result && "problems" in result ? result.problems : [];
  const errors = problems.map((p, i) => ({
    name: `${p.code}-${i}`,
    id: p.code === "judgmentMissing" ? "f-continue" : "f-file",
    message: t(`filing.attachments.errors.${p.code}` as "filing.attachments.errors.noFile", { name: p.name ?? "", maxMb: MAX_MB, maxFiles: MAX_FILES }),
  }));
  const fileError = errors.find((e) => e.id === "f-file")?.message;
  const full = view.attachments.length >= MAX_FILES;
  const selectedType = result && "documentType" in result && result.documentType ? result.documentType : "judgment";

  return (
    <div className="narrow journey">
      <Link to={view.backHref} className="back-link">
        {t("filing.common.back")}
      </Link>
      <ErrorSummary errors={errors} />
      <StepHeader number={view.number} total={view.total} title={t("filing.steps.attachments.title")} />
      <p>{t("filing.attachments.lead", { maxMb: MAX_MB, maxFiles: MAX_FILES })}</p>
      <p>{t("filing.attachments.required")}</p>
      {result && "accepted" in result && result.accepted > 0 ? (
        <p className="notice" role="status">
          {t("filing.attachments.uploaded", { count: result.accepted })}
        </p>
      ) : null}
      {result && "duplicates" in result && result.duplicates.length > 0 ? (
        <p className="notice" role="status">
          {t("filing.attachments.duplicate", { names: result.duplicates.map((n) => `“${n}”`).join(", "), count: result.duplicates.length })}
        </p>
      ) : null}
      {result && "removed" in result && result.removed ? (
        <p className="notice" role="status">
          {t("filing.attachments.removed")}
        </p>
      ) : null}

      <h2>{t("filing.attachments.listHeading", { count: view.attachments.length, max: MAX_FILES })}</h2>
      {view.attachments.length === 0 ? (
        <p>{t("filing.attachments.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="file-table">
            <thead>
              <tr>
                <th scope="col">{t("filing.attachments.tableName")}</th>
                <th scope="col">{t("filing.attachments.tableType")}</th>
                <th scope="col">{t("filing.attachments.tableSize")}</th>
                <th scope="col">{t("filing.attachments.tableAction")}</th>
              </tr>
            </thead>
            <tbody>
              {view.attachments.map((a) => (
                <tr key={a.id}>
                  <td>{a.originalName}</td>
                  <td>{t(`filing.attachments.types.${a.documentType}` as never)}</td>
                  <td>{formatFileSize(a.sizeBytes, locale)}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="id" value={a.id} />
                      <button type="submit" className="link-button" aria-label={t("filing.attachments.removeFile", { name: a.originalName })}>
                        {t("filing.attachments.remove")}
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
        // A new key once the list changes empties the file input (with JavaScript the page is not reloaded),
        // so a second press of "Upload" does not send the same files again.
        <Form method="post" encType="multipart/form-data" className="upload-form" key={view.attachments.map((a) => a.id).join(",")}>
          <div className="field">
            <label htmlFor="f-documentType">{t("filing.attachments.documentType")}</label>
            <select id="f-documentType" name="documentType" defaultValue={selectedType} key={selectedType}>
              {DOCUMENT_TYPES.map((d) => (
                <option key={d} value={d}>
                  {t(`filing.attachments.types.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={fileError ? "field field-error" : "field"}>
            <label htmlFor="f-file">{t("filing.attachments.file")}</label>
            <p className="hint" id="f-file-hint">
              {t("filing.attachments.fileHint")}
            </p>
            {fileError ? (
              <p className="error-message" id="f-file-error">
                {errors.filter((e) => e.id === "f-file").map((e) => (
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
              aria-describedby={fileError ? "f-file-hint f-file-error" : "f-file-hint"}
              aria-invalid={fileError ? true : undefined}
            />
          </div>
          <button type="submit" className="button secondary" disabled={navigation.state === "submitting"}>
            {t("filing.attachments.upload")}
          </button>
        </Form>
      )}

      <Form method="post" className="actions">
        <input type="hidden" name="intent" value="continue" />
        {view.returnToCheck ? <input type="hidden" name="returnTo" value="check" /> : null}
        <button type="submit" className="button" id="f-continue">
          {t("filing.common.continue")}
        </button>
      </Form>
      <p className="save-later">
        <Link to={`${SERVICE_PATH}/luu`}>{t("filing.common.saveForLater")}</Link>
      </p>
    </div>
  );
}
