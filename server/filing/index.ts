// The public entry of server/filing: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export * from "./browser";
export { seedDemoCourts } from "./courts.server";
export { createDraft, saveStepAnswers } from "./drafts.server";
export { filingTasks } from "./jobs.server";
export { STEPS } from "./journey";
export { loadSaveForLater, openResumeLink, sendResumeLink } from "./resume.server";
export {
  downloadOfficeAttachment,
  loadOfficeList,
  loadOfficeRequest,
  officeRequestPdf,
  submittedRequestPdf,
} from "./staff.server";
export {
  currentDraft,
  draftCookie,
  loadAttachmentsStep,
  loadFormStep,
  requireDraft,
  resumePath,
  startDraft,
  submitAttachmentsStep,
  submitFormStep,
} from "./steps.server";
export { DONE_COOKIE, justSubmitted, loadReview, submitFromReview } from "./submit.server";
