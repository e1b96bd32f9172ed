import type { ServerBuild } from "@remix-run/node";
import { isDatabaseUnavailable } from "../db";

/** What a 503 tells clients (and browsers' reload advice): try again after this many seconds. */
export const RETRY_AFTER_SECONDS = 30;

/** The response a loader or action throws when the database cannot be reached: Remix renders the 503 page. */
export function unavailableResponse(): Response {
  return new Response(JSON.stringify({ unavailable: true }), {
    status: 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}

/**
 * While the database has just failed a request (the last QUICK_WINDOW_MS), a page's loader gets
 * QUICK_DEADLINE_MS before the visitor is answered 503: postgres.js queues queries behind the connection
 * attempts, so without it a page waits its turn through the whole outage. Actions are never cut short
 * (an abandoned action could still commit after its visitor was told it failed).
 */
const QUICK_WINDOW_MS = 15_000;
export const QUICK_DEADLINE_MS = 2_000;
let lastUnavailableAt = -Infinity;

/** Resolves `work`, or rejects with a "database unavailable" error after `ms`. */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`no answer from the database within ${ms} ms`), { code: "CONNECT_TIMEOUT" })), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

type Handler = (args: never) => unknown;
type Args = { context?: { requestId?: string; services?: { log?: { warn: (o: object, m: string) => void } } } };

function guard<F extends Handler | undefined>(fn: F, kind: "loader" | "action"): F {
  if (!fn) return fn;
  return (async (args: never) => {
    try {
      const work = Promise.resolve(fn(args));
      if (kind === "loader" && performance.now() - lastUnavailableAt < QUICK_WINDOW_MS) {
        work.catch(() => {}); // answered already; its late failure is of no interest
        return await withDeadline(work, QUICK_DEADLINE_MS);
      }
      return await work;
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        lastUnavailableAt = performance.now();
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
    routes[id] = { ...route, module: { ...mod, loader: guard(mod.loader, "loader"), action: guard(mod.action, "action") } };
  }
  const wrapped: ServerBuild = { ...build, routes };
  guarded.set(build, wrapped);
  return wrapped;
}
