import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadMyFilingPdf } from "../server/tracking.server";

/** What the signed-in citizen filed for their own case, as a PDF (ADR 067), audited. */
export async function loader(args: LoaderFunctionArgs) {
  return downloadMyFilingPdf(args);
}
