import type { Config } from "../config";

const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

/**
 * BASE_URL's origin and, when BASE_URL is a loopback address, the same scheme and port on the other
 * loopback names: a developer opens http://127.0.0.1:3000 as often as http://localhost:3000, and to the
 * browser they are different sites (their own cookies: session and language). `ipv6: false` leaves out
 * [::1], which CSP source lists cannot name (form-action would be ignored).
 */
export function loopbackOrigins(baseUrl: string, { ipv6 = true } = {}): string[] {
  const base = new URL(baseUrl);
  if (!LOOPBACK.includes(base.hostname)) return [base.origin];
  const port = base.port ? `:${base.port}` : "";
  const others = LOOPBACK.filter((h) => h !== base.hostname && (ipv6 || !h.startsWith("[")));
  return [base.origin, ...others.map((h) => `${base.protocol}//${h}${port}`)];
}

/** The origins the portal answers on: in production only BASE_URL's, in development its loopback names too. */
export function portalOrigins(config: Pick<Config, "BASE_URL" | "isProduction">): string[] {
  return config.isProduction ? [new URL(config.BASE_URL).origin] : loopbackOrigins(config.BASE_URL, { ipv6: false });
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
