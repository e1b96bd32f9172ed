import type { Config } from "../config/env.server";

// Not [::1]: CSP source lists cannot name an IPv6 address (form-action would be ignored).
const LOOPBACK = ["localhost", "127.0.0.1"];

/**
 * The origins the portal answers on. In production only BASE_URL's. In development, when BASE_URL is on
 * localhost or 127.0.0.1, the same scheme and port on the other one too: a developer opens
 * http://127.0.0.1:3000 as often as http://localhost:3000, and to the browser they are different sites
 * (their own cookies: session and language). The CSRF check (allowedOrigins in security.server.ts) accepts
 * the same names and [::1] too; [::1] is left out here as CSP cannot list it.
 */
export function portalOrigins(config: Pick<Config, "BASE_URL" | "isProduction">): string[] {
  const base = new URL(config.BASE_URL);
  if (config.isProduction || !LOOPBACK.includes(base.hostname)) return [base.origin];
  const port = base.port ? `:${base.port}` : "";
  return [base.origin, ...LOOPBACK.filter((h) => h !== base.hostname).map((h) => `${base.protocol}//${h}${port}`)];
}

/**
 * Where a citizen should come back to from an outside site (the payment gateway): the origin they left
 * from when it is one of the portal's development origins, else BASE_URL's. Production: always BASE_URL.
 * `origin` comes from the request (its Host header), so it is only ever chosen from the fixed list
 * (which in production is BASE_URL alone).
 */
export function returnOrigin(config: Pick<Config, "BASE_URL" | "isProduction">, origin: string | null | undefined): string {
  const origins = portalOrigins(config);
  return origin && origins.includes(origin) ? origin : new URL(config.BASE_URL).origin;
}
