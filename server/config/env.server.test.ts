import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { ConfigError, loadConfig } from "./env.server";

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "thads-cfg-"));

describe("loadConfig", () => {
  it("gives every variable a working default in development and keeps generated secrets", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.PORT).toBe(3000);
    expect(first.BASE_URL).toBe("http://localhost:3000");
    expect(first.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(first.generatedSecrets.join(" ")).toMatch(/generated in .*secrets\.json/);
    const second = loadConfig({ DATA_DIR: dir });
    expect(second.SESSION_SECRET).toBe(first.SESSION_SECRET);
    expect(second.generatedSecrets.join(" ")).toMatch(/kept in/);
  });

  it("points VNPay at the embedded sandbox in development, with a dev terminal code and generated secret", () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir, BASE_URL: "http://localhost:4000" });
    expect(config.VNPAY_TMN_CODE).toBe("THADSDEV");
    expect(config.VNPAY_TMN_CODE).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(config.VNPAY_HASH_SECRET.length).toBeGreaterThanOrEqual(16);
    expect(config.VNPAY_PAYMENT_URL).toBe("http://localhost:4000/sandbox/vnpay/paymentv2/vpcpay.html");
    expect(config.VNPAY_API_URL).toBe("http://localhost:4000/sandbox/vnpay/merchant_webapi/api/transaction");
    expect(config.vnpaySandbox).toBe(true);
    expect(config.generatedSecrets.join(" ")).toMatch(/VNPAY_HASH_SECRET/);
  });

  it("requires every VNPay setting in production", () => {
    const base = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), BASE_URL: "https://thads.example.vn", DATABASE_URL: "postgres://u@db/t" };
    expect(() => loadConfig(base)).toThrow(/VNPAY_TMN_CODE, VNPAY_HASH_SECRET: required in production/);
    expect(() => loadConfig({ ...base, VNPAY_TMN_CODE: "ABCD1234", VNPAY_HASH_SECRET: "S".repeat(32) })).toThrow(
      /VNPAY_PAYMENT_URL, VNPAY_API_URL: required in production/,
    );
    expect(() => loadConfig({ ...base, VNPAY_TMN_CODE: "ABC" })).toThrow(/VNPAY_TMN_CODE: must be 8 letters or digits/);
  });

  it("names each bad variable", () => {
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: "eighty", DATABASE_URL: "mysql://x", SMTP_URL: "http://mail" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems;
      expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["DATABASE_URL", "PORT", "SMTP_URL"]);
      expect((e as ConfigError).message).not.toContain("\n");
    }
  });

  it("reads the rate limits, with defaults, and refuses waits an hour or longer (the counters' window)", () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect([config.RATE_LIMIT_FREE_FAILURES, config.RATE_LIMIT_MAX_DELAY_SECONDS, config.RATE_LIMIT_CLIENT_MAX_DELAY_SECONDS, config.CITIZEN_CODE_DAILY_FAILURES]).toEqual([5, 30, 900, 20]);
    expect(loadConfig({ DATA_DIR: dataDir(), RATE_LIMIT_MAX_DELAY_SECONDS: "10", CITIZEN_CODE_DAILY_FAILURES: "50" })).toMatchObject({ RATE_LIMIT_MAX_DELAY_SECONDS: 10, CITIZEN_CODE_DAILY_FAILURES: 50 });
    expect(() => loadConfig({ DATA_DIR: dataDir(), RATE_LIMIT_CLIENT_MAX_DELAY_SECONDS: "3600" })).toThrow(/RATE_LIMIT_CLIENT_MAX_DELAY_SECONDS/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), RATE_LIMIT_FREE_FAILURES: "0" })).toThrow(/RATE_LIMIT_FREE_FAILURES/);
  });

  it("refuses to start in production without secrets", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: required in production/);
  });

  it("accepts a complete production configuration and generates nothing", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      BASE_URL: "https://thads.example.vn/",
      DATABASE_URL: "postgres://u@db/thads",
      VNPAY_TMN_CODE: "ABCD1234",
      VNPAY_HASH_SECRET: "S".repeat(32),
      VNPAY_PAYMENT_URL: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
      VNPAY_API_URL: "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction",
      RECEIPT_SIGNING_KEYS: JSON.stringify([signingJwk("2026-01")]),
    });
    expect(config.vnpaySandbox).toBe(false);
    expect(config.RECEIPT_SIGNING_KEYS.map((k) => k.kid)).toEqual(["2026-01"]);
    expect(config.VNPAY_PAYMENT_URL).toBe("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html");
    expect(config.isProduction).toBe(true);
    expect(config.BASE_URL).toBe("https://thads.example.vn");
    expect(config.generatedSecrets).toEqual([]);
    expect(config.SEED_DEMO).toBe(false);
  });

  it("generates a receipt signing key in development, keeps it, and says so", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.RECEIPT_SIGNING_KEYS).toHaveLength(1);
    expect(first.RECEIPT_SIGNING_KEYS[0]).toMatchObject({ kty: "EC", crv: "P-256" });
    expect(first.RECEIPT_SIGNING_KEYS[0]!.d).toBeTruthy();
    expect(first.generatedSecrets.join(" ")).toMatch(/RECEIPT_SIGNING_KEYS .*generated in .*receipt-keys\.json/);
    const second = loadConfig({ DATA_DIR: dir });
    expect(second.RECEIPT_SIGNING_KEYS).toEqual(first.RECEIPT_SIGNING_KEYS);
    expect(second.generatedSecrets.join(" ")).toMatch(/receipt signing key .* kept in/);
  });

  it("requires receipt signing keys in production and checks their shape", () => {
    const base = {
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      BASE_URL: "https://thads.example.vn",
      DATABASE_URL: "postgres://u@db/t",
      VNPAY_TMN_CODE: "ABCD1234",
      VNPAY_HASH_SECRET: "S".repeat(32),
      VNPAY_PAYMENT_URL: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
      VNPAY_API_URL: "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction",
    };
    expect(() => loadConfig(base)).toThrow(/RECEIPT_SIGNING_KEYS: required in production/);
    expect(() => loadConfig({ ...base, RECEIPT_SIGNING_KEYS: "not json" })).toThrow(/RECEIPT_SIGNING_KEYS: must be JSON/);
    const { d: _d, ...publicOnly } = signingJwk("old");
    expect(() => loadConfig({ ...base, RECEIPT_SIGNING_KEYS: JSON.stringify([publicOnly]) })).toThrow(/must be private/);
    expect(() => loadConfig({ ...base, RECEIPT_SIGNING_KEYS: JSON.stringify([signingJwk("a"), signingJwk("a")]) })).toThrow(/unique/);
    expect(() => loadConfig({ ...base, RECEIPT_SIGNING_KEYS: JSON.stringify([{ kid: "r", kty: "RSA", n: "x", e: "AQAB" }]) })).toThrow(/EC P-256 or Ed25519/);
    // Rotation: the new private key first, the old public key kept for verification.
    const config = loadConfig({ ...base, RECEIPT_SIGNING_KEYS: JSON.stringify({ keys: [signingJwk("2027-01"), publicOnly] }) });
    expect(config.RECEIPT_SIGNING_KEYS.map((k) => k.kid)).toEqual(["2027-01", "old"]);
    expect(config.generatedSecrets).toEqual([]);
  });
});

