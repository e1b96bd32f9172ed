// The public entry of server/filing: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export * from "./browser";
export { filingTasks } from "./jobs.server";
export { STEPS } from "./journey";
export {
  downloadOfficeAttachment,
  loadOfficeList,
  openOfficeRequest,
  officeRequestPdf,
  submittedRequestPdf,
  partyRequestPdf,
} from "./staff.server";
export { DONE_COOKIE, justSubmitted, claimRequestsByEmail } from "./submit.server";
export {
  DRAFT_COOKIE,
  createDraft,
  findDraft,
  draftCookie,
  currentDraft,
  requireDraft,
  startDraft,
  resumePath,
  loadFormStep,
  submitFormStep,
  loadAttachmentsStep,
  submitAttachmentsStep,
  loadReview,
  submitDraft,
  submitFromReview,
  loadSaveForLater,
  sendResumeLink,
  openResumeLink,
} from "./journey.server";
export { ENFORCEMENT_REQUEST } from "./journey";
// The request's case type (registered with the case engine when this entry loads), pure data.
export { ENFORCEMENT_REQUEST_CASE, REFUSAL_GROUNDS, NOTIFY_METHODS, DECISION_NUMBER_MAX, type EnforcementRequestState, type EnforcementRequestEvent } from "./case-type";
// Registers the request's section of the staff case page with the case engine (on import of this entry).
export { loadRequestSection } from "./case-section.server";
