// The public entry of server/payments: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export * from "./browser";
export { maskEmail, signNoticeToken, verifyNoticeToken } from "./access.server";
export { RETURN_PATH, vnpayFor } from "./gateway.server";
export { requireAccountant } from "./guards.server";
export { mountIpn, mountPayments, type PaymentsMount } from "./http.server";
export { sendPaymentConfirmation, sweepPayments } from "./jobs.server";
export {
  applyOutcome,
  type Attempt,
  OPEN_STATES,
  paymentStatus,
  type PaymentView,
  settleWithQuery,
  startCheckout,
} from "./lifecycle.server";
export {
  accountantAgencies,
  createNoticeByStaff,
  CSV_MAX_ROWS,
  type CsvProblem,
  findNoticeForPayer,
  getNotice,
  importNoticesCsv,
  insertNotice,

  listNoticesForAccountant,
  type Notice,
} from "./notices.server";
export { NoticeInputSchema } from "./schemas";
export { DEMO_COURT_KEY, DEMO_NOTICES, seedPaymentsDemo } from "./seed.server";
export { signParams } from "./vnpay";
export {
  createNotice,
  importNotices,
  loadFeeLookup,
  loadNewNotice,
  loadNoticeImport,
  loadStaffNotices,
  lookUpNotice,
  payNotice,
} from "./web.server";
export { CSV_MAX_BYTES } from "./csv";
