import type { LoaderFunctionArgs } from "@remix-run/node";
import { reconciliationCsvResponse } from "../server/receipts.server";

/** The run's items as CSV (docs/decisions/032), in the staff member's language. */
export const loader = (args: LoaderFunctionArgs) => reconciliationCsvResponse(args);
