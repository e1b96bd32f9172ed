import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadServiceInfo } from "../server/service.server";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["service"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.service.info.title);

/** What electronic service is, who may use it, how long (ADR 074); consent is given on the party's case page. */
export const loader = () => loadServiceInfo();

export default function ServiceInfo() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { days, basis } = useLoaderData<typeof loader>();
  return (
    <div className="service-info">
      <h1>{t("service.info.title")}</h1>
      <p className="lead">{t("service.info.lead")}</p>
      <h2>{t("service.info.whatHeading")}</h2>
      <p>{t("service.info.what")}</p>
      <h2>{t("service.info.whoHeading")}</h2>
      <p>{t("service.info.who")}</p>
      <h2>{t("service.info.howLongHeading")}</h2>
      <p>{t("service.info.howLong", { days })}</p>
      <p className="hint">{basis[locale]}</p>
      <p>
        <Link to={paths.myCases.list} className="button">
          {t("service.info.signIn")}
        </Link>
      </p>
    </div>
  );
}
