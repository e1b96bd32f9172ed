import { data } from "@remix-run/node";
import type { RouteArgs } from "../http";
import { receiptPdfResponse, receiptQrDataUri } from "./documents.server";
import { checkReceipt, receiptDocument } from "./receipts.server";
import { JWKS_PATH } from "./signing.server";

// What the citizen's receipt routes do (the page, its PDF, the public verification page and the raw
// JWS), so that their route files only call and render (ADR 055). The code in the URL is the key.

const NOT_INDEXED = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

/** The receipt as a printable page (404 with `receipt: null` for a code that names none). */
export async function loadReceiptPage({ params, context }: RouteArgs) {
  const doc = await receiptDocument(context.services, { code: params.code ?? "" });
  if (!doc) return data({ receipt: null }, { status: 404, headers: NOT_INDEXED });
  return data(
    {
      receipt: {
        code: doc.row.code,
        content: doc.content,
        status: doc.row.status,
        cancelledAt: doc.row.cancelled_at?.toISOString() ?? null,
        kid: doc.row.kid,
        verifyUrl: doc.verifyUrl,
        qr: await receiptQrDataUri(context.services, doc.row),
        replacedByNumber: doc.replacedBy?.number ?? null,
        txnRef: doc.attempt.txn_ref,
      },
    },
    { headers: NOT_INDEXED },
  );
}

/**
 * The receipt as a PDF (A4, Noto Sans embedded, QR code to the verification page), in the visitor's
 * language, stored per version with a strong ETag (ADR 057). In the portal the Express mount in
 * http.server.ts answers this URL first with the same stored document; this keeps the route table whole.
 */
export async function loadReceiptPdf({ request, params, context }: RouteArgs) {
  return receiptPdfResponse(context.services, { code: params.code ?? "", locale: context.locale, ifNoneMatch: request.headers.get("if-none-match") });
}

/**
 * The public verification page behind the QR code: the signature checked with the published keys, the
 * receipt's current state, and what was signed.
 */
export async function loadReceiptCheck({ params, context }: RouteArgs) {
  const check = await checkReceipt(context.services, { code: params.code ?? "" });
  if (!check) return data({ check: null, jwksUrl: "" }, { status: 404, headers: NOT_INDEXED });
  const signed = check.signed?.receipt ?? null;
  return data(
    {
      check: {
        code: check.receipt.code,
        verdict: !check.signature.ok ? "invalid" : check.state === "valid" ? "valid" : check.replacedBy ? "replaced" : "cancelled",
        kid: check.signature.ok ? check.signature.kid : null,
        issuer: check.signed?.iss ?? null,
        cancelledAt: check.receipt.cancelled_at?.toISOString() ?? null,
        replacedBy: check.replacedBy,
        signed,
      },
      jwksUrl: `${context.services.config.BASE_URL}${JWKS_PATH}`,
    },
    { headers: NOT_INDEXED },
  );
}

/** The receipt's JWS as signed, for anyone's own verification against /.well-known/jwks.json. */
export async function receiptJwsResponse({ params, context }: RouteArgs) {
  const doc = await receiptDocument(context.services, { code: params.code ?? "" });
  if (!doc?.row.jws) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(doc.row.jws, {
    headers: { "Content-Type": "application/jose", "Content-Disposition": `attachment; filename="bien-lai-${doc.content.number}.jws"`, "Cache-Control": "no-store" },
  });
}
