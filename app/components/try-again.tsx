import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The body of every 429 page: what happened and when to try again (the response carries Retry-After). */
export function TryAgainLater({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("errors.tooManyTitle")}</h1>
      <p>{t("errors.tooManyBody", { seconds })}</p>
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </div>
  );
}
