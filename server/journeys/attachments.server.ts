import crypto from "node:crypto";
import { isUuid } from "../../vocabulary/identity";
import {
  unstable_composeUploadHandlers,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import type { Sql, Pool } from "../db";
import { BodyRefused, parseUpload } from "../http";
import type { FileStore } from "./storage.server";
import type { AttachmentRules } from "./definition";

export const CONTENT_TYPES = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;
export type ContentType = (typeof CONTENT_TYPES)[keyof typeof CONTENT_TYPES];

/**
 * The type of a file from its content, never its name: PDF (`%PDF-`), JPEG (FF D8 FF), PNG (its 8-byte
 * signature), DOCX (a ZIP whose central directory, at the end of the file, lists word/document.xml).
 */
export function detectContentType(head: Buffer, tail: Buffer): ContentType | null {
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return CONTENT_TYPES.pdf;
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return CONTENT_TYPES.jpeg;
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return CONTENT_TYPES.png;
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const directory = tail.toString("latin1");
    if (directory.includes("word/document.xml") && directory.includes("[Content_Types].xml")) return CONTENT_TYPES.docx;
  }
  return null;
}

/** The text fields sent with the files (the document type): far less than this. */
const FIELDS_MAX_BYTES = 64 * 1024;

export type ScanResult = "clean" | "infected" | "not_scanned";

/**
 * The virus-scan hook: every upload passes through it before it is accepted. Deployments plug in a real
 * scanner (e.g. ClamAV's clamd) here. The default only recognises the EICAR test file, so that the
 * refusal path is exercised end to end, and records the file as "not_scanned".
 */
export type VirusScanner = (file: { head: Buffer; tail: Buffer; size: number; localPath: string | null }) => Promise<ScanResult>;

const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

export const eicarOnlyScanner: VirusScanner = async ({ head }) =>
  head.subarray(0, 256).toString("latin1").includes(EICAR) ? "infected" : "not_scanned";

export type Attachment = {
  id: string;
  documentType: string;
  originalName: string;
  contentType: ContentType;
  sizeBytes: number;
  scanStatus: "clean" | "not_scanned";
  createdAt: Date;
};

type AttachmentRow = {
  id: string;
  document_type: string;
  original_name: string;
  content_type: ContentType;
  size_bytes: number;
  scan_status: "clean" | "not_scanned";
  created_at: Date;
  storage_key: string;
};

const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  documentType: r.document_type,
  originalName: r.original_name,
  contentType: r.content_type,
  sizeBytes: r.size_bytes,
  scanStatus: r.scan_status,
  createdAt: r.created_at,
});

export async function listDraftAttachments(sql: Sql, { draftId }: { draftId: string }): Promise<Attachment[]> {
  const rows = await sql<AttachmentRow[]>`
    select * from filing_attachments where draft_id = ${draftId} order by created_at, id`;
  return rows.map(toAttachment);
}

/** A submitted request's files, with where each is stored (for staff downloads and the e-mailed PDF). */
export async function listRequestAttachments(sql: Sql, { requestId }: { requestId: string }): Promise<(Attachment & { storageKey: string })[]> {
  const rows = await sql<AttachmentRow[]>`
    select * from filing_attachments where request_id = ${requestId} order by created_at, id`;
  return rows.map((r) => ({ ...toAttachment(r), storageKey: r.storage_key }));
}

/** What went wrong with an upload; a journey's own rule (a required document missing) reports the code its rules name. */
export type UploadProblem = { code: "noFile" | "tooBig" | "wrongType" | "tooMany" | "infected" | "empty" | "badType" | (string & {}); name?: string };
/** `duplicates`: files already on the draft (same content), not stored twice: a second press of "Upload" with the same selection, or the same file chosen twice. */
export type UploadOutcome = { accepted: number; problems: UploadProblem[]; documentType: string | null; duplicates: string[] };

/** A file name as shown back to people: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().normalize("NFC");
  return (cleaned || "tep").slice(0, 255);
}

export type StreamedFile = { key: string; name: string; size: number; sha256: string; contentType: ContentType; scan: "clean" | "not_scanned" };

/**
 * The one streamed multipart reader of the portal's uploads (a journey's attachments step, a citizen's
 * answer): the files of field `file`, one at a time, into the store under `keyPrefix`, each checked for
 * size while it arrives, then for being empty, by the virus-scan hook and by its content signature; at most
 * `room` files are kept (the rest reported once as tooMany). Nothing is held in memory but the small text
 * fields (at most FIELDS_MAX_BYTES together, else 413). A refused body removes what it had stored.
 */
