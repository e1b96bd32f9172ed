// Browser-build boundary for server/filing (see accounts.server.ts).
export {
  currentDraft,
  requireDraft,
  startDraft,
  resumePath,
  loadFormStep,
  submitFormStep,
  draftCookie,
} from "../../server/filing/steps.server";
export { loadAttachmentsStep, submitAttachmentsStep } from "../../server/filing/steps.server";
export { loadReview, submitFromReview, justSubmitted } from "../../server/filing/submit.server";
export { loadSaveForLater, sendResumeLink, openResumeLink } from "../../server/filing/resume.server";
export {
  loadOfficeList,
  loadOfficeRequest,
  downloadOfficeAttachment,
  officeRequestPdf,
  submittedRequestPdf,
} from "../../server/filing/staff.server";
