/** The client's address as the portal records it (audit, rate limits, VNPay): "::ffff:1.2.3.4" → "1.2.3.4"; "::1" → "127.0.0.1". */
export function normaliseIp(ip: string | undefined): string | null {
  if (!ip) return null;
  if (ip === "::1") return "127.0.0.1";
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
