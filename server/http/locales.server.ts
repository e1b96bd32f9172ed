import type express from "express";
import { bundleFor } from "../../vocabulary/i18n/bundles.server";

/**
 * `GET /locales/<hash>/<namespace>.<locale>.json`: one namespace of the dictionary, named by its content
 * hash, so it is cached for a year and never revalidated (docs/decisions/056). A hash of another version
 * (a page rendered before a deploy) is a 404: the browser then lets the server render the page instead.
 */
/** Mounted at `/locales`. */
export function localeFiles(): express.RequestHandler {
  return (req, res, next) => {
    const m = /^\/([A-Za-z0-9_-]{6,32})\/([a-z][A-Za-z0-9.-]*\.json)$/.exec(req.path);
    if (!m || (req.method !== "GET" && req.method !== "HEAD")) return next();
    const bundle = bundleFor(m[1]!, m[2]!);
    if (!bundle) {
      res.status(404).setHeader("Cache-Control", "no-store");
      return res.type("application/json").send('{"error":"not found"}');
    }
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setHeader("ETag", bundle.etag);
    if (req.get("if-none-match") === bundle.etag) return res.status(304).end();
    res.type("application/json; charset=utf-8").send(bundle.json);
  };
}
