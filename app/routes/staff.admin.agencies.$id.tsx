import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changeAgencyFromForm, loadAgency } from "../server/agencies.server";
import { pageTitle } from "../utils/page";
import { AdminErrors, AdminNav, AdminSelect, AdminText, Done, type AdminActionData } from "../components/admin";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["admin"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.admin.tree.title);

export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadAgency(request, context, params.id);
export const action = ({ request, context, params }: ActionFunctionArgs) => changeAgencyFromForm(request, context, params.id);

const DONE = ["renamed", "moved", "deactivated"] as const;
const BLOCKERS = ["subOffices", "staff", "courts", "unpaidNotices", "openRequests"] as const;

export default function AgencyPage() {
  const { t } = useTranslation();
  const { agency, parents, blockers, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AdminActionData & { blockers?: typeof blockers | null };
  const doneKey = DONE.find((d) => d === done);
  const shownBlockers = actionData?.blockers ?? blockers;
  return (
    <div>
      <h1>
        {agency.name} (<code>{agency.code}</code>)
      </h1>
      <AdminNav />
      <Done message={doneKey ? t(`admin.tree.done.${doneKey}`) : null} />
      <p>
        {t(`admin.levels.${agency.level}`)} · {agency.active ? t("admin.active") : t("admin.inactive")}
      </p>

      <h2>{t("admin.agency.renameTitle")}</h2>
      <AdminErrors data={actionData} intent="rename" fields={[{ name: "name", id: "name" }]} />
      <Form method="post" className="narrow">
        <input type="hidden" name="intent" value="rename" />
        <AdminText data={actionData} intent="rename" name="name" id="name" label={t("admin.fields.name")} defaultValue={agency.name} autoComplete="off" />
        <button type="submit" className="button">
          {t("admin.agency.rename")}
        </button>
      </Form>

      {agency.parentId ? (
        <>
          <h2>{t("admin.agency.moveTitle")}</h2>
          <p>{t("admin.agency.moveLead")}</p>
          <AdminErrors data={actionData} intent="move" fields={[{ name: "parentId", id: "parentId" }]} />
          <Form method="post" className="narrow">
            <input type="hidden" name="intent" value="move" />
            <AdminSelect
              data={actionData}
              intent="move"
              name="parentId"
              id="parentId"
              label={t("admin.fields.parent")}
              defaultValue={agency.parentId}
              options={parents.map((p) => ({ value: p.id, label: p.label }))}
            />
            <button type="submit" className="button">
              {t("admin.agency.move")}
            </button>
          </Form>

          <h2>{t("admin.agency.deactivateTitle")}</h2>
          {agency.active ? (
            <>
              <p>{t("admin.agency.deactivateLead")}</p>
              <AdminErrors data={actionData} intent="deactivate" fields={[]} />
              {BLOCKERS.some((b) => shownBlockers[b] > 0) ? (
                <>
                  <h3>{t("admin.agency.blockersTitle")}</h3>
                  <ul>
                    {BLOCKERS.filter((b) => shownBlockers[b] > 0).map((b) => (
                      <li key={b}>{t(`admin.agency.blockers.${b}`, { count: shownBlockers[b] })}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="deactivate" />
                <button type="submit" className="button secondary">
                  {t("admin.agency.deactivate")}
                </button>
              </Form>
            </>
          ) : (
            <p>{t("admin.agency.alreadyInactive")}</p>
          )}
        </>
      ) : null}
      <p>
        <a href="/staff/admin/agencies">{t("admin.back")}</a>
      </p>
    </div>
  );
}
