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
