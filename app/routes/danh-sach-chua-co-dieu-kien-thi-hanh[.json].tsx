import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPublicDebtorList } from "../server/debtor-list.server";

/** The whole current debtor list as open data: a JSON array (field names in the page's note and ADR 072), streamed. */
export const loader = (args: LoaderFunctionArgs) => exportPublicDebtorList(args, "json");
