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
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Cổng THADS <no-reply@thads.local>"),
  WORKER_IN_PROCESS: bool.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: bool.default(false),
  SEED_DEMO: bool.optional(),
  VNPAY_TMN_CODE: z.string().regex(/^[A-Za-z0-9]{8}$/, "must be 8 letters or digits").optional(),
  VNPAY_HASH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  VNPAY_PAYMENT_URL: z.url().optional(),
  VNPAY_API_URL: z.url().optional(),
  /** A citizen's session lasts this long unless extended (the page warns before it ends, WCAG 2.2.1). */
  CITIZEN_SESSION_TTL_SECONDS: z.coerce.number().int().min(10).max(86400).default(1800),
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
});

export type RawEnv = z.infer<typeof EnvSchema>;

export type Config = Omit<RawEnv, "BASE_URL" | "SESSION_SECRET" | "SEED_DEMO"> & {
  BASE_URL: string;
  SESSION_SECRET: string;
  SEED_DEMO: boolean;
  isProduction: boolean;
  /** Secrets generated for development and kept in the data folder (empty in production). */
  generatedSecrets: string[];
};

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
  }
  if (raw.OIDC_ISSUER && !raw.OIDC_CLIENT_ID) problems.push("OIDC_CLIENT_ID: required when OIDC_ISSUER is set");
  if (!raw.OIDC_ISSUER && (raw.OIDC_CLIENT_ID || raw.OIDC_CLIENT_SECRET)) {
    problems.push("OIDC_ISSUER: required when OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set");
  }
  if (isProduction && raw.OIDC_ISSUER && !raw.OIDC_ISSUER.startsWith("https://")) {
    problems.push("OIDC_ISSUER: must use https in production");
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

  const baseUrl = (raw.BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, "");
  return {
    ...raw,
    BASE_URL: baseUrl,
    SESSION_SECRET: sessionSecret!,
    VNPAY_HASH_SECRET: vnpaySecret,
    SEED_DEMO: raw.SEED_DEMO ?? !isProduction,
    isProduction,
    generatedSecrets,
  };
}
