// The public entry of server/receipts: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export * from "./browser";
export { requireRefundStaff } from "./guards.server";
export { mountReceipts } from "./http.server";
export { deliverReceipt, reconcileDaily, runRefund, sendRefundUpdate } from "./jobs.server";
export { noticePage, paymentResultPage, loadNoticePage, loadPaymentResult } from "./payment-pages.server";
export { renderReceiptPdf } from "./pdf.server";
export { qrSvgDataUri } from "./qr.server";
export {
  cancelReceipt,
  checkReceipt,
  formatReceiptNumber,
  getReceiptForAccountant,
  listReceiptsForAccountant,
  receiptDocument,
  receiptForPayment,
  verifyUrl,
} from "./receipts.server";
export {
  type CsvWords,
  itemsCsv,
  latestRun,
  listRuns,
  MISMATCH_KINDS,
  type MismatchKind,
  reconcile,
  reconcileForStaff,
  runItems,
  vietnamDay,
} from "./reconciliation.server";
export {
  decideRefund,
  getRefundForStaff,
  listRefundReview,
  listRefundsForStaff,
  proposeRefund,
  refundablePayment,
  refundDecisionRight,
  refundRoles,
  refundsForPayment,
  type RefundState,
} from "./refunds.server";
export { JWKS_PATH, publicJwks, signPortalJws, verifyPortalJws } from "./signing.server";
export { cancelStaffReceipt, loadStaffReceipt } from "./staff-web.server";
export { reconciliationCsvWords } from "./reconciliation-csv";
export {
  decideRefundFromForm,
  loadReconciliation,
  loadReconciliationRun,
  loadRefund,
  loadRefundProposal,
  loadRefunds,
  loadStaffReceipts,
  proposeRefundFromForm,
  reconciliationCsvResponse,
  startReconciliation,
} from "./staff-web.server";
export { loadReceiptCheck, loadReceiptPage, receiptJwsResponse, loadReceiptPdf } from "./web.server";
