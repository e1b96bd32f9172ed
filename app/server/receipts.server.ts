// Browser-build boundary for server/receipts (see accounts.server.ts).
export {
  receiptDocument, checkReceipt, receiptForPayment, listReceiptsForAccountant, getReceiptForAccountant, cancelReceipt,
  formatReceiptNumber, verifyUrl, type ReceiptContent,
} from "../../server/receipts/receipts.server";
export { renderReceiptPdf } from "../../server/receipts/pdf.server";
export { qrSvgDataUri } from "../../server/receipts/qr.server";
export { receiptPdfResponse, receiptQrDataUri } from "../../server/receipts/documents.server";
export { JWKS_PATH } from "../../server/receipts/signing.server";
export {
  proposeRefund, decideRefund, listRefundsForStaff, getRefundForStaff, listRefundReview, refundablePayment, refundsForPayment,
  refundRoles, refundDecisionRight, type RefundState,
} from "../../server/receipts/refunds.server";
export { reconcile, reconcileForStaff, listRuns, latestRun, runItems, itemsCsv, vietnamDay, MISMATCH_KINDS, type MismatchKind } from "../../server/receipts/reconciliation.server";
export { requireRefundStaff } from "../../server/receipts/guards.server";
export { loadStaffReceipt, cancelStaffReceipt } from "../../server/receipts/staff-web.server";
