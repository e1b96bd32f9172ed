import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
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
    });
    expect(config.isProduction).toBe(true);
    expect(config.BASE_URL).toBe("https://thads.example.vn");
    expect(config.generatedSecrets).toEqual([]);
    expect(config.SEED_DEMO).toBe(false);
  });
});

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
    ).toEqual(["OIDC_ISSUER: must use https in production"]);
  });
});
