import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RequestReference } from "../utils/request-reference";
import { formatFileSize } from "../utils/files";
import { useLocale } from "../utils/page";

/**
 * The localised error page body for 400, 403, 404, 413 (with the limit), 415, 429 (with the wait, when
 * known), 503 (database outage) and everything else (500).
 */
export function ErrorPage({ status, retryAfter, maxBytes }: { status: number; retryAfter?: number; maxBytes?: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const maxSize = maxBytes ? formatFileSize(maxBytes, locale) : "";
  const pages: Record<number, [string, string]> = {
    400: [t("errors.badRequestTitle"), t("errors.badRequestBody")],
    403: [t("errors.forbiddenTitle"), t("errors.forbiddenBody")],
    404: [t("errors.notFoundTitle"), t("errors.notFoundBody")],
    413: [t("errors.tooLargeTitle"), t("errors.tooLargeBody", { size: maxSize })],
    415: [t("errors.unsupportedTitle"), t("errors.unsupportedBody")],
    429: [t("errors.tooManyTitle"), t("errors.tooManyBody", { seconds: retryAfter ?? 60 })],
    503: [t("errors.unavailableTitle"), t("errors.unavailableBody")],
  };
  const [title, body] = pages[status] ?? [t("errors.serverTitle"), t("errors.serverBody")];
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
