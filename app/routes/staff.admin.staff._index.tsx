import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createStaffFromForm, loadStaffAccounts } from "../server/agencies.server";
import { pageTitle } from "../utils/page";
import { AdminErrors, AdminNav, AdminText, type AdminActionData } from "../components/admin";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["admin"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.admin.staff.title);

export const loader = ({ request, context }: LoaderFunctionArgs) => loadStaffAccounts(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => createStaffFromForm(request, context);

export default function StaffAccounts() {
  const { t } = useTranslation();
  const { staff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AdminActionData;
  return (
    <div>
      <h1>{t("admin.staff.title")}</h1>
      <AdminNav />
      <p className="lead">{t("admin.staff.lead")}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.fields.fullName")}</th>
              <th scope="col">{t("admin.fields.email")}</th>
              <th scope="col">{t("admin.staff.roles")}</th>
              <th scope="col">{t("admin.staff.sessions")}</th>
              <th scope="col">{t("admin.status")}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`/staff/admin/staff/${s.id}`}>{s.fullName}</a>
                </td>
                <td>{s.email}</td>
                <td>{s.roles.join(", ") || "–"}</td>
                <td>{s.openSessions}</td>
                <td>{s.active ? t("admin.active") : t("admin.inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("admin.staff.createTitle")}</h2>
      <AdminErrors data={actionData} fields={[{ name: "fullName", id: "fullName" }, { name: "email", id: "email" }, { name: "password", id: "password" }]} />
      <Form method="post" className="narrow">
        <AdminText data={actionData} name="fullName" id="fullName" label={t("admin.fields.fullName")} autoComplete="off" />
        <AdminText data={actionData} name="email" id="email" type="email" label={t("admin.fields.email")} autoComplete="off" />
        <AdminText data={actionData} name="password" id="password" type="password" label={t("admin.fields.password")} hint={t("admin.hints.password")} autoComplete="new-password" />
        <button type="submit" className="button">
          {t("admin.staff.create")}
        </button>
      </Form>
    </div>
  );
}
