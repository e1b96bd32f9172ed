import type { Sql } from "../db";
import type { Config } from "../config";
import type { Locale } from "../../vocabulary/i18n/config";
import { documentResponse, storedDocument, withBytes, type DocumentKey, type FoundDocument } from "../documents";
import { RECEIPT_CODE, receiptDocument, verifyUrl, type ReceiptRow } from "./receipts.server";
import { renderReceiptPdf } from "./pdf.server";
import { qrSvg } from "./qr.server";

/**
 * A receipt's PDF and QR code, rendered once per version and stored (ADR 057). What the PDF shows changes
 * once at most: a valid receipt is version 1; cancelled (with or without its replacement, which is
 * decided in the same transaction) it is version 2, stamped. The JWS is written before the first render
 * (the delivery job or the first reader signs it), so the signature note never changes within a version.
 */
export const receiptPdfVersion = (row: Pick<ReceiptRow, "status">) => (row.status === "valid" ? 1 : 2);

const pdfKey = (row: Pick<ReceiptRow, "id" | "status">, locale: Locale): DocumentKey => ({ kind: "receipt-pdf", ownerId: row.id, version: receiptPdfVersion(row), locale });

export const receiptPdfFilename = (content: { symbol: string; number: string }) => `bien-lai-${content.symbol.replace(/\W+/g, "-")}-${content.number}.pdf`;

type Deps = { sql: Sql; config: Config };
type Doc = NonNullable<Awaited<ReturnType<typeof receiptDocument>>>;

/** The stored PDF of the receipt's current version in this language, rendered now if it never was. */
export async function storedReceiptPdf(deps: Deps, doc: Doc, locale: Locale, { ifNoneMatch }: { ifNoneMatch?: string | null } = {}): Promise<FoundDocument> {
  return storedDocument(
    deps.sql,
    pdfKey(doc.row, locale),
    async () => ({
      contentType: "application/pdf",
      bytes: await renderReceiptPdf({
        content: doc.content,
        verifyUrl: doc.verifyUrl,
        kid: doc.row.kid,
        status: doc.row.status,
        cancelledAt: doc.row.status === "cancelled" ? doc.row.cancelled_at : null,
        replacedByNumber: doc.row.status === "cancelled" ? (doc.replacedBy?.number ?? null) : null,
        locale,
      }),
    }),
    { ifNoneMatch },
  );
}

const notFound = () => new Response("Không tìm thấy biên lai. / Receipt not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * `GET /bien-lai/<code>/pdf`: whoever holds the receipt's unguessable code may read it (as before). The
 * stored bytes of the current version, with their SHA-256 as a strong ETag and `private, no-cache`: the
 * URL stays the same when the receipt is cancelled, so each use revalidates (a 304 while it is current).
 */
export async function receiptPdfResponse(deps: Deps, { code, locale, ifNoneMatch }: { code: string; locale: Locale; ifNoneMatch?: string | null }): Promise<Response> {
  if (!RECEIPT_CODE.test(code)) return notFound();
  // One round trip for a stored version: the receipt's state and the hash of its stored PDF (bytes come
  // from memory or their row, and not at all for a 304).
  const [row] = await deps.sql<{ id: string; status: ReceiptRow["status"]; signed: boolean; symbol: string; number: string; sha256: string | null; content_type: string | null; created_at: Date | null }[]>`
    select r.id, r.status, r.jws is not null as signed, r.payload->>'symbol' as symbol, r.payload->>'number' as number,
      d.sha256, d.content_type, d.created_at
    from receipts r
    left join stored_documents d on d.kind = 'receipt-pdf' and d.owner_id = r.id and d.locale = ${locale}
      and d.version = case when r.status = 'valid' then 1 else 2 end
    where r.code = ${code}`;
  if (!row) return notFound();
  const opts = { filename: receiptPdfFilename(row), disposition: "inline" as const, vary: "Accept-Language, Cookie" };
  if (row.signed && row.sha256) {
    const found = await withBytes(deps.sql, pdfKey(row, locale), { sha256: row.sha256, contentType: row.content_type!, createdAt: row.created_at! }, { ifNoneMatch });
    if (found) return documentResponse(found, opts);
  }
  const doc = await receiptDocument(deps, { code });
  if (!doc) return notFound();
  return documentResponse(await storedReceiptPdf(deps, doc, locale, { ifNoneMatch }), opts);
}

/** The QR code (SVG) of the receipt's verification address: one version, no language. */
export async function storedReceiptQr(deps: Deps, row: Pick<ReceiptRow, "id" | "code">): Promise<FoundDocument & { bytes: Buffer }> {
  const doc = await storedDocument(deps.sql, { kind: "receipt-qr", ownerId: row.id, version: 1, locale: "-" }, async () => ({
    contentType: "image/svg+xml",
    bytes: Buffer.from(await qrSvg(verifyUrl(deps.config, row.code))),
  }));
  return doc as FoundDocument & { bytes: Buffer };
}

/** The stored QR code as a data URI, for the receipt page (no second request, no client JavaScript). */
export async function receiptQrDataUri(deps: Deps, row: Pick<ReceiptRow, "id" | "code">): Promise<string> {
  return `data:image/svg+xml;base64,${(await storedReceiptQr(deps, row)).bytes.toString("base64")}`;
}
