import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadStatisticsCsv } from "../server/statistics.server";

// The statistics table as CSV (same period and scope as the page; docs/decisions/081).
export const loader = (args: LoaderFunctionArgs) => downloadStatisticsCsv(args);
