import type { Express } from "express";
import type { Services } from "../services";
import { JWKS_PATH, publicJwks } from "./signing.server";

/** Express-level receipt endpoints, mounted before Remix: the public key set for receipt signatures. */
export function mountReceipts(app: Express, services: Services) {
  const body = JSON.stringify(publicJwks(services.config.RECEIPT_SIGNING_KEYS));
  app.get(JWKS_PATH, (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.type("application/jwk-set+json").send(body);
  });
}
