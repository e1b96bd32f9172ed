// The browser-safe entry of server/validation: schemas, types and constants that app/ uses in the browser.
// It and everything it imports stay free of *.server.* files and Node built-ins (npm run lint:deps).
export { amountField, amountMessages, apiAmountField } from "./amount-schema";
export { AMOUNT_MAX_CLAIM, AMOUNT_MAX_PAYABLE, NOTICE_AMOUNT_MIN } from "./amount";
export { fieldMessage, text, tooLong, translateMessage } from "./text";
