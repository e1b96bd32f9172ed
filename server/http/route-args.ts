import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";

/**
 * What a route's loader or action is given, and what the one server function it calls takes (ADR 055):
 * `export const loader = (args: LoaderFunctionArgs) => loadStaffReceipts(args)`.
 */
export type RouteArgs = { request: Request; params: LoaderFunctionArgs["params"]; context: AppLoadContext };
