import { createLocalJWKSet, importJWK, jwtVerify, SignJWT, type JSONWebKeySet, type JWK } from "jose";
import type { Config, ReceiptJwk } from "../config";

/**
 * Receipts are signed as compact JWS (a JWT with typ `thads-receipt+jwt`), ES256 or EdDSA, with the key
 * id in the header. The public halves of every configured key are published at /.well-known/jwks.json,
 * so anyone can verify a receipt with the published keys alone (docs/decisions/031-receipt-signatures.md).
 */
export const RECEIPT_JWT_TYPE = "thads-receipt+jwt";
export const JWKS_PATH = "/.well-known/jwks.json";

const algOf = (k: ReceiptJwk) => (k.kty === "EC" ? "ES256" : "EdDSA");

/** The published key set: public parts only, old keys kept so that old receipts still verify. */
export function publicJwks(keys: ReceiptJwk[]): JSONWebKeySet {
  return {
    keys: keys.map(({ d: _d, ...pub }) => ({ ...pub, alg: algOf(pub as ReceiptJwk), use: "sig" }) as JWK),
  };
}

type Signer = { kid: string; alg: string; key: CryptoKey | Uint8Array };
const signers = new WeakMap<Config, Promise<Signer>>();

function signerFor(config: Config): Promise<Signer> {
  let s = signers.get(config);
  if (!s) {
    const jwk = config.RECEIPT_SIGNING_KEYS[0]!;
    const alg = algOf(jwk);
    s = importJWK(jwk as JWK, alg).then((key) => ({ kid: jwk.kid, alg, key }));
    signers.set(config, s);
  }
  return s;
}

export type ReceiptClaims<P> = { iss: string; jti: string; iat: number; receipt: P };

/** Signs the receipt's frozen content with the current key; returns the JWS and the key id. */
export async function signReceipt<P extends object>(config: Config, claims: ReceiptClaims<P>): Promise<{ jws: string; kid: string }> {
  const signer = await signerFor(config);
  const jws = await new SignJWT(claims as never)
    .setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: RECEIPT_JWT_TYPE })
    .sign(signer.key);
  return { jws, kid: signer.kid };
}

export type VerifiedJws<P> = { ok: true; kid: string; claims: ReceiptClaims<P> } | { ok: false; reason: string };

/** Verifies a receipt JWS against a key set (ours, or one fetched from /.well-known/jwks.json). */
export async function verifyReceiptJws<P>(jwks: JSONWebKeySet, jws: string): Promise<VerifiedJws<P>> {
  try {
    const { payload, protectedHeader } = await jwtVerify(jws, createLocalJWKSet(jwks), {
      typ: RECEIPT_JWT_TYPE,
      algorithms: ["ES256", "EdDSA"],
    });
    return { ok: true, kid: protectedHeader.kid ?? "", claims: payload as unknown as ReceiptClaims<P> };
  } catch (e) {
    return { ok: false, reason: (e as { code?: string }).code ?? "invalid" };
  }
}

/**
 * Another portal document signed with the receipts' key and published key set (ADR 031, ADR 077): the same
 * signer, its own JWT type (e.g. `thads-confirmation+jwt`), so a receipt never passes for a certificate.
 */
export async function signPortalJws(config: Config, typ: string, claims: Record<string, unknown>): Promise<{ jws: string; kid: string }> {
  const signer = await signerFor(config);
  const jws = await new SignJWT(claims as never).setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ }).sign(signer.key);
  return { jws, kid: signer.kid };
}

/** Verifies a JWS of type `typ` signed by `signPortalJws` against a key set. */
export async function verifyPortalJws<C>(jwks: JSONWebKeySet, jws: string, typ: string): Promise<{ ok: true; kid: string; claims: C } | { ok: false; reason: string }> {
  try {
    const { payload, protectedHeader } = await jwtVerify(jws, createLocalJWKSet(jwks), { typ, algorithms: ["ES256", "EdDSA"] });
    return { ok: true, kid: protectedHeader.kid ?? "", claims: payload as unknown as C };
  } catch (e) {
    return { ok: false, reason: (e as { code?: string }).code ?? "invalid" };
  }
}
