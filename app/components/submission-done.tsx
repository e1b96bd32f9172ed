import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TryAgainLater } from "./try-again";
import { lookupPath, myCasesPath } from "../../vocabulary/service-path";
import type { SubmissionDoneView } from "../server/submissions.server";

/**
 * The "sent" page of every procedure filed through server/submissions (ADR 073): the reference and access
 * code, where the acknowledgement went, the receiving office, what happens next (the procedure's own
 * `next` list, already translated), links to the lookup and My cases. Needs the `submissions` namespace.
 */
export function SubmissionDone({ view, procedureName, next }: { view: SubmissionDoneView; procedureName: string; next: readonly string[] }) {
  const { t } = useTranslation();
  if (view.status === "rate-limited") return <TryAgainLater seconds={view.retryAfterSeconds} />;
  if (view.status === "expired") {
    return (
      <div className="narrow">
        <h1>{t("submissions.done.title")}</h1>
        <p>{t("submissions.done.expired")}</p>
        <p>
          <Link to={lookupPath()}>{t("submissions.done.lookup")}</Link> · <Link to="/">{t("submissions.done.home")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <div className="panel-confirmation">
        <h1>{t("submissions.done.title")}</h1>
        <p>{t("submissions.done.lead", { procedure: procedureName })}</p>
        <dl>
          <dt>{t("submissions.done.reference")}</dt>
          <dd className="code" data-testid="reference">
            {view.reference}
          </dd>
          <dt>{t("submissions.done.accessCode")}</dt>
          <dd className="code" data-testid="access-code">
            {view.accessCode}
          </dd>
        </dl>
      </div>
      <p>{t("submissions.done.keep")}</p>
      <p>{view.email ? t("submissions.done.emailSent", { email: view.email }) : t("submissions.done.noEmail")}</p>
      <h2>{t("submissions.done.office")}</h2>
      <address className="office">
        <p>{view.office.name}</p>
        {view.office.address ? <p>{view.office.address}</p> : null}
        {view.office.phone ? <p>{view.office.phone}</p> : null}
      </address>
      {next.length ? (
        <ol>
          {next.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      ) : null}
      <p>
        <Link to={lookupPath(view.reference)}>{t("submissions.done.lookup")}</Link> · <Link to={myCasesPath}>{t("submissions.done.myCases")}</Link> ·{" "}
        <Link to="/">{t("submissions.done.home")}</Link>
      </p>
    </div>
  );
}
