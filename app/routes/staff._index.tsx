import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadStaffDashboard } from "../server/inbox.server";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["inbox"] };

export const loader = (args: LoaderFunctionArgs) => loadStaffDashboard(args);

export default function StaffHome() {
  const { staff, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div>
      <h1>{t("staff.areaTitle")}</h1>
      <p className="lead">{t("staff.welcome", { name: staff.fullName })}</p>
      {counts.length ? (
        <section aria-labelledby="dashboard-heading">
          <h2 id="dashboard-heading">{t("inbox.dashboard.heading")}</h2>
          <ul className="dashboard-counts">
            {counts.map((c) => (
              <li key={c.key}>
                <Link to={c.href}>
                  <strong>{c.count}</strong> {t(`inbox.dashboard.${c.key}`)}
                </Link>
              </li>
            ))}
          </ul>
          <p>
            <Link to={paths.staff.cases}>{t("inbox.dashboard.open")}</Link>
          </p>
        </section>
      ) : null}
      <h2>{t("staff.yourRoles")}</h2>
      <ul className="roles">
        {staff.roles.map((r) => (
          <li key={`${r.role}:${r.agencyId}`}>{t("staff.roleAt", { role: t(`staff.roles.${r.role}`), agency: r.agencyName })}</li>
        ))}
      </ul>
      <p>{t("staff.useTheBar")}</p>
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
