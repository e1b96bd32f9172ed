import { describe, expect, it } from "vitest";
import { signNoticeToken, verifyNoticeToken } from "../payments";
import { openFlow, sealFlow } from "../accounts";

const SECRET = "s".repeat(40);

/**
 * Values equal to the right one in all their first characters: one of the last two characters changed (to
 * a letter far enough away that the decoded bytes differ too), or the last one dropped or doubled.
 */
function nearMisses(value: string): string[] {
  const swap = (c: string) => (c === "Q" ? "w" : "Q");
  const n = value.length;
  return [
    value.slice(0, n - 1) + swap(value[n - 1]!),
    value.slice(0, n - 2) + swap(value[n - 2]!) + value[n - 1],
    value.slice(0, n - 1),
    value + value[n - 1],
  ];
}

describe("signed tokens are checked on their whole value", () => {
  it("a fee-notice access token", () => {
    const id = "0b6f2c1e-7d43-4c59-9a3e-2f1d8b7c6a5e";
    const token = signNoticeToken(SECRET, id);
    expect(verifyNoticeToken(SECRET, token)).toBe(id);
    for (const near of nearMisses(token)) expect(verifyNoticeToken(SECRET, near)).toBeNull();
    expect(verifyNoticeToken("t".repeat(40), token)).toBeNull();
  });

  it("the OpenID Connect flow cookie", () => {
    const flow = { state: "st", nonce: "no", verifier: "ve", redirectTo: "/tai-khoan", exp: Math.floor(Date.now() / 1000) + 600 };
    const sealed = sealFlow(SECRET, flow as never);
    expect(openFlow(SECRET, sealed)).toMatchObject({ state: "st" });
    for (const near of nearMisses(sealed)) expect(openFlow(SECRET, near)).toBeNull();
  });
});
