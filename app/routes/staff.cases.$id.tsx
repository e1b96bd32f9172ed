import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadStaffCaseWithAnswers } from "../server/answers.server";
import { CaseInfoRequests } from "../components/case-info-requests";
import { CaseDocuments, CaseWorkflowNotice } from "../components/case-documents";
import { CaseAssignment } from "../components/case-assignment";
import { CaseClocks, CaseEventFields } from "../components/cases";
import { EnforcementRequestSection } from "../components/request-section";
import { ProcedureSectionView } from "../components/procedure-section";
import type { ProcedureSection } from "../server/submissions.server";
import type { RequestSection } from "../../server/filing/browser";
import { SummaryList } from "../components/summary-list";
import { formatDateTime } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths, servicePaths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["answers", "cases", "inbox", "workflow.documents", "workflow.event", "filing.attachments", "filing.common", "filing.errors", "filing.fields", "filing.staff", "filing.steps", "debtorList", "submissions", "denunciations", "feedback", "service", "complaints", "confirmation", "officerChange", "account.signIn", "account.errors", "account.code"] };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (r) => (data ? `${data.case.reference} – ${r.cases.page.title}` : r.cases.page.title), { site: false });

export const loader = (args: LoaderFunctionArgs) => loadStaffCaseWithAnswers(args);

/** The staff case page, the same for every case type (docs/decisions/058): header, clocks, actions, the submission, the history. */
export default function StaffCase() {
  const { content, case: c, clocks, events, availableEvents, submission, infoRequests, workflow, assignment } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const words = (key: string) => t([`${content}.${key}`, `cases.common.${key}`] as never);
  const none = t("cases.page.none");
  return (
    <div>
      <p>
        <Link to={paths.staff.home} className="back-link">
          {t("cases.page.back")}
        </Link>
      </p>
      <CaseWorkflowNotice content={content} panel={workflow} />
      <h1>{t("cases.page.heading", { reference: c.reference })}</h1>
      <SummaryList
        rows={[
          [t("cases.page.type"), t(`cases.types.${c.caseType}` as never, { defaultValue: c.caseType })],
          [t("cases.page.state"), <strong key="s">{words(`states.${c.state}`)}</strong>],
          [t("cases.page.office"), c.agencyName],
          [t("cases.page.receivedAt"), formatDateTime(c.receivedAt, locale)],
          [t("cases.page.caseNumber"), c.caseNumber ?? none],
          ...(c.externalCaseNumber ? [[t("cases.page.externalCaseNumber"), c.externalCaseNumber] as [string, string]] : []),
          [t("cases.page.officer"), c.officerName ?? none],
          [t("cases.page.assignee"), c.assigneeName ?? none],
        ]}
      />

      <CaseAssignment reference={c.reference} assignment={assignment} />

      <section aria-labelledby="h-clocks">
        <h2 id="h-clocks">{t("cases.page.clocksTitle")}</h2>
        <CaseClocks content={content} clocks={clocks} />
      </section>

      <section aria-labelledby="h-actions">
        <h2 id="h-actions">{t("cases.page.actionsTitle")}</h2>
        <p>
          <Link to={servicePaths.staffCase(c.id)}>{t("service.staff.heading")}</Link>
        </p>
        {availableEvents.length ? (
          <ul className="action-list">
            {availableEvents.map((e) => (
              <li key={e}>
                <Link to={paths.staff.caseEvent(c.id, e)} className="button secondary">
                  {words(`events.${e}.title`)}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("cases.page.noActions")}</p>
        )}
      </section>

      {submission ? (
        <section aria-labelledby="h-submission">
          <h2 id="h-submission">{t("cases.page.submissionTitle")}</h2>
          {submission.kind === "enforcement-request" && submission.data ? (
            <EnforcementRequestSection section={submission.data as unknown as RequestSection} headingLevel={3} />
          ) : null}
          {submission.kind !== "enforcement-request" && submission.data ? (
            <ProcedureSectionView section={submission.data as unknown as ProcedureSection} />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="h-debtor-list">
        <h2 id="h-debtor-list">{t("debtorList.staff.fromCase")}</h2>
        <p>
          <Link to={paths.staff.debtorListNew(c.id)}>{t("debtorList.staff.fromCaseLink")}</Link>
        </p>
      </section>

      <CaseDocuments caseId={c.id} content={content} documents={workflow.documents} />

      {infoRequests.length ? <CaseInfoRequests caseId={c.id} requests={infoRequests} /> : null}

      <section aria-labelledby="h-history">
        <h2 id="h-history">{t("cases.page.historyTitle")}</h2>
        <ol className="case-history">
          {[...events].reverse().map((e) => (
            <li key={e.id}>
              <p>
                <strong>{words(`events.${e.event}.title`)}</strong> · {formatDateTime(e.at, locale)} ·{" "}
                {e.actorType === "staff"
                  ? t("cases.page.by", { name: e.actorName ?? "" })
                  : e.actorType === "citizen"
                    ? t("cases.page.by", { name: t("cases.page.byCitizen") })
                    : t("cases.page.by", { name: t("cases.page.bySystem") })}{" "}
                <span className="badge">{e.public ? t("cases.page.public") : t("cases.page.internal")}</span>
              </p>
              <CaseEventFields content={content} event={e.event} fields={e.fields} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
