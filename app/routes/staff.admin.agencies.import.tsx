import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { importTreeFromForm, loadTreeImport, type TreeImportView } from "../server/agencies.server";
import { pageTitle } from "../utils/page";
import { translateError } from "../components/forms";
import { AdminNav } from "../components/admin";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["admin"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.admin.import.title);

export const loader = ({ request, context }: LoaderFunctionArgs) => loadTreeImport(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => importTreeFromForm(request, context);

const EXAMPLE = `ma,ten,ma_cap_tren,loai
CUC-QLTHADS,Cục Quản lý thi hành án dân sự,,cuc
HNI,Thi hành án dân sự thành phố Hà Nội,CUC-QLTHADS,tinh
HNI-KV01,Phòng Thi hành án dân sự khu vực 1 – Hà Nội,HNI,khu_vuc`;

export default function ImportTree() {
  const { t } = useTranslation();
  const { columns } = useLoaderData<typeof loader>();
  const view = useActionData<typeof action>() as TreeImportView | undefined;
  return (
    <div>
      <h1>{t("admin.import.title")}</h1>
      <AdminNav />
      <p className="lead">{t("admin.import.lead")}</p>
      {view?.stage === "problems" ? (
        <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="import-problems-title">
          <h2 id="import-problems-title">{t("admin.import.problemsTitle", { count: view.problems.length })}</h2>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("admin.import.line")}</th>
                  <th scope="col">{t("admin.import.column")}</th>
                  <th scope="col">{t("admin.import.problem")}</th>
                </tr>
              </thead>
              <tbody>
                {view.problems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.line || "–"}</td>
                    <td>{p.column ?? "–"}</td>
                    <td>{translateError(t, p.error)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {view?.stage === "preview" ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t("admin.import.previewTitle", { count: view.rows.length })}</h2>
          <p>{t("admin.import.previewLead")}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("admin.import.line")}</th>
                  <th scope="col">{t("admin.fields.code")}</th>
                  <th scope="col">{t("admin.fields.name")}</th>
                  <th scope="col">{t("admin.fields.parent")}</th>
                  <th scope="col">{t("admin.fields.level")}</th>
                  <th scope="col">{t("admin.import.change")}</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.code}>
                    <td>{r.line}</td>
                    <td>
                      <code>{r.code}</code>
                    </td>
                    <td>{r.name}</td>
                    <td>{r.parentCode || "–"}</td>
                    <td>{t(`admin.levels.${r.level}`)}</td>
                    <td>{r.exists ? t("admin.import.update") : t("admin.import.new")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="csv" value={view.csv} />
            <button type="submit" className="button">
              {t("admin.import.confirm", { count: view.rows.length })}
            </button>
          </Form>
        </section>
      ) : null}
      <h2>{t("admin.import.formatTitle")}</h2>
      <p>{t("admin.import.format")}</p>
      <ul className="csv-columns">
        {columns.map((c) => (
          <li key={c}>
            <code>{c}</code>: {t(`admin.import.columns.${c}`)}
          </li>
        ))}
      </ul>
      <h3>{t("admin.import.example")}</h3>
      <pre>{EXAMPLE}</pre>
      <Form method="post" encType="multipart/form-data" className="narrow">
        <input type="hidden" name="intent" value="preview" />
        <div className="field">
          <label htmlFor="file">{t("admin.import.file")}</label>
          <input type="file" id="file" name="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit" className="button">
          {t("admin.import.upload")}
        </button>
      </Form>
    </div>
  );
}
