import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadBulkCsv } from "../server/organisations.server";

/** A kept bulk lookup's answers as CSV (UTF-8 with BOM, Vietnamese headers, formulas neutralised; ADR 069). */
export const loader = (args: LoaderFunctionArgs) => downloadBulkCsv(args);
