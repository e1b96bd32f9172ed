import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SERVICES } from "../../vocabulary/services";
import { debtorListPath, lookupPath, triagePath } from "../../vocabulary/service-path";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["home", "services", "lookup"] };

export default function Home() {
  const { t } = useTranslation();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
      </section>
      <section aria-labelledby="dich-vu">
        <h2 id="dich-vu">{t("home.servicesHeading")}</h2>
        <p>
          <Link to={triagePath}>{t("home.triageLink")}</Link>
        </p>
        <ul className="service-list">
          {SERVICES.map((s) => (
            <li key={s.slug} className="service-card">
              <h3>
                <Link to={s.href}>{t(`services.${s.slug}.name`)}</Link>
              </h3>
              <p>{t(`services.${s.slug}.description`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="tra-cuu" className="lookup-link">
        <h2 id="tra-cuu">{t("lookup.links.homeHeading")}</h2>
        <p>{t("lookup.links.homeText")}</p>
        <p>
          <Link to={lookupPath()}>{t("lookup.links.homeLink")}</Link>
        </p>
        <p>
          <Link to={debtorListPath}>{t("home.debtorListLink")}</Link>
        </p>
      </section>
      <section aria-labelledby="help" className="help">
        <h2 id="help">{t("home.helpHeading")}</h2>
        <p>{t("home.helpText")}</p>
      </section>
    </>
  );
}
