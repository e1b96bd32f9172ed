import crypto from "node:crypto";
import type { Sql } from "../db";
import { STORED_DOCUMENT_HEADER } from "../http";

/**
 * Documents that do not change once issued (ADR 057): a receipt's PDF and QR code, a filed request's PDF.
 * Each version is rendered once, kept in `stored_documents` with the SHA-256 of its bytes, and served
 * byte-identical with that hash as a strong ETag, so a browser's revalidation is a 304 without a body.
 * Who may read a document is the serving route's business (the same rule as before it was stored).
 */
export type DocumentKind = "receipt-pdf" | "receipt-qr" | "filing-request-pdf" | "case-document";

export type DocumentKey = {
  kind: DocumentKind;
  ownerId: string;
  /** Changes whenever what the document shows changes (a receipt's cancellation is version 2). */
  version: number;
  /** The language the document is written in, or "-" for a document that has none (a QR code). */
  locale: "vi" | "en" | "-";
};

export type StoredDocument = { sha256: string; contentType: string; bytes: Buffer; createdAt: Date };
/** A stored document found for a conditional request: `bytes` is null when the caller's copy is current. */
export type FoundDocument = { sha256: string; contentType: string; bytes: Buffer | null; createdAt: Date };

export const sha256Hex = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");
/** The strong entity tag of a stored document: its SHA-256, quoted. */
export const documentEtag = (sha256: string) => `"${sha256}"`;

/**
 * The SHA-256 values an If-None-Match header names (RFC 9110 §13.1.2 compares weakly, so W/ is accepted),
 * or "*" for any. Anything that is not one of our 64-hex tags is ignored.
 */
export function etagsOf(ifNoneMatch: string | null | undefined): string[] | "*" {
  if (!ifNoneMatch) return [];
  if (ifNoneMatch.trim() === "*") return "*";
  const out: string[] = [];
  for (const m of ifNoneMatch.matchAll(/(?:W\/)?"([0-9a-f]{64})"/g)) out.push(m[1]!);
  return out.slice(0, 16);
}

/** Is the caller's cached copy (its If-None-Match) the document with this hash? */
export function isCurrent(ifNoneMatch: string | null | undefined, sha256: string) {
  const tags = etagsOf(ifNoneMatch);
  return tags === "*" || tags.includes(sha256);
}

/**
 * Bytes by their SHA-256, kept in memory (bounded, the oldest out first): a hash names one content for
 * ever, so this cache cannot serve a stale document; only which hash is current is asked of the database.
 */
const BYTES_MAX = 64 * 1024 * 1024;
const bytesBySha = new Map<string, Buffer>();
let bytesHeld = 0;
function remember(sha256: string, bytes: Buffer) {
  if (bytesBySha.has(sha256) || bytes.length > BYTES_MAX / 16) return;
  while (bytesHeld + bytes.length > BYTES_MAX && bytesBySha.size) {
    const [oldest, b] = bytesBySha.entries().next().value!;
    bytesBySha.delete(oldest);
    bytesHeld -= b.length;
  }
  bytesBySha.set(sha256, bytes);
  bytesHeld += bytes.length;
}

/** A stored document's bytes, from memory or from its row (the hash checked: the row is the truth). */
export async function documentBytes(sql: Sql, key: DocumentKey, sha256: string): Promise<Buffer | null> {
  const known = bytesBySha.get(sha256);
  if (known) return known;
  const [row] = await sql<{ bytes: Buffer }[]>`
    select bytes from stored_documents
    where kind = ${key.kind} and owner_id = ${key.ownerId} and version = ${key.version} and locale = ${key.locale} and sha256 = ${sha256}`;
  if (!row) return null;
  remember(sha256, row.bytes);
  return row.bytes;
}

/**
 * The stored document, or null if this version was never rendered. Given the caller's If-None-Match, the
 * bytes are not read when the caller already holds them.
 */
export async function findDocument(sql: Sql, key: DocumentKey, { ifNoneMatch }: { ifNoneMatch?: string | null } = {}): Promise<FoundDocument | null> {
  const [row] = await sql<{ sha256: string; content_type: string; created_at: Date }[]>`
    select sha256, content_type, created_at from stored_documents
    where kind = ${key.kind} and owner_id = ${key.ownerId} and version = ${key.version} and locale = ${key.locale}`;
  if (!row) return null;
  return withBytes(sql, key, { sha256: row.sha256, contentType: row.content_type, createdAt: row.created_at }, { ifNoneMatch });
}

