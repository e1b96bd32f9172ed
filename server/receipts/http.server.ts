import type { Express } from "express";
import type { Services } from "../services";

import { detectLocale } from "../../vocabulary/i18n/config";
import { JWKS_PATH, publicJwks } from "./signing.server";
import { receiptPdfResponse } from "./documents.server";
import { PATH_PREFIXES } from "../../vocabulary/paths";

/**
 * Express-level receipt endpoints, mounted before Remix (after the page middleware: security headers,
 * no-store for personal paths): the public key set for receipt signatures, and the stored receipt PDF.
 */
export function mountReceipts(app: Express, services: Services) {
  const body = JSON.stringify(publicJwks(services.config.RECEIPT_SIGNING_KEYS));
  app.get(JWKS_PATH, (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.type("application/jwk-set+json").send(body);
  });
  // The same function as the Remix route app/routes/bien-lai.$code_.pdf.tsx, answered here first: a
  // stored document needs none of Remix's request and response conversion, which was most of its cost
  // (ADR 057: ~2.7× the rate through Remix on this machine).
  app.get(`${PATH_PREFIXES.receipt}/:code/pdf`, async (req, res, next) => {
    try {
      const response = await receiptPdfResponse(services, {
        code: req.params.code ?? "",
        locale: detectLocale(req.get("cookie"), req.get("accept-language")),
        ifNoneMatch: req.get("if-none-match") ?? null,
      });
      res.status(response.status);
      for (const [k, v] of response.headers.entries()) res.setHeader(k, v);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (err) {
      next(err);
    }
  });
}
