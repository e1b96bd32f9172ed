// The browser-safe entry of server/payments: schemas, types and constants that app/ uses in the browser.
// It and everything it imports stay free of *.server.* files and Node built-ins (npm run lint:deps).
export { CheckoutSchema, CSV_COLUMNS, NoticeLookupSchema, StaffNoticeFormSchema } from "./schemas";
