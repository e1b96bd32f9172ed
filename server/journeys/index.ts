// The journey engine's public entry (server side): docs/decisions/051-one-journey-engine.md.
// A procedure imports the engine only through this file (and ./browser for what its pages share).
export * from "./browser";
export { journeyEngine, type JourneyEngine } from "./engine.server";
export { loadProcedureStart, startProcedure, loadProcedureStep, submitProcedureStep, loadProcedureReview, submitProcedureReview, loadProcedureDone, type ProcedureStartView, type ProcedureStepView, type ProcedureReviewView } from "./procedure-web.server";
export { registerProcedure, procedureBySlug, registeredProcedureSlugs, registeredProcedures, fieldsForBrowser, type RegisteredProcedure, type ProcedureNotice } from "./registry.server";
export type { Procedure, SubmitContext, SubmitOutcome } from "./procedure";
export {
  createResumeLink,
  digestToken,
  newToken,
  pruneDrafts,
  resumeDraft,
  saveStepAnswers,
  markStepComplete,
  isTokenShape,
  DRAFT_TTL_DAYS,
  RESUME_LINK_TTL_HOURS,
  type Draft,
} from "./drafts.server";
export {
  CONTENT_TYPES,
  cleanFileName,
  streamUploads,
  type StreamedFile,
  detectContentType,
  eicarOnlyScanner,
  listDraftAttachments,
  listRequestAttachments,
  type Attachment,
  type ContentType,
  type ScanResult,
  type UploadOutcome,
  type UploadProblem,
  type VirusScanner,
} from "./attachments.server";
export { fileStoreFor, localFileStore, type FileStore, type WriteResult } from "./storage.server";
export { currentCitizenId, RETURN_PARAM, type AttachmentsActionResult, type AttachmentsView, type StepActionResult, type StepView } from "./steps.server";
export type { ReviewSection, ReviewView, SubmitResult } from "./review.server";
export { renderAnswersPdf, answerLines } from "./pdf.server";
