import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config";

const base = { NODE_ENV: "test", DATA_DIR: ".data/test", LOG_LEVEL: "silent" } as const;
const prod = {
  NODE_ENV: "production", BASE_URL: "https://thads.example.vn", DATABASE_URL: "postgres://x@localhost/x", SESSION_SECRET: "s".repeat(40),
  VNPAY_TMN_CODE: "ABCD1234", VNPAY_HASH_SECRET: "h".repeat(32), VNPAY_PAYMENT_URL: "https://pay.example/p", VNPAY_API_URL: "https://pay.example/a",
  RECEIPT_SIGNING_KEYS: '{"kid":"k1","kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}',
  DATA_DIR: ".data/test", LOG_LEVEL: "silent",
} as const;
const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("HANDOFF_ENDPOINTS", () => {
  it("defaults to the receiver sandbox outside production, with a secret every process derives alike", () => {
    const a = loadConfig({ ...base, BASE_URL: "http://localhost:4000", SESSION_SECRET: "x".repeat(40) });
    expect(a.HANDOFF_ENDPOINTS["*"]!.url).toBe("http://localhost:4000/sandbox/case-system");
    expect(a.HANDOFF_ENDPOINTS["*"]!.secret).toMatch(/^whsec_/);
    expect(a.handoffSandbox).toBe(true);
    const b = loadConfig({ ...base, BASE_URL: "http://localhost:4000", SESSION_SECRET: "x".repeat(40) });
    expect(b.HANDOFF_ENDPOINTS["*"]!.secret).toBe(a.HANDOFF_ENDPOINTS["*"]!.secret);
  });

  it("is empty in production unless set (messages then wait), and takes endpoints per office code", () => {
    expect(loadConfig(prod).HANDOFF_ENDPOINTS).toEqual({});
    const c = loadConfig({ ...prod, HANDOFF_ENDPOINTS: JSON.stringify({ "HNI-KV01": { url: "https://tl.hanoi.example/hook", secret }, "*": { url: "http://127.0.0.1:9000/x", secret } }) });
    expect(Object.keys(c.HANDOFF_ENDPOINTS).sort()).toEqual(["*", "HNI-KV01"]);
    expect(c.handoffSandbox).toBe(false);
  });

  it("says clearly what is wrong", () => {
    const problem = (value: string, env: Record<string, string> = prod) => {
      try {
        loadConfig({ ...env, HANDOFF_ENDPOINTS: value });
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).problems.join("\n");
      }
      return "no error";
    };
    expect(problem("{nope")).toMatch(/^HANDOFF_ENDPOINTS: must be JSON/);
    expect(problem(JSON.stringify({ "hni kv": { url: "https://a.example", secret } }))).toMatch(/agency codes/);
    expect(problem(JSON.stringify({ "*": { url: "https://a.example", secret: "plain" } }))).toMatch(/whsec_/);
    expect(problem(JSON.stringify({ "*": { url: "http://tl.example/hook", secret } }))).toMatch(/\*\.url: must use https in production/);
  });
});
