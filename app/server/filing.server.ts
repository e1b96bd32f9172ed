// Browser-build boundary for server/filing (see accounts.server.ts).
export {
  currentDraft,
  requireDraft,
  startDraft,
  resumePath,
  loadFormStep,
  submitFormStep,
  draftCookie,
  loadAttachmentsStep,
  submitAttachmentsStep,
  loadReview,
  submitFromReview,
  loadSaveForLater,
  sendResumeLink,
  openResumeLink,
} from "../../server/filing/journey.server";
export { justSubmitted } from "../../server/filing/submit.server";
export {
  loadOfficeList,
  loadOfficeRequest,
  downloadOfficeAttachment,
  officeRequestPdf,
  submittedRequestPdf,
} from "../../server/filing/staff.server";
