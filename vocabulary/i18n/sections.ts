import { findService } from "../services";

/** The areas whose strings are large; the pages that need none of them get the core dictionary only. */
export const HEAVY_SECTIONS = ["filing", "payments", "receipts", "admin"] as const;

/**
 * Which dictionary a page gets: "core" for the home page and the coming-soon pages (the most visited,
 * on the slowest phones), "all" elsewhere. The root loader sends it with the page, so a smaller one
 * means less to serialise and compress per request and fewer bytes on the wire.
 */
export function dictionaryFor(pathname: string): "core" | "all" {
  if (pathname === "/" || pathname === "") return "core";
  const m = /^\/dich-vu\/([^/]+)\/?$/.exec(pathname);
  const service = m ? findService(m[1]) : undefined;
  return service && !service.available ? "core" : "all";
}
