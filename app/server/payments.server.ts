// Browser-build boundary for server/payments (see accounts.server.ts).
export {
  findNoticeForPayer,
  getNotice,
  listNoticesForAccountant,
  accountantAgencies,
  createNoticeByStaff,
  importNoticesCsv,
  CSV_MAX_ROWS,
  type Notice,
  type CsvProblem,
  startCheckout,
  paymentStatus,
  OPEN_STATES,
  type PaymentView,
  signNoticeToken,
  verifyNoticeToken,
  maskEmail,
  vnpayFor,
  requireAccountant,
} from "../../server/payments";
export { noticePage, paymentResultPage } from "../../server/receipts";
