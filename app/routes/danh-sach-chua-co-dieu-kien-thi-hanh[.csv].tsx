import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPublicDebtorList } from "../server/debtor-list.server";

/** The whole current debtor list as open data: CSV (BOM, Vietnamese headers, formulas neutralised), streamed. */
export const loader = (args: LoaderFunctionArgs) => exportPublicDebtorList(args, "csv");
