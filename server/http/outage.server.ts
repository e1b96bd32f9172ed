import type { ServerBuild } from "@remix-run/node";
import { isDatabaseUnavailable } from "../db/client.server";

/** What a 503 tells clients (and browsers' reload advice): try again after this many seconds. */
export const RETRY_AFTER_SECONDS = 30;

/** The response a loader or action throws when the database cannot be reached: Remix renders the 503 page. */
export function unavailableResponse(): Response {
  return new Response(JSON.stringify({ unavailable: true }), {
    status: 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}

type Handler = (args: never) => unknown;
type Args = { context?: { requestId?: string; services?: { log?: { warn: (o: object, m: string) => void } } } };

function guard<F extends Handler | undefined>(fn: F): F {
  if (!fn) return fn;
  return (async (args: never) => {
    try {
      return await fn(args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        const { context } = args as Args;
        context?.services?.log?.warn({ err: error, requestId: context.requestId }, "database unavailable: answered 503");
        throw unavailableResponse();
      }
      throw error;
    }
  }) as unknown as F;
}

const guarded = new WeakMap<ServerBuild, ServerBuild>();

/**
 * Every loader and action of the Remix build, wrapped once: an error that means "the database is
 * unreachable" (refused, dropped, connect or statement timeout, shutting down) becomes a thrown 503
 * response, which the error boundaries render as the localised "temporarily unavailable" page with the
 * request reference. Any other error stays a 500. Route files need no code of their own for this.
 */
export function guardDatabaseOutages(build: ServerBuild): ServerBuild {
  const cached = guarded.get(build);
  if (cached) return cached;
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const mod = route.module as ServerBuild["routes"][string]["module"];
    routes[id] = { ...route, module: { ...mod, loader: guard(mod.loader), action: guard(mod.action) } };
  }
  const wrapped: ServerBuild = { ...build, routes };
  guarded.set(build, wrapped);
  return wrapped;
}
