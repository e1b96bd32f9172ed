import type { LoaderFunctionArgs } from "@remix-run/node";
import { officeRequestPdf } from "../server/filing.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return officeRequestPdf(request, context, params.id);
}
