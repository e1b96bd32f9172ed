// The public entry of server/cases: what other domains, the composition root (server/*.ts), app/server/ and
// tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md). The workflow
// engine for every case type (docs/decisions/058-case-types-as-data.md).
export * from "./browser";
export {
  openCase,
  fireEvent,
  fireEventIn,
  registerEventCascade,
  allocateCaseNumber,
  staffRolesOf,
  type OpenCaseInput,
  type OpenedCase,
  type FireEventInput,
  type FireEventResult,
  type EventCascade,
  type RefusalReason,
} from "./engine.server";
export { loadCase, caseViewerRoles, type CaseRow, type CaseEventRow, type CaseTimelineRow, type LoadedCase } from "./load.server";
export { caseClocks, type CaseClockView } from "./clocks.server";
// Workflow (ADR 062): the one event page, the decision documents (task case_document) and the e-mails (task case_notify).
export {
  loadCaseEventPage,
  fireCaseEventFromForm,
  downloadCaseDocument,
  caseDocumentsFor,
  caseEventNotice,
  caseWorkflowPanel,
  type CaseEventNotice,
  type EventPage,
  type EventFormResult,
} from "./event-web.server";
export { caseDocumentTask, issueCaseDocument, listCaseDocuments, caseDocumentKey, type CaseDocumentItem } from "./documents.server";
export { renderCaseDocument, CASE_DOCUMENTS, type CaseDocumentName } from "./document-pdf.server";
export { caseNotifyTask, caseNotification, sendCaseNotification, NOTIFIED_ELSEWHERE } from "./notify.server";
// The e-mails' one-click unsubscribe page (ADR 068).
export { loadMailOptOut, submitMailOptOut, type MailOptOutPage } from "./mail-optout.server";
export { registerSubmissionSection, submissionSection, submissionVisibleTo, caseIdOfSubmission, type SubmissionSection, type SubmissionLoader } from "./submissions.server";
export { loadStaffCase, redirectSubmissionToCase } from "./staff-web.server";
// Following a case (ADR 065): the lookup pair every procedure issues, and the one view of a case its parties see.
export {
  ACCESS_CODE_ALPHABET,
  ACCESS_CODE_LENGTH,
  newAccessCode,
  normaliseAccessCode,
  normaliseReference,
  accessCodeHash,
  verifyLookupPair,
  verifyLookupPairs,
  lookupReference,
} from "./access.server";
export { partyCaseView, partyCaseSummaries, type PartyCaseView, type PartyCaseSummary, type PartyClock, type PartyTimelineEntry } from "./party-view.server";
// The status lookup without an account, /tra-cuu (ADR 066).
export { findRelatedCase, type RelatedCase, type RelatedCaseOutcome } from "./related.server";
export { loadLookupPage, lookUpCaseFromForm, lookUpPair, LOOKUP_PAGE_HEADERS, lookupCounters, echoReference, type LookupPage, type LookupProblem, type LookupOutcome } from "./lookup-web.server";
// Records on a case that are not events of its type (ADR 074: a document served), for every case type.
export { appendCaseRecord, CASE_RECORDS, type CaseRecordName, type CaseRecordInput } from "./records.server";
