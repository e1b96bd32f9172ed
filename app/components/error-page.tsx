import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RequestReference } from "../utils/request-reference";

/** The localised error page body for 400, 403, 404, 413, 415 and everything else (500). */
export function ErrorPage({ status, maxSize }: { status: number; maxSize?: string }) {
  const { t } = useTranslation();
  const [title, body] =
    status === 400
      ? [t("errors.badRequestTitle"), t("errors.badRequestBody")]
      : status === 413
        ? [t("errors.tooLargeTitle"), t("errors.tooLargeBody", { size: maxSize ?? "" })]
        : status === 415
          ? [t("errors.unsupportedTitle"), t("errors.unsupportedBody")]
          : status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundBody")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenBody")]
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
