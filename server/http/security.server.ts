import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export type SecurityOptions = { isProduction: boolean; extraFormActions?: string[] };

/**
 * Security headers with a fresh CSP nonce per request (kept in res.locals.cspNonce and handed to React
 * through the load context). Scripts run only with the nonce; 'strict-dynamic' lets them import chunks.
 */
export function securityHeaders({ isProduction, extraFormActions = [] }: SecurityOptions) {
  const formAction = ["'self'", ...extraFormActions].join(" ");
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'nonce-${nonce}' 'strict-dynamic' 'self'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        `form-action ${formAction}`,
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
        isProduction ? "upgrade-insecure-requests" : "",
      ]
        .filter(Boolean)
        .join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (isProduction) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated forms: a state-changing request that a browser marks as coming
 * from another site (Origin or Sec-Fetch-Site) is refused. Together with SameSite=Lax cookies this
 * covers every form without hidden tokens, and keeps forms working without JavaScript.
 */
export function sameOriginForms(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || req.path.startsWith("/api/")) return next();
    const site = req.get("sec-fetch-site");
    const origin = req.get("origin");
    const selfOrigin = `${req.protocol}://${req.get("host")}`;
    const crossSite = site === "cross-site" || (origin !== undefined && origin !== "null" && origin !== selfOrigin && !allowed.has(origin));
    if (crossSite) {
      res.status(403).type("text/plain; charset=utf-8").send("Yêu cầu bị từ chối (khác nguồn gốc). / Request refused (cross-site).");
      return;
    }
    next();
  };
}
