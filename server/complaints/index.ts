// The public entry of server/complaints (issue 14 item 3, docs/decisions/075): the complaint journey, its
// case type (registered on import), its time limits and who resolves it.
import { registerProcedureSection } from "../submissions";
import { COMPLAINT_CASE } from "./case-type";

registerProcedureSection(COMPLAINT_CASE);

export { COMPLAINT_CASE, COMPLAINT_REFUSAL_GROUNDS } from "./case-type";
export { COMPLAINT_JOURNEY, COMPLAINT_PATH, type ComplaintAnswers, type ComplaintStep } from "./journey";
export { complaintJourney } from "./journey.server";
export { complaintTimeLimit, type ComplaintTimeLimit } from "./time-limit.server";
export { resolverFor, type Resolver } from "./routing.server";
export { fileComplaint, type FiledComplaint } from "./submit.server";
export * from "./kinds";
export { complaintTasks } from "./jobs.server";