/** A document whose current hash the caller found (in its own query): its bytes unless the caller holds them. */
export async function withBytes(
  sql: Sql,
  key: DocumentKey,
  meta: { sha256: string; contentType: string; createdAt: Date },
  { ifNoneMatch }: { ifNoneMatch?: string | null } = {},
): Promise<FoundDocument | null> {
  if (isCurrent(ifNoneMatch, meta.sha256)) return { ...meta, bytes: null };
  const bytes = await documentBytes(sql, key, meta.sha256);
  return bytes ? { ...meta, bytes } : null;
}

/**
 * Stores a rendered version unless one is stored already, and returns the stored one: when two renders
 * race (the delivery job and a first reader), the first to commit wins and both callers get its bytes.
 */
export async function storeDocument(sql: Sql, key: DocumentKey, doc: { contentType: string; bytes: Buffer }): Promise<StoredDocument> {
  const sha256 = sha256Hex(doc.bytes);
  const [inserted] = await sql<{ created_at: Date }[]>`
    insert into stored_documents (kind, owner_id, version, locale, content_type, sha256, bytes)
    values (${key.kind}, ${key.ownerId}, ${key.version}, ${key.locale}, ${doc.contentType}, ${sha256}, ${doc.bytes})
    on conflict (kind, owner_id, version, locale) do nothing
    returning created_at`;
  if (inserted) {
    remember(sha256, doc.bytes);
    return { sha256, contentType: doc.contentType, bytes: doc.bytes, createdAt: inserted.created_at };
  }
  const found = await findDocument(sql, key);
  return found as StoredDocument;
}

/** The stored version, rendering and storing it first if it has never been rendered. */
export async function storedDocument(
  sql: Sql,
  key: DocumentKey,
  render: () => Promise<{ contentType: string; bytes: Buffer }>,
  { ifNoneMatch }: { ifNoneMatch?: string | null } = {},
): Promise<FoundDocument> {
  const found = await findDocument(sql, key, { ifNoneMatch });
  if (found) return found;
  const stored = await storeDocument(sql, key, await render());
  return isCurrent(ifNoneMatch, stored.sha256) ? { ...stored, bytes: null } : stored;
}

export type ServeOptions = {
  /** inline (shown in the browser) or attachment (saved). */
  disposition?: "inline" | "attachment";
  filename?: string;
  /**
   * "revalidate" (default): `private, no-cache` on a URL whose document may change version (each use is
   * a cheap 304). "immutable": `private, max-age=1 year, immutable`, only on a URL that names the hash.
   */
  caching?: "revalidate" | "immutable";
  /** The answer differs by these request headers (the language of a receipt, for a shared URL). */
  vary?: string;
};

const cacheControlFor = (caching: ServeOptions["caching"]) =>
  caching === "immutable" ? "private, max-age=31536000, immutable" : "private, no-cache";

/** The headers of a stored document's answer (200 or 304 alike, as RFC 9110 §15.4.5 asks). */
export function documentHeaders(doc: Pick<FoundDocument, "sha256" | "contentType">, opts: ServeOptions = {}): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": doc.contentType,
    ETag: documentEtag(doc.sha256),
    // no-transform: the bytes sent are the bytes hashed (compression would make another representation).
    "Cache-Control": `${cacheControlFor(opts.caching)}, no-transform`,
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex",
    [STORED_DOCUMENT_HEADER]: "1",
  };
  if (opts.filename) headers["Content-Disposition"] = `${opts.disposition ?? "inline"}; filename="${opts.filename.replace(/[^\w.-]+/g, "-")}"`;
  if (opts.vary) headers.Vary = opts.vary;
  return headers;
}

/** A stored document as a Fetch Response: 304 without a body when the caller's copy is current. */
export function documentResponse(doc: FoundDocument, opts: ServeOptions = {}): Response {
  const headers = documentHeaders(doc, opts);
  if (!doc.bytes) return new Response(null, { status: 304, headers });
  headers["Content-Length"] = String(doc.bytes.length);
  return new Response(new Uint8Array(doc.bytes), { status: 200, headers });
}
