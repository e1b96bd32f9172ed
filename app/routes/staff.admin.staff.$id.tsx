import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changeStaffFromForm, loadStaffAccount } from "../server/agencies.server";
import { pageTitle } from "../utils/page";
import { AdminErrors, AdminNav, AdminSelect, Done, type AdminActionData } from "../components/admin";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["admin"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.admin.staff.title);

export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadStaffAccount(request, context, params.id);
export const action = ({ request, context, params }: ActionFunctionArgs) => changeStaffFromForm(request, context, params.id);

const DONE = ["created", "granted", "removed", "revoked", "deactivated"] as const;

export default function StaffAccountPage() {
  const { t } = useTranslation();
  const { account, agencies, roles, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AdminActionData;
  const doneKey = DONE.find((d) => d === done);
  const reachesChecked = actionData?.intent === "grant" ? actionData.values?.reachesSubOffices === "on" : false;
  return (
    <div>
      <h1>{account.fullName}</h1>
      <AdminNav />
      <Done message={doneKey ? t(`admin.staff.done.${doneKey}`) : null} />
      <p>
        {account.email} · {account.active ? t("admin.active") : t("admin.inactive")} · {t("admin.staff.sessions")}: {account.openSessions}
      </p>
      <AdminErrors data={actionData} intent="remove" fields={[]} />
      <h2>{t("admin.staff.roles")}</h2>
      {account.roles.length ? (
        <ul>
          {account.roles.map((r) => (
            <li key={`${r.agencyId}:${r.role}`}>
              <Form method="post" className="inline-form">
                {t("staff.roleAt", { role: t(`staff.roles.${r.role}`), agency: r.agencyName })}
                {r.reachesSubOffices ? ` (${t("admin.staff.reaches")})` : ""}{" "}
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="agencyId" value={r.agencyId} />
                <input type="hidden" name="role" value={r.role} />
                <button type="submit" className="button secondary">
                  {t("admin.staff.remove", { role: t(`staff.roles.${r.role}`), agency: r.agencyCode })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("admin.staff.noRoles")}</p>
      )}

      <h2>{t("admin.staff.grantTitle")}</h2>
      <AdminErrors data={actionData} intent="grant" fields={[{ name: "agencyId", id: "agencyId" }, { name: "role", id: "role" }]} />
      <Form method="post" className="narrow">
        <input type="hidden" name="intent" value="grant" />
        <AdminSelect data={actionData} intent="grant" name="agencyId" id="agencyId" label={t("admin.fields.agency")} placeholder="" options={agencies.map((a) => ({ value: a.id, label: a.label }))} />
        <AdminSelect data={actionData} intent="grant" name="role" id="role" label={t("admin.fields.role")} placeholder="" options={roles.map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))} />
        <div className="field checkbox">
          <input type="checkbox" id="reachesSubOffices" name="reachesSubOffices" defaultChecked={reachesChecked} aria-describedby="reachesSubOffices-hint" />
          <label htmlFor="reachesSubOffices">{t("admin.fields.reachesSubOffices")}</label>
          <p className="hint" id="reachesSubOffices-hint">
            {t("admin.hints.reachesSubOffices")}
          </p>
        </div>
        <button type="submit" className="button">
          {t("admin.staff.grant")}
        </button>
      </Form>

      <h2>{t("admin.staff.secondFactorTitle")}</h2>
      <p>
        <a href={`/staff/admin/staff/${account.id}/second-factor`}>{t("admin.staff.secondFactorReset")}</a>
      </p>

      <h2>{t("admin.staff.revokeTitle")}</h2>
      <p>{t("admin.staff.revokeLead")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="revoke" />
        <button type="submit" className="button secondary">
          {t("admin.staff.revoke")}
        </button>
      </Form>

      {account.active ? (
        <>
          <h2>{t("admin.staff.deactivateTitle")}</h2>
          <p>{t("admin.staff.deactivateLead")}</p>
          <AdminErrors data={actionData} intent="deactivate" fields={[]} />
          <Form method="post">
            <input type="hidden" name="intent" value="deactivate" />
            <button type="submit" className="button secondary">
              {t("admin.staff.deactivate")}
            </button>
          </Form>
        </>
      ) : null}
      <p>
        <a href="/staff/admin/staff">{t("admin.back")}</a>
      </p>
    </div>
  );
}
