// Browser-safe part of the agencies domain: constants, schemas and types the admin pages use.
export { AGENCY_LEVELS, LEVEL_RANK, type AgencyLevel } from "./roles";
export { STAFF_ROLES, type StaffRole } from "../accounts/browser";
export * from "./schemas";