function signingJwk(kid: string) {
  const { privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { kid, ...(privateKey.export({ format: "jwk" }) as Record<string, string>) } as Record<string, string>;
}
describe("OpenID Connect and citizen session settings", () => {
  it("leave OIDC off when unset and default the citizen session to 30 minutes", () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.OIDC_ISSUER).toBeUndefined();
    expect(config.OIDC_SCOPES).toBe("openid email profile");
    expect(config.CITIZEN_SESSION_TTL_SECONDS).toBe(1800);
  });

  it("accept a complete OIDC configuration", () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      OIDC_ISSUER: "https://sso.vneid.example.vn",
      OIDC_CLIENT_ID: "thads",
      OIDC_CLIENT_SECRET: "s3cret",
      OIDC_SCOPES: "openid profile",
      CITIZEN_SESSION_TTL_SECONDS: "600",
    });
    expect(config.OIDC_ISSUER).toBe("https://sso.vneid.example.vn");
    expect(config.OIDC_CLIENT_ID).toBe("thads");
    expect(config.CITIZEN_SESSION_TTL_SECONDS).toBe(600);
  });

  it("name each incomplete or bad OIDC variable", () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ DATA_DIR: dataDir(), ...env });
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    expect(problems({ OIDC_ISSUER: "https://idp.example" })).toEqual(["OIDC_CLIENT_ID: required when OIDC_ISSUER is set"]);
    expect(problems({ OIDC_CLIENT_ID: "x" })[0]).toMatch(/^OIDC_ISSUER: required/);
    expect(problems({ OIDC_ISSUER: "ftp://idp", OIDC_CLIENT_ID: "x" })[0]).toMatch(/^OIDC_ISSUER:/);
    expect(problems({ OIDC_ISSUER: "https://idp.example", OIDC_CLIENT_ID: "x", OIDC_SCOPES: "email profile" })[0]).toMatch(
      /^OIDC_SCOPES: must include openid/,
    );
    expect(problems({ CITIZEN_SESSION_TTL_SECONDS: "5" })[0]).toMatch(/^CITIZEN_SESSION_TTL_SECONDS:/);
    expect(
      problems({
        NODE_ENV: "production",
        SESSION_SECRET: "x".repeat(40),
        BASE_URL: "https://thads.example.vn",
        DATABASE_URL: "postgres://u@db/thads",
        VNPAY_TMN_CODE: "ABCD1234",
        VNPAY_HASH_SECRET: "S".repeat(32),
        OIDC_ISSUER: "http://idp.example",
        OIDC_CLIENT_ID: "x",
      }),
    ).toContain("OIDC_ISSUER: must use https in production");
  });
});
