/**
 * The two pages a case's e-mail links to: the lookup without an account (part A of issue 13, `/tra-cuu`,
 * the reference filled in) and My cases (part B, `/tai-khoan/ho-so`). Kept here until both are in the
 * path table (vocabulary/paths.ts); then these become `paths.lookup…` and `paths.myCases`.
 */
export const caseLookupPath = (reference: string): string => `/tra-cuu?ma-ho-so=${encodeURIComponent(reference)}`;
export const myCasesPath = "/tai-khoan/ho-so";
