import type { LoaderFunctionArgs } from "@remix-run/node";
import { receiptPdfResponse } from "../server/receipts.server";

/**
 * The receipt as a PDF (A4, Noto Sans embedded, QR code to the verification page), stored per version
 * (ADR 057). In the portal the Express mount in server/receipts/http.server.ts answers this URL first with
 * the same function (faster without Remix's conversions); this route keeps it in the route table.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return receiptPdfResponse(context.services, { code: params.code ?? "", locale: context.locale, ifNoneMatch: request.headers.get("if-none-match") });
}
