import crypto from "node:crypto";

/** The one-way digest under which a bearer token (a draft's cookie, a resume link, an access code) is stored. */
export function digestToken(token: string): Buffer {
  return crypto.createHash("sha256").update(token).digest();
}
