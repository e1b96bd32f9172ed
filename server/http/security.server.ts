import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { loopbackOrigins } from "./origins.server";
import { PATH_PREFIXES, paths } from "../../vocabulary/paths";

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
 * The origins a state-changing request may come from: BASE_URL's, and only that (the Host header plays no
 * part: it is whatever the client sent), with its other loopback names when BASE_URL is one (development).
 */
export function allowedOrigins(baseUrl: string): Set<string> {
  return new Set(loopbackOrigins(baseUrl));
}

/** Why a state-changing request is refused, or null when it comes from the portal's own pages. */
export function crossOriginReason(
  headers: { origin: string | undefined; secFetchSite: string | undefined },
  allowed: Set<string>,
): "foreign-origin" | "null-origin" | "cross-site" | "no-origin" | null {
  const { origin, secFetchSite } = headers;
  if (origin !== undefined) {
    if (origin === "null") return "null-origin";
    return allowed.has(origin) ? null : "foreign-origin";
  }
  // No Origin (browsers send one on every POST; an old one may not): only a same-origin fetch passes.
  if (secFetchSite === undefined) return "no-origin";
  return secFetchSite === "same-origin" ? null : "cross-site";
}

/**
 * CSRF defence for cookie-authenticated forms: every state-changing request must show it comes from a page
 * of the portal, by an Origin equal to BASE_URL's origin or, without Origin, `Sec-Fetch-Site: same-origin`.
 * `Origin: null` (sandboxed frames, privacy redirects), another origin, or neither header is refused.
 * Together with SameSite=Lax cookies this covers every form without hidden tokens, and keeps forms working
 * without JavaScript (browsers send Origin on every form POST). Server-to-server endpoints with their own
 * authentication (the court API under /api/, the development VNPay sandbox that stands in for another
 * site) are listed in `exemptPrefixes`; the VNPay IPN is a GET mounted before this.
 */
export function sameOriginForms({ baseUrl, exemptPrefixes = [] }: { baseUrl: string; exemptPrefixes?: string[] }) {
  const allowed = allowedOrigins(baseUrl);
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || exemptPrefixes.some((p) => req.path.startsWith(p))) return next();
    const reason = crossOriginReason({ origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site") }, allowed);
    if (reason) {
      res.locals.crossOriginReason = reason;
      res
        .status(403)
        .setHeader("Cache-Control", "no-store")
        .type("text/plain; charset=utf-8")
        .send(
          "Yêu cầu bị từ chối vì không được gửi từ một trang của cổng dịch vụ. Hãy mở lại trang trên cổng và gửi lại biểu mẫu.\n" +
            "Request refused: it was not sent from a page of this portal. Open the page on the portal again and resubmit the form.\n",
        );
      return;
    }
    next();
  };
}

/**
 * Pages under these paths hold personal data or act for someone (staff area, citizen account and sign-in,
 * the filing journey, fee notices and payment results, receipts in HTML and PDF and their verification).
 * Only the published receipt key set (/.well-known/jwks.json) is deliberately public and cacheable.
 */
export const PERSONAL_PATH_PREFIXES = [
  paths.staff.home,
  paths.account,
  paths.signIn,
  paths.filing.start,
  paths.fees.lookup,
  PATH_PREFIXES.receipt,
  PATH_PREFIXES.verifyReceipt,
  PATH_PREFIXES.verifyCertificate,
  PATH_PREFIXES.verifyService,
  PATH_PREFIXES.answer,
  PATH_PREFIXES.caseMailOptOut,
  paths.lookup(),
] as const;

const underPrefix = (path: string, prefix: string) =>
  path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}?`);

/** Does this request's answer hold personal data: a personal path, or any page for someone signed in (the layout names them). */
export function isPersonal(path: string, cookieHeader: string | undefined, cookieNames: readonly string[]): boolean {
  if (PERSONAL_PATH_PREFIXES.some((p) => underPrefix(path, p))) return true;
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((part) => {
    const eq = part.indexOf("=");
    return eq > 0 && cookieNames.includes(part.slice(0, eq).trim()) && part.slice(eq + 1).trim() !== "";
  });
}

/**
 * Marks the answer of a stored, versioned document (server/documents, ADR 057): its `private` caching and
 * strong ETag were chosen on purpose, so noStoreForPersonal keeps them (and drops this header). Only the
 * documents domain sets it; a route's own "public, max-age" is still turned into no-store.
 */
export const STORED_DOCUMENT_HEADER = "X-Thads-Stored-Document";

/**
 * `Cache-Control: no-store` on every personal answer (see isPersonal), whatever the route set, documents,
 * Remix data requests, PDFs, CSV and error pages alike: set when the headers are written, so a route that
 * forgot (or a loader header Remix does not copy to the document) cannot leave one cacheable. The one
 * exception is a stored document (STORED_DOCUMENT_HEADER) whose caching is `private`.
 */
export function noStoreForPersonal({ cookieNames }: { cookieNames: readonly string[] }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isPersonal(req.path, req.get("cookie"), cookieNames)) return next();
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      const headers = args.find((a, i) => i > 0 && a && typeof a === "object" && !Array.isArray(a)) as Record<string, unknown> | undefined;
      if (!this.headersSent) {
        const stored = this.hasHeader(STORED_DOCUMENT_HEADER);
        this.removeHeader(STORED_DOCUMENT_HEADER);
        if (stored && /^private\b/.test(String(this.getHeader("Cache-Control") ?? "")) && !headers) {
          return (writeHead as (...a: unknown[]) => Response).apply(this, args);
        }
        this.setHeader("Cache-Control", "no-store");
        this.removeHeader("Expires");
        this.removeHeader("ETag");
        this.removeHeader("Last-Modified");
      }
      if (headers) for (const k of Object.keys(headers)) if (k.toLowerCase() === "cache-control") headers[k] = "no-store";
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}
