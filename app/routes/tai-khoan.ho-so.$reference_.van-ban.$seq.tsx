import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadMyCaseDocument } from "../server/tracking.server";

/** A decision document of a public event of the signed-in citizen's own case (PDF), audited (ADR 067). */
export async function loader(args: LoaderFunctionArgs) {
  return downloadMyCaseDocument(args);
}
