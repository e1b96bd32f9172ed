// The browser-safe entry of server/accounts: schemas, types and constants that app/ uses in the browser.
// It and everything it imports stay free of *.server.* files and Node built-ins (npm run lint:deps).
export { RequestCodeSchema, VerifyCodeSchema } from "./citizen-schemas";
export { StaffSignInSchema } from "./schemas";
export { STAFF_ROLES, type StaffRole } from "./roles";
export { SecondFactorCodeSchema } from "./schemas";
