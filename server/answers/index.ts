// The public entry of server/answers (the citizen's answer to a request for information, ADR 063): what
// other domains, the composition root (server/*.ts), app/server/ and tests may use.
import { ANSWER_MAX_FILE_BYTES, ANSWER_MAX_FILES } from "./browser";
import type { UploadRoute } from "../http";

export * from "./browser";
export {
  ASK_EVENT,
  ANSWER_EVENT,
  ensureInfoRequests,
  infoRequestByToken,
  infoRequestsOfCase,
  issueAnswerToken,
  isAnswerTokenShape,
  newAnswerToken,
  openInfoRequestsForCitizen,
  type InfoRequest,
} from "./info-requests.server";
export { receiveAnswer, type AnswerOutcome } from "./answer.server";
export { loadStaffCaseWithAnswers } from "./case-page.server";
export {
  answerTasks,
  enqueueInfoRequestMail,
  INFO_REQUEST_MAIL_TASK,
  sendInfoRequestMail,
  sweepInfoRequestMail,
} from "./jobs.server";
export {
  CASE_VIEWER_ROLES,
  caseInfoRequestsFor,
  downloadAnswerFile,
  loadAccountWithTasks,
  loadAnswerByLink,
  loadAnswerFromAccount,
  submitAnswerByLink,
  submitAnswerFromAccount,
  type AnswerPage,
} from "./web.server";

/** The answer forms take files (multipart, streamed): their paths and the cap of a whole body (server/app.server.ts). */
export const ANSWER_UPLOAD_ROUTES: readonly UploadRoute[] = [
  { path: "/tra-loi/:token", limit: ANSWER_MAX_FILES * ANSWER_MAX_FILE_BYTES + 1024 * 1024 },
  { path: "/tai-khoan/tra-loi/:id", limit: ANSWER_MAX_FILES * ANSWER_MAX_FILE_BYTES + 1024 * 1024 },
];
