import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadAdminHome } from "../server/agencies.server";
import { pageTitle } from "../utils/page";
import { AdminNav } from "../components/admin";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["admin"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.admin.title);

export const loader = ({ request, context }: LoaderFunctionArgs) => loadAdminHome(request, context);

export default function AdminHome() {
  const { t } = useTranslation();
  const { counts } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.lead")}</p>
      <p>{t("admin.counts", counts)}</p>
      <AdminNav />
    </div>
  );
}
