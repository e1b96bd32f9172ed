import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadOfficeAttachment } from "../server/filing.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return downloadOfficeAttachment(request, context, params.id, params.fileId);
}
