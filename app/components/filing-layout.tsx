import { useTranslation } from "react-i18next";
import { timeLimitYears } from "../../server/filing/browser";

/** "Step n of m" above the step's title (the h1). */
export function StepHeader({ number, total, title }: { number: number; total: number; title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="step-count">{t("filing.common.stepOf", { number, total })}</p>
      <h1>{title}</h1>
    </>
  );
}

/** The 5-year time limit: a plain note while it runs, a warning once it has passed. */
export function TimeLimitNotice({ past, date }: { past: boolean; date: string }) {
  const { t } = useTranslation();
  if (!past) return <p className="notice">{t("filing.timeLimit.ok", { date, years: timeLimitYears() })}</p>;
  return (
    <div className="warning-box" role="note">
      <h2>{t("filing.timeLimit.pastTitle")}</h2>
      <p>{t("filing.timeLimit.past", { date, years: timeLimitYears() })}</p>
    </div>
  );
}
