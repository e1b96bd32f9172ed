// The public entry of server/service-of-documents (ADR 050): electronic service of documents (tống đạt
// điện tử, issue 14, docs/decisions/074): the party's consent, serving a case document, the party's first
// opening (immutable proof), paper service when electronic service fails, for every case type.
export { liveConsent, giveConsent, withdrawConsent, isServiceEmail, type ConsentParty, type LiveConsent } from "./consent.server";
export { serveDocument, recordPaperService, serveEventDocument, SERVICE_OPEN_RULE, SERVING_ROLES, type ServeResult, type ServeRefusal } from "./serve.server";
export {
  serviceProof,
  openServedDocument,
  servicesOfCase,
  paperServiceDue,
  markNoticeBounced,
  type ServiceViewer,
  type ServiceProof,
} from "./open.server";
export { sendServiceNotice, serviceTasks } from "./notice.server";
export {
  issueServiceReceipt,
  serviceReceiptCodes,
  verifyServiceReceipt,
  checkServiceReceipt,
  normaliseReceiptCode,
  SERVICE_RECEIPT_JWT_TYPE,
  type ServiceReceiptContent,
  type ServiceReceiptCheck,
} from "./receipt.server";
export { renderServiceReceiptPdf } from "./receipt-pdf.server";
export {
  loadServiceInfo,
  loadServedPage,
  openServedFromForm,
  loadMyConsent,
  submitMyConsent,
  loadStaffService,
  submitStaffService,
  loadServiceReceiptCheck,
  serviceReceiptPdfResponse,
  serviceReceiptJwsResponse,
  type ServiceProofView,
  type ConsentFormResult,
  type StaffServiceResult,
} from "./web.server";
