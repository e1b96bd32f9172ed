import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../server/accounts.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context);
  return { staff };
}

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
      <p>
        <Link to="/staff/requests">{t("filing.staff.title")}</Link>
      </p>
      {staff.roles.some((r) => r.role === "accountant") ? (
        <p>
          <Link to="/staff/notices">{t("payments.staff.navNotices")}</Link>
        </p>
      ) : null}
      {staff.roles.some((r) => r.role === "accountant" || r.role === "head") ? (
        <ul className="staff-links">
          {staff.roles.some((r) => r.role === "accountant") ? (
            <>
              <li>
                <Link to="/staff/receipts">{t("receipts.staff.nav")}</Link>
              </li>
              <li>
                <Link to="/staff/reconciliation">{t("receipts.staff.navReconciliation")}</Link>
              </li>
            </>
          ) : null}
          <li>
            <Link to="/staff/refunds">{t("receipts.staff.navRefunds")}</Link>
          </li>
        </ul>
      ) : null}
      <p className="empty">{t("staff.emptyInbox")}</p>
      <div className="actions">
        <Form method="post" action="/staff/sign-out">
          <button type="submit" className="button">
            {t("staff.signOut")}
          </button>
        </Form>
        <Form method="post" action="/staff/sign-out">
          <input type="hidden" name="everywhere" value="1" />
          <button type="submit" className="button secondary">
            {t("staff.signOutEverywhere")}
          </button>
        </Form>
      </div>
    </div>
  );
}
