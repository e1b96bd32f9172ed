import type { LoaderFunctionArgs } from "@remix-run/node";
import { submittedRequestPdf } from "../server/filing.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return submittedRequestPdf(request, context);
}
