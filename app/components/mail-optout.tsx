import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "./forms";
import type { MailOptOutPage } from "../server/cases.server";

/** The page of a case e-mail's unsubscribe link (ADR 068): what stops, one button, and the way back on. */
export function MailOptOut({ page, result }: { page: MailOptOutPage; result?: MailOptOutPage }) {
  const { t } = useTranslation();
  const p = result && result.status === "ok" ? result : page;
  if (p.status === "invalid") {
    return (
      <div className="narrow">
        <h1>{t("follow.optOut.invalidHeading")}</h1>
        <p>{t("follow.optOut.invalidBody")}</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      {p.error ? <ErrorSummary errors={[]} formError={t("follow.optOut.badChoice")} /> : null}
      {p.done ? (
        <p className="notice" role="status">
          {t(p.done === "off" ? "follow.optOut.turnedOff" : "follow.optOut.turnedOn")}
        </p>
      ) : null}
      <h1>{t("follow.optOut.title")}</h1>
      <p>
        {t("follow.optOut.reference")}: <strong>{p.reference}</strong>
      </p>
      {p.notify ? (
        <>
          <p>{t("follow.optOut.onLead")}</p>
          <p>{t("follow.optOut.willStop")}</p>
          <Form method="post" replace>
            <input type="hidden" name="intent" value="off" />
            <button type="submit" className="button">
              {t("follow.optOut.turnOff")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>{t("follow.optOut.offLead")}</p>
          <Form method="post" replace>
            <input type="hidden" name="intent" value="on" />
            <button type="submit" className="button secondary">
              {t("follow.optOut.turnOn")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
