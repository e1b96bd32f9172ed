/**
 * The second ceiling of `npm run bench`: the portal's own Express stack (startPortal → createApp: request
 * ids, access log, body caps, compression, security headers with the CSP nonce, static files, the
 * payment and receipt mounts, the Remix handler with its outage guard and load context) serving a Remix
 * build with one route that renders an empty document: no loader, no session, no translations. A
 * citizen page's throughput divided by this one's is what our pages cost over Remix itself.
 * Started by bench/run.ts as its own process, with the portal's environment and PORT.
 */
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext, type ServerBuild } from "@remix-run/node";
import { Links, Meta, Outlet, RemixServer, Scripts } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { startPortal } from "../server/portal.server";

function Root() {
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <Scripts />
      </body>
    </html>
  );
}

function Empty() {
  return <p>ok</p>;
}

// What Remix's default server entry does (the portal's does the same plus two context providers).
function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext, loadContext: { cspNonce?: string }) {
  return new Promise<Response>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(<RemixServer context={context} url={request.url} nonce={loadContext.cspNonce} />, {
      nonce: loadContext.cspNonce,
      onShellReady() {
        const body = new PassThrough();
        headers.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(createReadableStreamFromReadable(body), { headers, status }));
        pipe(body);
      },
      onShellError: reject,
    });
  });
}

const route = (id: string, module: object, extra: object) => ({ id, module, caseSensitive: undefined, ...extra });
const manifestRoute = (id: string, extra: object) => ({
  id, module: `/build/${id}.js`, imports: [], hasAction: false, hasLoader: false, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false, ...extra,
});

export const emptyBuild = {
  mode: "production",
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_routeConfig: false, v3_singleFetch: true, v3_lazyRouteDiscovery: true, unstable_optimizeDeps: false },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  entry: { module: { default: handleRequest } },
  routes: {
    root: route("root", { default: Root }, { parentId: undefined, path: "", index: undefined }),
    "routes/_index": route("routes/_index", { default: Empty }, { parentId: "root", path: undefined, index: true }),
  },
  assets: {
    version: "empty",
    url: "/build/manifest-empty.js",
    entry: { module: "/build/entry.client-empty.js", imports: [] },
    routes: { root: manifestRoute("root", { path: "" }), "routes/_index": manifestRoute("routes/_index", { parentId: "root", index: true }) },
  },
} as unknown as ServerBuild;

const portal = await startPortal({ build: emptyBuild });
process.once("SIGTERM", () => void portal.stop().then(() => process.exit(0)));
