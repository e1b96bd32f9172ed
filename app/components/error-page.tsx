import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RequestReference } from "../utils/request-reference";
import { formatFileSize } from "../utils/files";

/** The localised error page body for 400, 403, 404, 413 (with the limit), 415, 429 (with the wait, when known) and everything else (500). */
export function ErrorPage({ status, retryAfter, maxBytes }: { status: number; retryAfter?: number; maxBytes?: number }) {
  const { t, i18n } = useTranslation();
  const maxSize = maxBytes ? formatFileSize(maxBytes, i18n.language === "en" ? "en" : "vi") : "";
  const [title, body] =
    status === 429
      ? [t("errors.tooManyTitle"), t("errors.tooManyBody", { seconds: retryAfter ?? 60 })]
      : status === 400
      ? [t("errors.badRequestTitle"), t("errors.badRequestBody")]
      : status === 413
        ? [t("errors.tooLargeTitle"), t("errors.tooLargeBody", { size: maxSize })]
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
