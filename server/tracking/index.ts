// The public entry of server/tracking: My cases, the signed-in citizen's own cases, payments, receipts and
// documents (issue 13, docs/decisions/067-my-cases.md). Composes cases, answers, documents and the
// payments' tables; imports other domains only through their entries (ADR 050).
export {
  CASES_PAGE_SIZE,
  caseCursor,
  readCaseCursor,
  myCasesPage,
  myPayments,
  myDocuments,
  myCaseId,
  myCaseView,
  myCaseDocumentEvent,
  setMyCaseNotify,
  hasFilingPdf,
  type OwnCase,
  type MyCasesPage,
  type MyCaseView,
  type MyPayment,
  type MyDocument,
  type MyCaseDocument,
} from "./my-cases.server";
export { loadMyCases, loadMyCase, submitMyCase, downloadMyCaseDocument, downloadMyFilingPdf, type NotifyResult } from "./web.server";
