import crypto from "node:crypto";

/**
 * A citizen without an account proves once (notice number + payer's ID) that they may see a notice; the
 * pages after that carry a short-lived signed token instead of the ID number.
 */
const TOKEN_MINUTES = 30;

function mac(secret: string, body: string): string {
  return crypto.createHmac("sha256", secret).update(`notice-access:${body}`).digest("base64url");
}

export function signNoticeToken(secret: string, noticeId: string, now = Date.now()): string {
  const body = `${noticeId}.${Math.floor(now / 1000) + TOKEN_MINUTES * 60}`;
  return `${body}.${mac(secret, body)}`;
}

/** The notice id, or null when the token is forged, malformed or expired. */
export function verifyNoticeToken(secret: string, token: string | null | undefined, now = Date.now()): string | null {
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!m) return null;
  const expected = mac(secret, `${m[1]}.${m[2]}`);
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(m[3]!))) return null;
  if (Number(m[2]) * 1000 < now) return null;
  return m[1]!;
}

/** "payer@example.vn" → "p••••@example.vn". */
export function maskEmail(email: string): string {
  const [user, domain] = email.split("@");
  if (!user || !domain) return "•••";
  return `${user[0]}${"•".repeat(Math.max(2, user.length - 1))}@${domain}`;
}
