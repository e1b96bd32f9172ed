import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadReceiptPdf } from "../server/receipts.server";

/** The receipt as a PDF (A4, Noto Sans embedded, QR code to the verification page). */
export const loader = (args: LoaderFunctionArgs) => loadReceiptPdf(args);
