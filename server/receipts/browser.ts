// The browser-safe entry of server/receipts: schemas, types and constants that app/ uses in the browser.
// It and everything it imports stay free of *.server.* files and Node built-ins (npm run lint:deps).
export { CancelReceiptSchema, DecideRefundSchema, ProposeRefundSchema, ReconcileSchema } from "./schemas";
export { payerLabelKeys, type ReceiptContent } from "./types";
