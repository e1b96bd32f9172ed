/** Agency levels (enum agency_level): a child sits below its parent's level; only the root is central. */
export const AGENCY_LEVELS = ["central", "province", "district"] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export const LEVEL_RANK: Record<AgencyLevel, number> = { central: 0, province: 1, district: 2 };
