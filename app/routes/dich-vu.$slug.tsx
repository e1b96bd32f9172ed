import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { findService } from "../../vocabulary/services";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["comingSoon", "home", "services"] };

export async function loader({ params }: LoaderFunctionArgs) {
  const service = findService(params.slug);
  if (!service) throw data(null, { status: 404 });
  return { slug: service.slug };
}

export default function ComingSoon() {
  const { slug } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const service = t(`services.${slug}.name`);
  return (
    <div className="narrow">
      <p className="badge">{t("home.comingSoonBadge")}</p>
      <h1>{t("comingSoon.title")}</h1>
      <p>{t("comingSoon.body", { service })}</p>
      <p>{t("comingSoon.meanwhile")}</p>
      <p>
        <Link to="/">{t("comingSoon.back")}</Link>
      </p>
    </div>
  );
}
