// Browser-build boundary for server/cases (see accounts.server.ts).
export { loadCaseEventPage, fireCaseEventFromForm, downloadCaseDocument, caseDocumentsFor, caseEventNotice } from "../../server/cases";
export { loadStaffCase } from "../../server/cases";
