import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadStaffHome } from "../server/accounts.server";
import { paths } from "../../vocabulary/paths";

export const loader = (args: LoaderFunctionArgs) => loadStaffHome(args);

export default function StaffHome() {
  const { staff } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div>
      <h1>{t("staff.areaTitle")}</h1>
      <p className="lead">{t("staff.welcome", { name: staff.fullName })}</p>
      <h2>{t("staff.yourRoles")}</h2>
      <ul className="roles">
        {staff.roles.map((r) => (
          <li key={`${r.role}:${r.agencyId}`}>{t("staff.roleAt", { role: t(`staff.roles.${r.role}`), agency: r.agencyName })}</li>
        ))}
      </ul>
      <p>{t("staff.useTheBar")}</p>
      <p className="empty">{t("staff.emptyInbox")}</p>
      <div className="actions">
        {/* "Sign out" is in the staff bar at the top of every page. */}
        <Form method="post" action={paths.staff.signOut}>
          <input type="hidden" name="everywhere" value="1" />
          <button type="submit" className="button secondary">
            {t("staff.signOutEverywhere")}
          </button>
        </Form>
      </div>
    </div>
  );
}