export async function streamUploads(
  request: Request,
  { store, scanner = eicarOnlyScanner }: { store: FileStore; scanner?: VirusScanner },
  { keyPrefix, room, maxFileBytes }: { keyPrefix: string; room: number; maxFileBytes: number },
): Promise<{ form: FormData; stored: StreamedFile[]; problems: UploadProblem[]; sawFile: boolean }> {
  const problems: UploadProblem[] = [];
  const stored: StreamedFile[] = [];
  let tooManyReported = false;
  let sawFile = false;

  const fileHandler: UploadHandler = async ({ name, filename, data }) => {
    if (name !== "file" || filename === undefined) return undefined;
    const drain = async () => {
      for await (const _ of data) {
        // discard
      }
    };
    if (filename === "") {
      await drain();
      return "";
    }
    sawFile = true;
    const displayName = cleanFileName(filename);
    if (stored.length >= room) {
      await drain();
      if (!tooManyReported) problems.push({ code: "tooMany" });
      tooManyReported = true;
      return "";
    }
    const key = `${keyPrefix}/${crypto.randomUUID()}`;
    const written = await store.write(key, data, { maxBytes: maxFileBytes });
    if (!written.ok) {
      problems.push({ code: "tooBig", name: displayName });
      return "";
    }
    if (written.bytes === 0) {
      await store.remove(key);
      problems.push({ code: "empty", name: displayName });
      return "";
    }
    const { head, tail, size } = await store.peek(key, { head: 4096, tail: 256 * 1024 });
    const scan = await scanner({ head, tail, size, localPath: store.localPath(key) });
    if (scan === "infected") {
      await store.remove(key);
      problems.push({ code: "infected", name: displayName });
      return "";
    }
    const contentType = detectContentType(head, tail);
    if (!contentType) {
      await store.remove(key);
      problems.push({ code: "wrongType", name: displayName });
      return "";
    }
    stored.push({ key, name: displayName, size: written.bytes, sha256: written.sha256, contentType, scan });
    return "";
  };

  // The text fields beside the files are small: together at most FIELDS_MAX_BYTES in memory, else 413.
  let fieldBytes = 0;
  const fieldHandler: UploadHandler = async ({ filename, data }) => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of data) {
      if (filename !== undefined) continue; // a file under another name: drained, not kept
      fieldBytes += chunk.byteLength;
      if (fieldBytes > FIELDS_MAX_BYTES) throw new BodyRefused(413);
      chunks.push(chunk);
    }
    return filename !== undefined ? "" : new TextDecoder().decode(Buffer.concat(chunks));
  };
  try {
    const form = await parseUpload(() => unstable_parseMultipartFormData(request, unstable_composeUploadHandlers(fileHandler, fieldHandler)));
    return { form, stored, problems, sawFile };
  } catch (e) {
    for (const f of stored) await store.remove(f.key).catch(() => {});
    throw e;
  }
}

/**
 * Streams the files of a multipart upload into the store (streamUploads), then records the accepted ones
 * on the draft in one transaction that also enforces the count limit of the journey's rules.
 */
export async function receiveUploads(
  request: Request,
  deps: { sql: Pool; store: FileStore; scanner?: VirusScanner },
  { draftId, rules }: { draftId: string; rules: AttachmentRules },
): Promise<UploadOutcome> {
  const { sql, store } = deps;
  const { maxFiles: MAX_FILES, maxFileBytes: MAX_FILE_BYTES, documentTypes } = rules;
  const existing = (await sql<{ n: number }[]>`
    select count(*)::int as n from filing_attachments where draft_id = ${draftId}`)[0]!.n;
  const { form, stored, problems, sawFile } = await streamUploads(request, deps, {
    keyPrefix: `drafts/${draftId}`,
    room: Math.max(0, MAX_FILES - existing),
    maxFileBytes: MAX_FILE_BYTES,
  });
  const tooManyReported = problems.some((p) => p.code === "tooMany");
  const typeValue = form.get("documentType");
  const documentType = typeof typeValue === "string" && documentTypes.includes(typeValue) ? typeValue : null;
  if (!sawFile && problems.length === 0) problems.push({ code: "noFile" });
  if (!documentType && stored.length) problems.push({ code: "badType" });
  if (!documentType || stored.length === 0) {
    for (const f of stored) await store.remove(f.key);
    return { accepted: 0, problems, documentType: typeof typeValue === "string" ? typeValue : null, duplicates: [] };
  }

  const accepted = await sql.begin(async (tx) => {
    await tx`select id from filing_drafts where id = ${draftId} for update`;
    // Idempotent by content: a file whose SHA-256 is already on this draft is not stored again. The
    // draft's row lock above serialises concurrent uploads to one draft, so two at once cannot both insert.
    const have = new Set((await tx<{ sha256: string }[]>`
      select sha256 from filing_attachments where draft_id = ${draftId}`).map((r) => r.sha256));
    const fresh: typeof stored = [];
    const repeated: typeof stored = [];
    for (const f of stored) {
      if (have.has(f.sha256)) repeated.push(f);
      else {
        have.add(f.sha256);
        fresh.push(f);
      }
    }
    const n = (await tx<{ n: number }[]>`
      select count(*)::int as n from filing_attachments where draft_id = ${draftId}`)[0]!.n;
    const room = Math.max(0, MAX_FILES - n);
    const keep = fresh.slice(0, room);
    if (keep.length) {
      await tx`insert into filing_attachments ${tx(
        keep.map((f) => ({
          draft_id: draftId,
          storage_key: f.key,
          document_type: documentType,
          original_name: f.name,
          content_type: f.contentType,
          size_bytes: f.size,
          sha256: f.sha256,
          scan_status: f.scan,
        })),
      )}`;
    }
    return { keep, drop: fresh.slice(room), repeated };
  });
  for (const f of [...accepted.drop, ...accepted.repeated]) await store.remove(f.key);
  if (accepted.drop.length && !tooManyReported) problems.push({ code: "tooMany" });
  return { accepted: accepted.keep.length, problems, documentType, duplicates: accepted.repeated.map((f) => f.name) };
}

export async function removeDraftAttachment(sql: Sql, store: FileStore, { draftId, attachmentId }: { draftId: string; attachmentId: string }) {
  if (!isUuid(attachmentId)) return false;
  const [row] = await sql<{ storage_key: string }[]>`
    delete from filing_attachments where id = ${attachmentId} and draft_id = ${draftId} and request_id is null
    returning storage_key`;
  if (row) await store.remove(row.storage_key);
  return Boolean(row);
}

/** The rule an attachments step may have: a document of this type is attached (e.g. a copy of the judgment). */
export async function hasDocument(sql: Sql, { draftId, documentType }: { draftId: string; documentType: string }): Promise<boolean> {
  const [row] = await sql`select 1 from filing_attachments where draft_id = ${draftId} and document_type = ${documentType} limit 1`;
  return Boolean(row);
}
