import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";

/**
 * One schema for the whole environment. Parsed once at start; a bad value stops the process with one
 * line per bad variable. In development every variable has a working default; in production the
 * secrets must be given.
 */
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const port = z.coerce.number().int().min(0).max(65535);

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** Connections reserved for VNPay's IPN per web process (they pipeline; see docs/decisions/014-job-outbox.md). */
  IPN_DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(50).default(2),
  /** Seconds a page, an IPN or a job waits for a new database connection before it is answered 503 / 99. */
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(3),
  /** Longest statement (lock waits included) of a page or a job; PostgreSQL cancels it after this. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Longest an IPN takes to answer (and its statement timeout): VNPay waits, and 99 (it retries) beats a timeout. */
  IPN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Cổng THADS <no-reply@thads.local>"),
  WORKER_IN_PROCESS: bool.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  /** CPU priority (nice) of the job runner, thread or process: background jobs yield to requests and the database. */
  WORKER_NICE: z.coerce.number().int().min(0).max(19).default(19),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: bool.default(false),
  /**
   * The largest request body a page form, the language switch or an API may send (uploads keep their own
   * streaming caps). Counted while it arrives: a longer body is cut and answered 413.
   */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(256 * 1024),
  SEED_DEMO: bool.optional(),
  VNPAY_TMN_CODE: z.string().regex(/^[A-Za-z0-9]{8}$/, "must be 8 letters or digits").optional(),
  VNPAY_HASH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  VNPAY_PAYMENT_URL: z.url().optional(),
  VNPAY_API_URL: z.url().optional(),
  /** Receipt signing keys: a JSON array of JWKs (or {"keys": [...]}); the first, private, signs (see receipts). */
  RECEIPT_SIGNING_KEYS: z.string().min(2).optional(),
  /** A citizen's session lasts this long unless extended (the page warns before it ends, WCAG 2.2.1). */
  CITIZEN_SESSION_TTL_SECONDS: z.coerce.number().int().min(10).max(86400).default(1800),
  /** Rate limits (docs/decisions/042-rate-limits.md): failures on one account or looked-up object before any wait. */
  RATE_LIMIT_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** The longest wait failures can give one account or looked-up object (what its real owner may wait). */
  RATE_LIMIT_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3599).default(30),
  /** The longest wait failures can give one client address. */
  RATE_LIMIT_CLIENT_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3599).default(900),
  /** Wrong e-mail sign-in codes allowed per address per day. */
  CITIZEN_CODE_DAILY_FAILURES: z.coerce.number().int().min(5).max(1000).default(20),
  /** OpenID Connect sign-in for citizens (VNeID when pointed at it); off while OIDC_ISSUER is unset. */
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(255).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, "must be scope names separated by single spaces")
    .refine((s) => s.split(" ").includes("openid"), "must include openid")
    .default("openid email profile"),
  OIDC_PROVIDER_NAME: z.string().min(1).max(60).default("VNeID"),
  /** Staff second factor (TOTP, docs/decisions/053-staff-second-factor.md): required in production unless set. */
  STAFF_SECOND_FACTOR: z.enum(["required", "optional"]).optional(),
  /**
   * Hand-off to the agency case systems (docs/handoff/README.md): JSON `{ "<agency code or *>": { "url": "…",
   * "secret": "whsec_…" } }`. Unset in development and tests: everything goes to the local receiver sandbox.
   * In production an office without an endpoint (and no "*") keeps its messages waiting.
   */
  HANDOFF_ENDPOINTS: z.string().min(2).optional(),
  /** Tries per message before it is dead (the dead-letter list); backoff doubles from the base. */
  HANDOFF_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  HANDOFF_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  HANDOFF_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** The organisations' JSON API (docs/decisions/070): calls per key per minute, then 429 with Retry-After. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Webhooks (docs/decisions/071): tries per delivery, the first wait (doubling, capped at an hour), the timeout of one try. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  WEBHOOK_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

/** The sandbox's terminal code and paths (same shape as the real gateway's URLs). */
export const DEV_TMN_CODE = "THADSDEV";
export const SANDBOX_PAYMENT_PATH = "/sandbox/vnpay/paymentv2/vpcpay.html";
export const SANDBOX_API_PATH = "/sandbox/vnpay/merchant_webapi/api/transaction";

export type RawEnv = z.infer<typeof EnvSchema>;

