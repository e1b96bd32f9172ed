// Browser-build boundary for server/answers (see accounts.server.ts).
export {
  downloadAnswerFile,
  loadAccountWithTasks,
  loadStaffCaseWithAnswers,
  loadAnswerByLink,
  loadAnswerFromAccount,
  submitAnswerByLink,
  submitAnswerFromAccount,
  type AnswerPage,
} from "../../server/answers";
