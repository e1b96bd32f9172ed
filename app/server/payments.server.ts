// Browser-build boundary for server/payments (see accounts.server.ts).
export {
  findNoticeForPayer, getNotice, listCourts, listNoticesForAccountant, accountantAgencies, createNoticeByStaff,
  importNoticesCsv, CSV_MAX_ROWS, type Notice, type CsvProblem,
} from "../../server/payments/notices.server";
export { startCheckout, paymentStatus, OPEN_STATES, type PaymentView } from "../../server/payments/lifecycle.server";
export { signNoticeToken, verifyNoticeToken, maskEmail } from "../../server/payments/access.server";
export { vnpayFor } from "../../server/payments/gateway.server";
export { noticePage, paymentResultPage } from "../../server/payments/pages.server";
export { requireAccountant } from "../../server/payments/guards.server";
export {
  loadFeeLookup, lookUpNotice, loadNoticePage, payNotice, loadPaymentResult,
  loadStaffNotices, loadNewNotice, createNotice, loadNoticeImport, importNotices,
} from "../../server/payments/web.server";
