import type { LoaderFunctionArgs } from "@remix-run/node";
import { serviceReceiptPdfResponse } from "../server/service.server";

/** The receipt of service as a printable PDF (ADR 080), with the QR code of its verification page. */
export const loader = (args: LoaderFunctionArgs) => serviceReceiptPdfResponse(args);
