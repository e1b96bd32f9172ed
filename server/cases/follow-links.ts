import { paths } from "../../vocabulary/paths";

/**
 * The two pages a case's e-mail links to: the lookup without an account (part A of issue 13, `/tra-cuu`,
 * the reference filled in, never the code) and My cases (part B, `/tai-khoan/ho-so`).
 */
export const caseLookupPath = (reference: string): string => paths.lookup(reference);
export const myCasesPath = paths.myCases.list;
