// Browser-build boundary for server/submissions (see accounts.server.ts).
export { loadSubmissionDone } from "../../server/submissions";
export type { SubmissionDoneView, ProcedureSection } from "../../server/submissions";
