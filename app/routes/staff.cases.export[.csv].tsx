import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportCases } from "../server/inbox.server";

// The inbox's export as CSV (same filters and scope as the list; docs/decisions/061-the-inbox.md).
export const loader = (args: LoaderFunctionArgs) => exportCases(args, "csv");
