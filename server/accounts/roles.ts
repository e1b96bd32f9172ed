/** Staff roles (enum staff_role): browser-safe, for the guards, the agency scope and the admin pages. */
export const STAFF_ROLES = ["clerk", "officer", "accountant", "head", "admin", "denunciation-handler"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
