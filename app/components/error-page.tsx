import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RequestReference } from "../utils/request-reference";

/** The localised error page body for 403, 404, 503 (database outage) and everything else (500). */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const [title, body] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundBody")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenBody")]
        : status === 503
          ? [t("errors.unavailableTitle"), t("errors.unavailableBody")]
          : [t("errors.serverTitle"), t("errors.serverBody")];
  return (
    <div className="error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      {status >= 500 ? <RequestReference label={(id) => t("errors.reference", { id })} /> : null}
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </div>
  );
}