export type Config = Omit<
  RawEnv,
  "BASE_URL" | "SESSION_SECRET" | "SEED_DEMO" | "VNPAY_TMN_CODE" | "VNPAY_HASH_SECRET" | "VNPAY_PAYMENT_URL" | "VNPAY_API_URL" | "RECEIPT_SIGNING_KEYS" | "STAFF_SECOND_FACTOR" | "HANDOFF_ENDPOINTS"
> & {
  /** Case-system endpoint per agency code ("*" = every other office); empty = none configured. */
  HANDOFF_ENDPOINTS: Record<string, HandoffEndpoint>;
  /** True when the hand-off goes to our own receiver sandbox (development default). */
  handoffSandbox: boolean;
  /** Must every staff member use a second factor? "optional": those without one sign in with the password alone. */
  STAFF_SECOND_FACTOR: "required" | "optional";
  /** Receipt signing keys (JWK): the first signs new receipts, all are published at /.well-known/jwks.json. */
  RECEIPT_SIGNING_KEYS: ReceiptJwk[];
  BASE_URL: string;
  SESSION_SECRET: string;
  VNPAY_TMN_CODE: string;
  VNPAY_HASH_SECRET: string;
  VNPAY_PAYMENT_URL: string;
  VNPAY_API_URL: string;
  /** True when VNPAY_PAYMENT_URL points at our own sandbox (development default). */
  vnpaySandbox: boolean;
  SEED_DEMO: boolean;
  isProduction: boolean;
  /** Secrets generated for development and kept in the data folder (empty in production). */
  generatedSecrets: string[];
};

/** Where one office's case system listens, and the Standard Webhooks secret its messages are signed with. */
export type HandoffEndpoint = { url: string; secret: string };

/** The receiver sandbox's path (server/handoff/receiver), mounted outside production. */
export const CASE_SYSTEM_SANDBOX_PATH = "/sandbox/case-system";

const HANDOFF_KEY = /^(\*|[A-Z0-9_.-]{2,32})$/;
const HandoffEndpointsSchema = z.record(
  z.string().regex(HANDOFF_KEY, "keys must be agency codes (e.g. HNI-KV01) or *"),
  z.object({
    url: z.url({ protocol: /^https?$/ }),
    secret: z.string().regex(/^whsec_[A-Za-z0-9+/]{22,}={0,2}$/, "secret must be whsec_ followed by base64 (at least 16 bytes)"),
  }),
);

/** Parses HANDOFF_ENDPOINTS; in production a URL must be https (except loopback, for a local receiver). */
export function parseHandoffEndpoints(text: string, isProduction: boolean): { endpoints: Record<string, HandoffEndpoint> } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'must be JSON: {"<agency code or *>": {"url": "https://…", "secret": "whsec_…"}}' };
  }
  if (json && typeof json === "object" && !Array.isArray(json)) {
    const bad = Object.keys(json).find((k) => !HANDOFF_KEY.test(k));
    if (bad !== undefined) return { problem: `${JSON.stringify(bad)}: keys must be agency codes (e.g. HNI-KV01) or *` };
  }
  const parsed = HandoffEndpointsSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { problem: `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}` };
  }
  for (const [code, e] of Object.entries(parsed.data)) {
    const u = new URL(e.url);
    if (isProduction && u.protocol !== "https:" && !["127.0.0.1", "localhost", "[::1]"].includes(u.hostname)) {
      return { problem: `${code}.url: must use https in production` };
    }
  }
  return { endpoints: parsed.data };
}

/** The development secret of the receiver sandbox: derived from SESSION_SECRET, so every process agrees on it. */
export function sandboxHandoffSecret(sessionSecret: string): string {
  return `whsec_${crypto.createHmac("sha256", sessionSecret).update("thads handoff sandbox").digest("base64")}`;
}

/** A receipt signing key: ES256 (EC P-256) or EdDSA (Ed25519), with a key id; `d` only on private keys. */
export type ReceiptJwk = { kid: string; kty: "EC" | "OKP"; crv: "P-256" | "Ed25519"; x: string; y?: string; d?: string; alg?: string };

const b64url = z.string().regex(/^[A-Za-z0-9_-]{20,200}$/);
const ReceiptJwkSchema = z.union([
  z.object({ kid: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/), kty: z.literal("EC"), crv: z.literal("P-256"), x: b64url, y: b64url, d: b64url.optional(), alg: z.literal("ES256").optional() }),
  z.object({ kid: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/), kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: b64url, d: b64url.optional(), alg: z.literal("EdDSA").optional() }),
]);

