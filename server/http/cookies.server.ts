import { textProblem } from "../validation";
/** Reads one cookie from a request (no dependency, no signing: our cookies hold random tokens). */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        const value = decodeURIComponent(part.slice(eq + 1).trim());
        // Our cookies hold tokens and codes: a control character means it is not one of ours.
        return textProblem(value) ? null : value;
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function serializeCookie(
  name: string,
  value: string,
  { maxAge, secure, httpOnly = true }: { maxAge: number; secure: boolean; httpOnly?: boolean },
): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    `Max-Age=${Math.max(0, Math.floor(maxAge))}`,
    "SameSite=Lax",
    httpOnly ? "HttpOnly" : "",
    secure ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}
