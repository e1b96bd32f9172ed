import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import type { Config, ReceiptJwk } from "../config";
import { publicJwks, RECEIPT_JWT_TYPE, signReceipt, verifyReceiptJws } from "./signing.server";

// The portal's own check of a receipt signature (the public verification page relies on it). A verifier
// that only decodes the JWS, or that takes any key, must fail here.
async function newKey(kid: string, alg: "ES256" | "EdDSA" = "ES256"): Promise<ReceiptJwk> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === "EdDSA" ? { crv: "Ed25519" } : {}) });
  return { ...(await exportJWK(privateKey)), kid } as ReceiptJwk;
}
const configWith = (keys: ReceiptJwk[]) => ({ RECEIPT_SIGNING_KEYS: keys }) as unknown as Config;
const claims = { iss: "https://portal.example", jti: "5b0c0f5e-2d1e-4a55-9a3e-1f2d3c4b5a69", iat: 1_767_000_000, receipt: { number: "0000042", amount: 1_250_000 } };

let ours: ReceiptJwk;
let theirs: ReceiptJwk;
let jws: string;
beforeAll(async () => {
  ours = await newKey("2026-01");
  theirs = await newKey("2026-01"); // another key pair under the same key id
  jws = (await signReceipt(configWith([ours]), claims)).jws;
});

const b64 = (s: string) => Buffer.from(s, "base64url");
const parts = (t: string) => t.split(".") as [string, string, string];

describe("verifyReceiptJws: the signature must hold against the published keys", () => {
  it("accepts a receipt signed with our key, with its key id and claims", async () => {
    expect(await verifyReceiptJws(publicJwks([ours]), jws)).toEqual({ ok: true, kid: "2026-01", claims });
  });

  it("accepts an EdDSA key and an older key kept after rotation", async () => {
    const old = await newKey("2025-01", "EdDSA");
    const signedWithOld = (await signReceipt(configWith([old]), claims)).jws;
    expect(await verifyReceiptJws(publicJwks([ours, old]), signedWithOld)).toMatchObject({ ok: true, kid: "2025-01" });
  });

  it("refuses a wrong signature: one character of the signature changed", async () => {
    const [h, p, s] = parts(jws);
    const sig = b64(s);
    sig[10] = sig[10]! ^ 0x01;
    const r = await verifyReceiptJws(publicJwks([ours]), `${h}.${p}.${sig.toString("base64url")}`);
    expect(r.ok).toBe(false);
  });

  it("refuses a receipt signed by another key, even under our key id", async () => {
    const forged = (await signReceipt(configWith([theirs]), claims)).jws;
    expect(await verifyReceiptJws(publicJwks([ours]), forged)).toEqual({ ok: false, reason: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    const unknownKid = (await signReceipt(configWith([{ ...theirs, kid: "someone-else" }]), claims)).jws;
    expect((await verifyReceiptJws(publicJwks([ours]), unknownKid)).ok).toBe(false);
  });

  it("refuses a payload altered by one byte (the signature left as it was)", async () => {
    const [h, p, s] = parts(jws);
    const json = b64(p).toString("utf8");
    const i = json.indexOf("1250000");
    const altered = `${json.slice(0, i)}9${json.slice(i + 1)}`; // one byte: 1250000 → 9250000
    expect(altered.length).toBe(json.length);
    expect((await verifyReceiptJws(publicJwks([ours]), `${h}.${Buffer.from(altered).toString("base64url")}.${s}`)).ok).toBe(false);
  });

  it("refuses an unsigned token (alg none), a stripped signature, another type and garbage", async () => {
    const [h, p] = parts(jws);
    const none = Buffer.from(JSON.stringify({ alg: "none", kid: "2026-01", typ: RECEIPT_JWT_TYPE })).toString("base64url");
    for (const t of [`${none}.${p}.`, `${h}.${p}.`, `${h}.${p}`, "not-a-jws", ""]) {
      expect((await verifyReceiptJws(publicJwks([ours]), t)).ok, t.slice(0, 20)).toBe(false);
    }
    const otherType = await new SignJWT(claims as never).setProtectedHeader({ alg: "ES256", kid: "2026-01", typ: "JWT" }).sign(await importJWK(ours as JWK, "ES256"));
    expect((await verifyReceiptJws(publicJwks([ours]), otherType)).ok).toBe(false);
  });

  it("publishes public parts only", () => {
    for (const k of publicJwks([ours]).keys) expect(k).not.toHaveProperty("d");
  });
});
