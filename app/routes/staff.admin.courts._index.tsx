import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createCourtFromForm, loadCourts } from "../server/agencies.server";
import { pageTitle, useLocale } from "../utils/page";
import { formatDate } from "../../vocabulary/format";
import { AdminErrors, AdminNav, AdminSelect, AdminText, type AdminActionData } from "../components/admin";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["admin"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.admin.courts.title);

export const loader = ({ request, context }: LoaderFunctionArgs) => loadCourts(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => createCourtFromForm(request, context);

export default function Courts() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { courts, agencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AdminActionData;
  return (
    <div>
      <h1>{t("admin.courts.title")}</h1>
      <AdminNav />
      <p className="lead">{t("admin.courts.lead")}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.fields.name")}</th>
              <th scope="col">{t("admin.fields.code")}</th>
              <th scope="col">{t("admin.fields.receivingOffice")}</th>
              <th scope="col">{t("admin.courts.key")}</th>
            </tr>
          </thead>
          <tbody>
            {courts.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`/staff/admin/courts/${c.id}`}>{c.name}</a>
                </td>
                <td>
                  <code>{c.code}</code>
                </td>
                <td>{c.agencyName ?? t("admin.none")}</td>
                <td>{c.hasKey && c.keyIssuedAt ? t("admin.courts.hasKey", { date: formatDate(c.keyIssuedAt, locale) }) : t("admin.courts.noKey")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("admin.courts.createTitle")}</h2>
      <AdminErrors data={actionData} fields={[{ name: "code", id: "code" }, { name: "name", id: "name" }, { name: "agencyId", id: "agencyId" }]} />
      <Form method="post" className="narrow">
        <AdminText data={actionData} name="code" id="code" label={t("admin.fields.code")} hint={t("admin.hints.code")} autoComplete="off" />
        <AdminText data={actionData} name="name" id="name" label={t("admin.fields.name")} autoComplete="off" />
        <AdminSelect
          data={actionData}
          name="agencyId"
          id="agencyId"
          label={t("admin.fields.receivingOffice")}
          hint={t("admin.hints.receivingOffice")}
          placeholder={t("admin.none")}
          options={agencies.map((a) => ({ value: a.id, label: a.label }))}
        />
        <button type="submit" className="button">
          {t("admin.courts.create")}
        </button>
      </Form>
    </div>
  );
}
