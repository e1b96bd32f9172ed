// The public entry of server/submissions (docs/decisions/073): how every procedure but the enforcement
// request files what its journey gathered, its "sent" page, its acknowledgement e-mail and its staff section.
export {
  fileSubmission,
  submissionConfirmation,
  justFiledSubmission,
  loadSubmissionDone,
  getSubmission,
  submissionAttachments,
  REFERENCE_PREFIXES,
  type FileSubmissionInput,
  type FiledSubmission,
  type SubmissionRow,
  type SubmissionDoneView,
  type JustFiled,
} from "./submit.server";
export { registerProcedureSection, type ProcedureSection, type SectionRedaction } from "./section.server";
export { submissionTasks } from "./jobs.server";
export * from "./browser";
export { checkRelatedCaseStep } from "./related-check.server";
export { provinceChoices, officeChoicesIn, officeIn, type Choice } from "./offices.server";
