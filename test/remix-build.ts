import type { ServerBuild } from "@remix-run/node";
import { data } from "@remix-run/node";

/**
 * A Remix build of three routes for tests of the HTTP layer (no React): `/form` echoes the fields its
 * action read, `/boom-db` fails like a query PostgreSQL refused, and the refusal page `/loi/:status`.
 * A document is `<html>` with the status, the action's data and the thrown error's status and data.
 */
export function testRemixBuild(opts: { onAction?: (form: FormData) => unknown } = {}): ServerBuild {
  const route = (id: string, path: string | undefined, parentId: string | undefined, module: Record<string, unknown>) => ({
    id,
    path,
    parentId,
    index: undefined,
    caseSensitive: undefined,
    module: { default: () => null, ...module },
  });
  const routes = {
    root: route("root", "", undefined, {}),
    "routes/form": route("routes/form", "form", "root", {
      action: async ({ request }: { request: Request }) => {
        const form = await request.formData();
        return opts.onAction?.(form) ?? { fields: [...form.keys()].length };
      },
    }),
    "routes/boom-db": route("routes/boom-db", "boom-db", "root", {
      action: async () => {
        throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { name: "PostgresError", code: "22021" });
      },
    }),
    "routes/loi.$status": route("routes/loi.$status", "loi/:status", "root", {
      loader: async ({ params }: { params: { status: string } }) => {
        throw data({ refusal: Number(params.status) }, { status: Number(params.status) });
      },
    }),
  };
  const assets = {
    entry: { module: "/build/entry.js", imports: [] },
    url: "/build/manifest.js",
    version: "test",
    routes: Object.fromEntries(
      Object.values(routes).map((r) => [r.id, { id: r.id, path: r.path, parentId: r.parentId, module: `/build/${r.id}.js`, hasAction: "action" in r.module, hasLoader: "loader" in r.module, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: true }]),
    ),
  };
  return {
    mode: "production",
    basename: "/",
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    isSpaMode: false,
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true },
    assets,
    routes,
    entry: {
      module: {
        default: (_request: Request, status: number, headers: Headers, ctx: { staticHandlerContext: { actionData: unknown; errors: Record<string, unknown> | null } }) => {
          const errors = Object.values(ctx.staticHandlerContext.errors ?? {}).map((e) => {
            const r = e as { status?: number; data?: unknown };
            return { status: r.status, data: r.data };
          });
          headers.set("Content-Type", "text/html; charset=utf-8");
          const body = JSON.stringify({ status, actionData: ctx.staticHandlerContext.actionData, errors });
          return new Response(`<html><body><pre>${body}</pre></body></html>`, { status, headers });
        },
        handleError: (error: unknown, { context }: { context: { failures?: unknown[] } }) => {
          context.failures?.push(error);
        },
      },
    },
  } as unknown as ServerBuild;
}