/** Parses RECEIPT_SIGNING_KEYS; the first key must be private (it signs), kids must be unique. */
export function parseReceiptKeys(text: string): { keys: ReceiptJwk[] } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: "must be JSON: an array of JWKs or {\"keys\": [...]}" };
  }
  const list = Array.isArray(json) ? json : json && typeof json === "object" && "keys" in json ? (json as { keys: unknown }).keys : [json];
  const parsed = z.array(ReceiptJwkSchema).min(1).safeParse(list);
  if (!parsed.success) return { problem: "each key must be an EC P-256 or Ed25519 JWK with a kid (x, y, d as base64url)" };
  const keys = parsed.data.map(({ alg: _alg, ...k }) => k as ReceiptJwk);
  if (!keys[0]!.d) return { problem: "the first key signs new receipts and must be private (with d)" };
  if (new Set(keys.map((k) => k.kid)).size !== keys.length) return { problem: "key ids (kid) must be unique" };
  return { keys };
}

/** Reads (or creates) the development receipt signing key kept in DATA_DIR/receipt-keys.json. */
function devReceiptKeys(dataDir: string): { keys: ReceiptJwk[]; created: boolean } {
  const file = path.join(dataDir, "receipt-keys.json");
  for (let i = 0; i < 2; i++) {
    try {
      const r = parseReceiptKeys(fs.readFileSync(file, "utf8"));
      if ("keys" in r) return { keys: r.keys, created: false };
    } catch {
      // not there yet
    }
    const { privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = privateKey.export({ format: "jwk" }) as { kty: "EC"; crv: "P-256"; x: string; y: string; d: string };
    const key: ReceiptJwk = { kid: `dev-${new Date().toISOString().slice(0, 10)}-${crypto.randomBytes(3).toString("hex")}`, ...jwk };
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, JSON.stringify({ keys: [key] }, null, 2), { mode: 0o600, flag: "wx" });
      return { keys: [key], created: true };
    } catch (e) {
      if ((e as { code?: string }).code !== "EEXIST") throw e; // another process made it first: read theirs
    }
  }
  throw new Error(`cannot read or create ${file}`);
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Turns Zod issues into "NAME: message" lines, one per variable. */
function describe(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`);
}

/** Reads (or creates) development secrets kept in DATA_DIR/secrets.json. */
function devSecrets(dataDir: string): { values: Record<string, string>; created: boolean } {
  const file = path.join(dataDir, "secrets.json");
  try {
    return { values: JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>, created: false };
  } catch {
    const values = {
      SESSION_SECRET: crypto.randomBytes(32).toString("base64url"),
      VNPAY_HASH_SECRET: crypto.randomBytes(24).toString("hex").toUpperCase(),
    };
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(values, null, 2), { mode: 0o600 });
    return { values, created: true };
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as "not set" so that `FOO= npm start` behaves like leaving FOO out.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  const raw = parsed.data;
  const isProduction = raw.NODE_ENV === "production";

  const problems: string[] = [];
  if (isProduction) {
    if (!raw.SESSION_SECRET) problems.push("SESSION_SECRET: required in production");
    if (!raw.BASE_URL) problems.push("BASE_URL: required in production");
    if (!raw.DATABASE_URL) problems.push("DATABASE_URL: required in production");
    if (!raw.VNPAY_TMN_CODE || !raw.VNPAY_HASH_SECRET) {
      problems.push("VNPAY_TMN_CODE, VNPAY_HASH_SECRET: required in production");
    }
    if (!raw.VNPAY_PAYMENT_URL || !raw.VNPAY_API_URL) {
      problems.push("VNPAY_PAYMENT_URL, VNPAY_API_URL: required in production");
    }
    if (!raw.RECEIPT_SIGNING_KEYS) problems.push("RECEIPT_SIGNING_KEYS: required in production (JWK JSON, see docs/decisions/031-receipt-signatures.md)");
  }
  let receiptKeys: ReceiptJwk[] | null = null;
  if (raw.RECEIPT_SIGNING_KEYS) {
    const r = parseReceiptKeys(raw.RECEIPT_SIGNING_KEYS);
    if ("problem" in r) problems.push(`RECEIPT_SIGNING_KEYS: ${r.problem}`);
    else receiptKeys = r.keys;
  }
  if (raw.OIDC_ISSUER && !raw.OIDC_CLIENT_ID) problems.push("OIDC_CLIENT_ID: required when OIDC_ISSUER is set");
  if (!raw.OIDC_ISSUER && (raw.OIDC_CLIENT_ID || raw.OIDC_CLIENT_SECRET)) {
    problems.push("OIDC_ISSUER: required when OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set");
  }
  if (isProduction && raw.OIDC_ISSUER && !raw.OIDC_ISSUER.startsWith("https://")) {
    problems.push("OIDC_ISSUER: must use https in production");
  }
  let handoffEndpoints: Record<string, HandoffEndpoint> | null = null;
  if (raw.HANDOFF_ENDPOINTS) {
    const r = parseHandoffEndpoints(raw.HANDOFF_ENDPOINTS, isProduction);
    if ("problem" in r) problems.push(`HANDOFF_ENDPOINTS: ${r.problem}`);
    else handoffEndpoints = r.endpoints;
  }
  if (problems.length) throw new ConfigError(problems);

  const generatedSecrets: string[] = [];
  let sessionSecret = raw.SESSION_SECRET;
  let vnpaySecret = raw.VNPAY_HASH_SECRET;
  if (!isProduction && (!sessionSecret || !vnpaySecret)) {
    const { values, created } = devSecrets(raw.DATA_DIR);
    if (!sessionSecret) {
      sessionSecret = values.SESSION_SECRET;
      generatedSecrets.push(`SESSION_SECRET (${created ? "generated" : "kept"} in ${raw.DATA_DIR}/secrets.json)`);
    }
    if (!vnpaySecret) {
      vnpaySecret = values.VNPAY_HASH_SECRET;
      generatedSecrets.push(`VNPAY_HASH_SECRET (${created ? "generated" : "kept"} in ${raw.DATA_DIR}/secrets.json)`);
    }
  }

  if (!receiptKeys) {
    const { keys, created } = devReceiptKeys(raw.DATA_DIR);
    receiptKeys = keys;
    generatedSecrets.push(`RECEIPT_SIGNING_KEYS (receipt signing key ${keys[0]!.kid} ${created ? "generated" : "kept"} in ${raw.DATA_DIR}/receipt-keys.json)`);
  }

  const baseUrl = (raw.BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, "");
  // Development and tests: the embedded VNPay sandbox under BASE_URL (server/payments/vnpay-sandbox).
  const paymentUrl = raw.VNPAY_PAYMENT_URL ?? `${baseUrl}${SANDBOX_PAYMENT_PATH}`;
  // Development and tests: every office hands off to the receiver sandbox under BASE_URL; production: only
  // what HANDOFF_ENDPOINTS names (the rest waits, shown on the hand-off page as "no endpoint").
  if (!handoffEndpoints) {
    handoffEndpoints = isProduction ? {} : { "*": { url: `${baseUrl}${CASE_SYSTEM_SANDBOX_PATH}`, secret: sandboxHandoffSecret(sessionSecret!) } };
  }
  return {
    ...raw,
    BASE_URL: baseUrl,
    SESSION_SECRET: sessionSecret!,
    VNPAY_TMN_CODE: raw.VNPAY_TMN_CODE ?? DEV_TMN_CODE,
    VNPAY_HASH_SECRET: vnpaySecret!,
    VNPAY_PAYMENT_URL: paymentUrl,
    VNPAY_API_URL: raw.VNPAY_API_URL ?? `${baseUrl}${SANDBOX_API_PATH}`,
    RECEIPT_SIGNING_KEYS: receiptKeys,
    vnpaySandbox: paymentUrl.startsWith(`${baseUrl}/sandbox/vnpay/`),
    HANDOFF_ENDPOINTS: handoffEndpoints,
    handoffSandbox: !isProduction && Object.values(handoffEndpoints).some((e) => e.url.startsWith(`${baseUrl}${CASE_SYSTEM_SANDBOX_PATH}`)),
    SEED_DEMO: raw.SEED_DEMO ?? !isProduction,
    STAFF_SECOND_FACTOR: raw.STAFF_SECOND_FACTOR ?? (isProduction ? "required" : "optional"),
    isProduction,
    generatedSecrets,
  };
}
