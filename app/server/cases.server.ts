// Browser-build boundary for server/cases (see accounts.server.ts).
export { loadStaffCase } from "../../server/cases";
export { loadCaseEventPage, fireCaseEventFromForm, downloadCaseDocument, caseDocumentsFor, caseEventNotice, caseWorkflowPanel } from "../../server/cases";
export { loadMailOptOut, submitMailOptOut } from "../../server/cases";
export type { MailOptOutPage } from "../../server/cases";
export { loadLookupPage, lookUpCaseFromForm, type LookupPage } from "../../server/cases";
