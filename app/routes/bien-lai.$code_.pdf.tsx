import type { LoaderFunctionArgs } from "@remix-run/node";
import { receiptDocument, renderReceiptPdf } from "../server/receipts.server";

/** The receipt as a PDF (A4, Noto Sans embedded, QR code to the verification page). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const doc = await receiptDocument(context.services, { code: params.code ?? "" });
  if (!doc) return new Response("Không tìm thấy biên lai. / Receipt not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const pdf = await renderReceiptPdf({
    content: doc.content,
    verifyUrl: doc.verifyUrl,
    kid: doc.row.kid,
    status: doc.row.status,
    cancelledAt: doc.row.cancelled_at,
    replacedByNumber: doc.replacedBy?.number ?? null,
    locale: context.locale,
  });
  const name = `bien-lai-${doc.content.symbol.replace(/\W+/g, "-")}-${doc.content.number}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
