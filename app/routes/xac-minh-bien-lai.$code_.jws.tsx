import type { LoaderFunctionArgs } from "@remix-run/node";
import { receiptDocument } from "../server/receipts.server";

/** The receipt's JWS as signed, for anyone's own verification against /.well-known/jwks.json. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const doc = await receiptDocument(context.services, { code: params.code ?? "" });
  if (!doc?.row.jws) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(doc.row.jws, {
    headers: { "Content-Type": "application/jose", "Content-Disposition": `attachment; filename="bien-lai-${doc.content.number}.jws"`, "Cache-Control": "no-store" },
  });
}
