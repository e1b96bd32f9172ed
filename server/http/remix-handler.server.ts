import type express from "express";
import { createRequestHandler as createRemixHandler, data, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import {
  BodyRefused,
  carriesBody,
  formMediaType,
  limitedStream,
  readableForm,
  readLimited,
  uploadLimitFor,
  type RefusedStatus,
  type UploadRoute,
} from "./body.server";
import { refusalForError } from "./refusals.server";
import { PATH_PREFIXES } from "../../vocabulary/paths";

/** The page that explains a refused request (a route of the app; its loader throws the status). */
export const REFUSAL_PATH = PATH_PREFIXES.error;

export type RemixHandlerOptions = {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
  /** The cap of a page form's body (BODY_LIMIT_BYTES). */
  bodyLimit: number;
  /** The upload forms, whose bodies stream to their own parsers under their own caps. */
  uploads: readonly UploadRoute[];
};

/**
 * Remix behind Express, as `@remix-run/express` does it, with the body rules in front of every action:
 * a page form's body must be a form (urlencoded or multipart, else 415), fit in `bodyLimit` (else 413, cut
 * while it arrives) and be readable (else 400); it is then handed to Remix from memory. An upload form's
 * body streams through a counter (413 past its cap). The refusals are localised pages of the app itself.
 * As a last resort, an action or loader that failed on input PostgreSQL refused (a NUL, an id that is not
 * a uuid) answers 400/404 instead of 500.
 */
export function remixRequestHandler(options: RemixHandlerOptions): express.RequestHandler {
  const handle = createRemixHandler(options.build, options.mode);

  const refuse = async (req: express.Request, res: express.Response, status: RefusedStatus | 404, context: AppLoadContext, maxBytes?: number) => {
    // The rest of a refused body is not read: the connection closes after the answer.
    if (carriesBody(req.method) && !req.complete) res.setHeader("Connection", "close");
    if (isDataRequest(req) && status !== 404) {
      // A JavaScript submission (single fetch) expects the action's answer in Remix's own encoding: the
      // action runs with a body that fails as the refusal, which it throws like any thrown data(), and
      // the page shows the same error page (root ErrorBoundary) in place.
      const refusal = data({ maxBytes: maxBytes ?? options.bodyLimit }, { status });
      const failing = new ReadableStream<Uint8Array>({ start: (c) => c.error(refusal) });
      const request = createRequest(req, res, failing, "application/x-www-form-urlencoded");
      return sendRemixResponse(res, await handle(request, context));
    }
    const headers = createRemixHeaders(req.headers);
    for (const h of ["content-type", "content-length", "transfer-encoding"]) headers.delete(h);
    const url = new URL(`${REFUSAL_PATH}/${status}${maxBytes ? `?max=${maxBytes}` : ""}`, originOf(req));
    const response = await handle(new Request(url, { method: "GET", headers }), context);
    await sendRemixResponse(res, new Response(response.body, { status, headers: response.headers }));
  };

  return async (req, res, next) => {
    try {
      const context = options.getLoadContext(req, res);
      const failures: unknown[] = [];
      context.failures = failures;
      let refused = false;
      let body: BodyInit | undefined;
      let uploadLimit: number | null = null;
      if (carriesBody(req.method)) {
        const contentType = req.get("content-type");
        const media = formMediaType(contentType);
        // Only a multipart body of an upload form streams on; its other (urlencoded) posts are page forms.
        if (media === "multipart/form-data") uploadLimit = uploadLimitFor(options.uploads, req.path);
        if (!media) return await refuse(req, res, 415, context);
        if (uploadLimit !== null) {
          body = limitedStream(req, uploadLimit, () => (refused = true), data({ maxBytes: uploadLimit }, { status: 413 }));
        } else {
          try {
            const buffer = await readLimited(req, options.bodyLimit);
            if (media === "multipart/form-data" && !(await readableForm(buffer, contentType!))) return await refuse(req, res, 400, context);
            body = new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
          } catch (error) {
            if (error instanceof BodyRefused) return await refuse(req, res, error.status, context, options.bodyLimit);
            throw error;
          }
        }
      }
      const request = createRequest(req, res, body);
      const response = await handle(request, context);
      if (refused && !isDataRequest(req)) {
        await response.body?.cancel();
        return await refuse(req, res, 413, context, uploadLimit ?? undefined);
      }
      const fallback = response.status >= 500 ? failures.map(refusalForError).find((s) => s !== null) : undefined;
      if (fallback && !isDataRequest(req)) {
        await response.body?.cancel();
        return await refuse(req, res, fallback, context);
      }
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

const isDataRequest = (req: express.Request) => req.path.endsWith(".data");

function originOf(req: express.Request): string {
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = Number.parseInt(hostPort ?? "", 10);
  return `${req.protocol}://${req.hostname}${Number.isSafeInteger(port) ? `:${port}` : ""}`;
}

/** As `@remix-run/express`'s createRemixRequest, with the body given (read already, or a counting stream). */
function createRequest(req: express.Request, res: express.Response, body: BodyInit | undefined, contentType?: string): Request {
  const url = new URL(req.originalUrl, originOf(req));
  let controller: AbortController | null = new AbortController();
  const headers = createRemixHeaders(req.headers);
  if (contentType) {
    headers.set("Content-Type", contentType);
    headers.delete("Content-Length");
  }
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (carriesBody(req.method)) {
    init.body = body ?? null;
    if (body instanceof ReadableStream) init.duplex = "half";
  }
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}

function createRemixHeaders(requestHeaders: express.Request["headers"]): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  return headers;
}

async function sendRemixResponse(res: express.Response, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
