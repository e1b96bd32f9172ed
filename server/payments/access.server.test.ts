import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { maskEmail, signNoticeToken, verifyNoticeToken } from "./access.server";

// The short-lived token a citizen carries instead of the payer's ID number after finding a notice:
// it opens that notice only, for 30 minutes, and only when signed with the portal's secret.
const SECRET = "a-session-secret-of-at-least-32-characters";
const NOTICE = "5b0c0f5e-2d1e-4a55-9a3e-1f2d3c4b5a69";
const NOW = Date.UTC(2026, 11, 1, 3, 0, 0);

describe("notice access tokens", () => {
  it("a token opens its notice for 30 minutes, then no more", () => {
    const token = signNoticeToken(SECRET, NOTICE, NOW);
    expect(token).toMatch(new RegExp(`^${NOTICE}\\.\\d+\\.[A-Za-z0-9_-]{43}$`));
    expect(token.split(".")[1]).toBe(String(NOW / 1000 + 30 * 60));
    expect(verifyNoticeToken(SECRET, token, NOW)).toBe(NOTICE);
    expect(verifyNoticeToken(SECRET, token, NOW + 30 * 60 * 1000)).toBe(NOTICE); // the last second still counts
    expect(verifyNoticeToken(SECRET, token, NOW + 30 * 60 * 1000 + 1)).toBeNull();
    expect(verifyNoticeToken(SECRET, token, NOW + 24 * 3600 * 1000)).toBeNull();
  });

  it("refuses a token signed with another secret, or for another notice, or with a later expiry", () => {
    const token = signNoticeToken(SECRET, NOTICE, NOW);
    expect(verifyNoticeToken(`${SECRET}x`, token, NOW)).toBeNull();
    expect(verifyNoticeToken(SECRET, signNoticeToken(`${SECRET}x`, NOTICE, NOW), NOW)).toBeNull();
    const [id, exp, mac] = token.split(".") as [string, string, string];
    const other = "6c1d1f6f-3e2f-4b66-8b4f-2a3e4d5c6b7a";
    expect(verifyNoticeToken(SECRET, `${other}.${exp}.${mac}`, NOW)).toBeNull();
    expect(verifyNoticeToken(SECRET, `${id}.${Number(exp) + 86_400}.${mac}`, NOW)).toBeNull();
  });

  it("the signature is an HMAC with the secret over a purpose-bound body (not a bare hash, not another purpose)", () => {
    const token = signNoticeToken(SECRET, NOTICE, NOW);
    const [id, exp, mac] = token.split(".") as [string, string, string];
    const hmac = (body: string) => crypto.createHmac("sha256", SECRET).update(body).digest("base64url");
    expect(mac).toBe(hmac(`notice-access:${id}.${exp}`));
    expect(mac).not.toBe(hmac(`${id}.${exp}`));
    expect(mac).not.toBe(crypto.createHash("sha256").update(`notice-access:${id}.${exp}`).digest("base64url"));
  });

  it("refuses a signature changed in any one character, first or last", () => {
    const token = signNoticeToken(SECRET, NOTICE, NOW);
    const [id, exp, mac] = token.split(".") as [string, string, string];
    for (const i of [0, 1, 21, 41, 42]) {
      const c = mac[i] === "A" ? "B" : "A";
      const forged = `${id}.${exp}.${mac.slice(0, i)}${c}${mac.slice(i + 1)}`;
      expect(verifyNoticeToken(SECRET, forged, NOW), `character ${i}`).toBeNull();
    }
  });

  it.each([
    ["nothing", null],
    ["undefined", undefined],
    ["empty", ""],
    ["no signature", `${NOTICE}.1900000000`],
    ["a short signature", `${NOTICE}.1900000000.abc`],
    ["a signature one character too long", `${NOTICE}.1900000000.${"A".repeat(44)}`],
    ["not a uuid", `not-a-uuid.1900000000.${"A".repeat(43)}`],
    ["an expiry that is not a number", `${NOTICE}.soon.${"A".repeat(43)}`],
    ["spaces around", ` ${NOTICE}.1900000000.${"A".repeat(43)} `],
  ])("refuses a malformed token: %s", (_name, token) => {
    expect(verifyNoticeToken(SECRET, token, NOW)).toBeNull();
  });

  it("a token with a valid shape around the real signature, plus trailing text, is refused", () => {
    const token = signNoticeToken(SECRET, NOTICE, NOW);
    expect(verifyNoticeToken(SECRET, `${token}x`, NOW)).toBeNull();
    expect(verifyNoticeToken(SECRET, `x${token}`, NOW)).toBeNull();
  });
});

describe("maskEmail", () => {
  it("keeps the first letter and the domain", () => {
    expect(maskEmail("payer@example.vn")).toBe("p••••@example.vn");
    expect(maskEmail("an@example.vn")).toBe("a••@example.vn");
    expect(maskEmail("a@example.vn")).toBe("a••@example.vn");
    expect(maskEmail("no-at-sign")).toBe("•••");
    expect(maskEmail("@example.vn")).toBe("•••");
  });
});
