import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./utils/nonce";
import { RequestReferenceProvider } from "./utils/request-reference";
import { RETRY_AFTER_SECONDS } from "../server/http";
import { pageI18n } from "./server/i18n.server";
import { setI18nSource } from "./i18n/page";

// The server renders each page with the full dictionaries cut down to the page's namespaces (ADR 056).
setI18nSource({ get: (locale, namespaces) => pageI18n(locale, namespaces) });

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestReferenceProvider value={loadContext.requestId}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </RequestReferenceProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          // The "temporarily unavailable" page (database outage, server/http/outage.server.ts).
          if (responseStatusCode === 503) responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) loadContext.services.log.error({ err: error, requestId: loadContext.requestId }, "render error");
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  // A 4xx thrown on purpose (a resource route's 404 for an unknown id) is an answer, not a fault.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  context.failures?.push(error);
  // Logged with the request id; in production Remix sends the browser no message and no stack.
  context.services.log.error({ err: error, requestId: context.requestId }, "unhandled error in loader or action");
};
