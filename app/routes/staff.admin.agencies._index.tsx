import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createAgencyFromForm, loadAgencyTree } from "../server/agencies.server";
import { pageTitle } from "../utils/page";
import { AdminErrors, AdminNav, AdminSelect, AdminText, Done, type AdminActionData } from "../components/admin";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["admin"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.admin.tree.title);

export const loader = ({ request, context }: LoaderFunctionArgs) => loadAgencyTree(request, context);
export const action = ({ request, context }: ActionFunctionArgs) => createAgencyFromForm(request, context);

const DONE = ["created", "imported", "renamed", "moved", "deactivated"] as const;

export default function AgencyTree() {
  const { t } = useTranslation();
  const { tree, levels, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AdminActionData;
  const doneKey = DONE.find((d) => d === done);
  return (
    <div>
      <h1>{t("admin.tree.title")}</h1>
      <AdminNav />
      <Done message={doneKey ? t(`admin.tree.done.${doneKey}`) : null} />
      <p className="lead">{t("admin.tree.lead")}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.fields.name")}</th>
              <th scope="col">{t("admin.fields.code")}</th>
              <th scope="col">{t("admin.fields.level")}</th>
              <th scope="col">{t("admin.status")}</th>
            </tr>
          </thead>
          <tbody>
            {tree.map((a) => (
              <tr key={a.id} id={`agency-${a.id}`}>
                <td className={`tree-depth-${Math.min(a.depth, 4)}`}>
                  <a href={`/staff/admin/agencies/${a.id}`}>{a.name}</a>
                </td>
                <td>
                  <code>{a.code}</code>
                </td>
                <td>{t(`admin.levels.${a.level}`)}</td>
                <td>{a.active ? t("admin.active") : t("admin.inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("admin.tree.createTitle")}</h2>
      <AdminErrors data={actionData} fields={[{ name: "code", id: "code" }, { name: "name", id: "name" }, { name: "parentId", id: "parentId" }, { name: "level", id: "level" }]} />
      <Form method="post" className="narrow">
        <AdminText data={actionData} name="code" id="code" label={t("admin.fields.code")} hint={t("admin.hints.code")} autoComplete="off" />
        <AdminText data={actionData} name="name" id="name" label={t("admin.fields.name")} autoComplete="off" />
        <AdminSelect
          data={actionData}
          name="parentId"
          id="parentId"
          label={t("admin.fields.parent")}
          placeholder=""
          options={tree.filter((a) => a.active && a.level !== "district").map((a) => ({ value: a.id, label: `${"— ".repeat(a.depth)}${a.name} (${a.code})` }))}
        />
        <AdminSelect data={actionData} name="level" id="level" label={t("admin.fields.level")} defaultValue="district" options={levels.map((l) => ({ value: l, label: t(`admin.levels.${l}`) }))} />
        <button type="submit" className="button">
          {t("admin.tree.create")}
        </button>
      </Form>
    </div>
  );
}
