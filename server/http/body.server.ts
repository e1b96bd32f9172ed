import type { IncomingMessage } from "node:http";
import { data } from "@remix-run/node";

/**
 * Request bodies, at the one place they enter the portal (ahead of Remix's `request.formData()` and the
 * upload parsers). A page form's body is read here, counted while it arrives and cut at the limit, so the
 * process never holds more than the limit; an upload form's body streams on, counted against its own cap.
 */

/** Why a body was refused: 413 too large, 415 not a form, 400 a form that cannot be read. */
export type RefusedStatus = 400 | 413 | 415;

export class BodyRefused extends Error {
  constructor(readonly status: RefusedStatus) {
    super(`request body refused (${status})`);
    this.name = "BodyRefused";
  }
}

/**
 * A route that takes files: its path (no trailing slash, no `.data`) and the cap of its whole body. A
 * segment `:name` matches any one segment (a page with a parameter, e.g. `/tra-loi/:token`).
 */
export type UploadRoute = { path: string; limit: number };

/** The path a Remix request is for: single-fetch data requests (`/x.data`, `/_root.data`) count as `/x`. */
export function pagePath(pathname: string): string {
  const p = pathname.replace(/\.data$/, "").replace(/\/_root$/, "/").replace(/\/+$/, "");
  return p === "" ? "/" : p;
}

export function uploadLimitFor(uploads: readonly UploadRoute[], pathname: string): number | null {
  const p = pagePath(pathname);
  return uploads.find((u) => u.path === p || (u.path.includes("/:") && patternMatches(u.path, p)))?.limit ?? null;
}

function patternMatches(pattern: string, path: string): boolean {
  const want = pattern.split("/");
  const got = path.split("/");
  return want.length === got.length && want.every((w, i) => (w.startsWith(":") ? got[i] !== "" : w === got[i]));
}

/** A method whose request may carry a body that an action reads. */
export function carriesBody(method: string): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}

/** The declared length, when there is a valid Content-Length header. */
export function declaredLength(req: IncomingMessage): number | null {
  const h = req.headers["content-length"];
  return h !== undefined && /^\d+$/.test(h) ? Number(h) : null;
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** The media type of a page form body, or null when it is not one a form sends (JSON, text, none). */
export function formMediaType(contentType: string | undefined): string | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) return null;
  if (type === "multipart/form-data" && !/;\s*boundary=("?)[^";]{1,70}\1\s*(;|$)/i.test(contentType ?? "")) return null;
  return type;
}

/** Stops reading a request: its bytes stay in the socket (which is closed after the answer). */
function stopReading(req: IncomingMessage) {
  req.removeAllListeners("data");
  req.pause();
}

/**
 * Reads a whole body into memory, up to `limit` bytes. One byte more and it stops reading and rejects
 * with `BodyRefused(413)`: the bytes past the limit are never read.
 */
export function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = declaredLength(req);
    if (declared !== null && declared > limit) {
      stopReading(req);
      return reject(new BodyRefused(413));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        stopReading(req);
        chunks.length = 0;
        return reject(new BodyRefused(413));
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onAborted = () => onError(new Error("request aborted"));
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onError);
    req.once("aborted", onAborted);
  });
}

/**
 * The body of an upload as a stream that counts: past `limit` bytes it stops reading and the stream fails
 * with `refusal` (by default `BodyRefused(413)`; the handler gives a thrown-data 413 that Remix answers
 * as such), and `onRefused` is told, so the answer can say so whatever the parser made of it.
 */
export function limitedStream(req: IncomingMessage, limit: number, onRefused: () => void, refusal: unknown = new BodyRefused(413)): ReadableStream<Uint8Array> {
  let size = 0;
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (done) return;
        size += chunk.length;
        if (size > limit) {
          done = true;
          stopReading(req);
          onRefused();
          controller.error(refusal);
          return;
        }
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.once("end", () => {
        if (done) return;
        done = true;
        controller.close();
      });
      req.once("error", (err) => {
        if (done) return;
        done = true;
        controller.error(err);
      });
    },
    pull() {
      if (!done) req.resume();
    },
    cancel() {
      done = true;
      stopReading(req);
    },
  }, { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength });
}

/** Checks that a buffered multipart body can be read as a form (a malformed one is the sender's mistake). */
export async function readableForm(body: Buffer, contentType: string): Promise<boolean> {
  try {
    await new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), { headers: { "Content-Type": contentType } }).formData();
    return true;
  } catch {
    return false;
  }
}

/** What the multipart parser (or the Fetch API's `formData()`) throws for a body that is not a readable form. */
export function isMalformedForm(error: unknown): boolean {
  if (error instanceof BodyRefused) return false;
  return error instanceof TypeError || (error instanceof Error && /^malformed /.test(error.message));
}

/**
 * For the upload parsers: runs `parse` and turns a body that cannot be read as a form into a 400 page
 * (thrown like a route's own `data(null, { status: 400 })`). A body cut at its cap rethrows as it is: the
 * request handler answers 413 for it.
 */
export async function parseUpload<T>(parse: () => Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (error) {
    if (isMalformedForm(error)) throw data(null, { status: 400 });
    throw error;
  }
}
