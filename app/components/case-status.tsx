import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import { useLocale } from "../utils/page";
import { CaseClocks, CaseEventFields } from "./cases";

/** What server/cases partyCaseView returns, as JSON (dates are ISO strings). */
export type CaseStatusView = {
  reference: string;
  caseType: string;
  content: string;
  state: string;
  final: boolean;
  needsAction: boolean;
  caseNumber: string | null;
  office: { name: string; address: string | null; phone: string | null };
  officerName: string | null;
  applicantName: string;
  otherPartyName: string | null;
  receivedAt: string;
  updatedAt: string;
  timeline: readonly { event: string; at: string; details: Record<string, unknown> }[];
  clocks: Parameters<typeof CaseClocks>[0]["clocks"];
};

/**
 * A case as its parties see it (ADR 065): the state in plain words and what to do next, the office and
 * officer in charge, the public timeline (newest first) and the running deadlines with their legal basis.
 * The same on the lookup page, in My cases and on an organisation's pages. Strings: status, cases.
 * `children` go between the summary and the deadlines (a page's own actions).
 */
export function CaseStatus({ view, children }: { view: CaseStatusView; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = (key: string) => t([`${view.content}.${key}`, `cases.common.${key}`] as never);
  return (
    <div className="case-status">
      <dl className="summary-list">
        <div>
          <dt>{t("status.reference")}</dt>
          <dd>
            <strong>{view.reference}</strong>
          </dd>
        </div>
        <div>
          <dt>{t("status.procedure")}</dt>
          <dd>{t(`cases.types.${view.caseType}` as never)}</dd>
        </div>
        <div>
          <dt>{t("status.state")}</dt>
          <dd>
            <strong>{words(`states.${view.state}`)}</strong>
            {view.needsAction ? <> <span className="badge badge-warning">{t("status.actionNeeded")}</span></> : null}
            <br />
            {words(`party.states.${view.state}`)}
          </dd>
        </div>
        <div>
          <dt>{t("status.nextStep")}</dt>
          <dd>{words(`party.next.${view.state}`)}</dd>
        </div>
        {view.caseNumber ? (
          <div>
            <dt>{t("status.caseNumber")}</dt>
            <dd>{view.caseNumber}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("status.office")}</dt>
          <dd>
            {view.office.name}
            {view.office.address ? (
              <>
                <br />
                {t("status.officeAddress")}: {view.office.address}
              </>
            ) : null}
            {view.office.phone ? (
              <>
                <br />
                {t("status.officePhone")}: {view.office.phone}
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t("status.officer")}</dt>
          <dd>{view.officerName ?? t("status.noOfficer")}</dd>
        </div>
        <div>
          <dt>{t("status.applicant")}</dt>
          <dd>{view.applicantName}</dd>
        </div>
        {view.otherPartyName ? (
          <div>
            <dt>{t("status.otherParty")}</dt>
            <dd>{view.otherPartyName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("status.receivedAt")}</dt>
          <dd>{formatDate(view.receivedAt, locale)}</dd>
        </div>
      </dl>
      {children}
      <h2>{t("status.deadlinesHeading")}</h2>
      {view.clocks.length ? <CaseClocks content={view.content} clocks={view.clocks} /> : <p>{t("status.deadlinesNone")}</p>}
      <h2>{t("status.timelineHeading")}</h2>
      {view.timeline.length ? (
        <ol className="case-timeline" reversed>
          {[...view.timeline].reverse().map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <p>
                <strong>{words(`events.${e.event}.title`)}</strong> · <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
              </p>
              <CaseEventFields content={view.content} event={e.event} fields={e.details} />
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("status.timelineEmpty")}</p>
      )}
    </div>
  );
}
