import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import type { Pool, Sql } from "../db";
import type postgres from "postgres";
import { audit } from "../audit";
import {
  clientKey,
  DEFAULT_RATE_LIMITS,
  policies,
  settle,
  take,
  type RateLimited,
  type RateLimitSettings,
} from "../http";
import { revokeAllSessions } from "./session.server";

/**
 * The staff second factor (docs/decisions/053-staff-second-factor.md): TOTP (RFC 6238, 30 s, 6 digits,
 * SHA-1, what every authenticator app reads from a QR code) with ten single-use recovery codes.
 *
 * - The secret is stored sealed with AES-256-GCM under a key derived from SESSION_SECRET (HKDF), so a copy
 *   of the database alone does not give the codes.
 * - A code is accepted one step either side of now (clock drift), and never twice: the accepted time-step
 *   is compared with and written over the last one in ONE update, so two requests with the same code
 *   cannot both pass (the second waits for the first's row lock and then finds the step used).
 * - Wrong codes are counted by the portal's rate limits (per account and per client address), like
 *   wrong passwords; a right code resets the account's count.
 */

export type SecondFactorPolicy = "required" | "optional";

const PERIOD = 30;
const DIGITS = 6;
const ISSUER = "Cổng THADS";
export const RECOVERY_CODE_COUNT = 10;
/** 32 letters and digits without the look-alikes I, O, 0 and 1: five bits per character, 50 per code. */
const RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const RECOVERY_LENGTH = 10;

export type TxSql = postgres.TransactionSql;

// ---- Sealing the secret

/** The AES key for TOTP secrets: HKDF-SHA256 of SESSION_SECRET with a label of its own. */
export function secondFactorKey(sessionSecret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", sessionSecret, "thads-staff-totp", "staff totp secret v1", 32));
}

/** iv (12 bytes) ‖ tag (16) ‖ ciphertext. */
export function sealSecret(key: Buffer, secret: Uint8Array): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function openSecret(key: Buffer, sealed: Buffer): Buffer {
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

function totpFor(secret: Uint8Array, label = "staff"): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: DIGITS, period: PERIOD, secret: new Secret({ buffer: Uint8Array.from(secret).buffer }) });
}

/** The code of a base32 secret at a time (tests and the e2e journey compute codes this way). */
export function totpCode(base32Secret: string, timestamp = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(base32Secret), algorithm: "SHA1", digits: DIGITS, period: PERIOD, timestamp });
}

// ---- Recovery codes

function randomRecoveryCode(): string {
  const bytes = crypto.randomBytes(RECOVERY_LENGTH);
  let out = "";
  for (const b of bytes) out += RECOVERY_ALPHABET[b & 31];
  return out;
}

/** Shown as two groups of five ("ABCDE-FGHJK"); typed with or without the dash, any case, spaces ignored. */
export const formatRecoveryCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

const recoveryHash = (salt: Buffer, code: string) => crypto.createHash("sha256").update(salt).update(code).digest();

/** What was typed, as a TOTP code, a recovery code, or nothing usable. */
export function classifyCode(input: string): { kind: "totp"; code: string } | { kind: "recovery"; code: string } | { kind: "invalid" } {
  const compact = input.replace(/[\s-]/g, "").toUpperCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  if (compact.length === RECOVERY_LENGTH && [...compact].every((c) => RECOVERY_ALPHABET.includes(c))) return { kind: "recovery", code: compact };
  return { kind: "invalid" };
}

/** Replaces the staff member's recovery codes with ten new ones; returns them (the only time they exist in clear). */
async function newRecoveryCodes(tx: Sql, staffId: string): Promise<string[]> {
  await tx`delete from staff_recovery_codes where staff_id = ${staffId}`;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, randomRecoveryCode);
  const rows = codes.map((code) => {
    const salt = crypto.randomBytes(16);
    return { staff_id: staffId, salt, code_hash: recoveryHash(salt, code) };
  });
  await tx`insert into staff_recovery_codes ${tx(rows, "staff_id", "salt", "code_hash")}`;
  return codes.map(formatRecoveryCode);
}

// ---- State

/** Does this staff member have a confirmed second factor? */
export async function hasSecondFactor(sql: Sql, staffId: string): Promise<boolean> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from staff_second_factors where staff_id = ${staffId} and confirmed_at is not null`;
  return (row?.n ?? 0) > 0;
}

export type SetUpView = { secret: string; qrDataUri: string; uri: string };

/**
 * The set-up page's secret: made (and stored sealed, unconfirmed) on the first visit, the same one on
 * every later visit until a code confirms it. Null when the staff member already has a confirmed factor.
 */
export async function pendingSetUp(sql: Sql, { staffId, email, key }: { staffId: string; email: string; key: Buffer }): Promise<SetUpView | null> {
  const fresh = sealSecret(key, crypto.randomBytes(20));
  await sql`insert into staff_second_factors (staff_id, secret_sealed) values (${staffId}, ${fresh}) on conflict (staff_id) do nothing`;
  const [row] = await sql<{ secret_sealed: Buffer; confirmed_at: Date | null }[]>`
    select secret_sealed, confirmed_at from staff_second_factors where staff_id = ${staffId}`;
  if (!row || row.confirmed_at) return null;
  const totp = totpFor(openSecret(key, row.secret_sealed), email);
  const uri = totp.toString();
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret: totp.secret.base32, uri, qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

type Limits = { ip: string | null; requestId?: string; limits?: RateLimitSettings };

export type CodeRefused = { ok: false; reason: "wrong-code" | "reused" | "no-factor" } | RateLimited;

function counters(staffId: string, ip: string | null, limits: RateLimitSettings | undefined) {
  const policy = policies(limits ?? DEFAULT_RATE_LIMITS);
  return [
    { key: `staff-second-factor:account:${staffId}`, policy: policy.subject, onSuccess: "reset" as const },
    { key: clientKey("staff-second-factor", ip), policy: policy.client, onSuccess: "refund" as const },
  ];
}

async function refused(sql: Sql, staffId: string, reason: "wrong-code" | "reused" | "no-factor", input: Limits & { step: string }): Promise<CodeRefused> {
  await audit(sql, {
    actorType: "anonymous",
    actorId: staffId,
    action: "staff.second_factor.failed",
    ip: input.ip,
    requestId: input.requestId,
    details: { reason, step: input.step },
  });
  return { ok: false, reason };
}

/** The time-step a TOTP code belongs to (±1 around now), or null. */
function matchingStep(secret: Uint8Array, code: string, now: number): number | null {
  const delta = totpFor(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

/**
 * Set-up, second half: the first code from the app confirms the secret, and ten recovery codes are made.
 * `then` runs in the same transaction (the sign-in opens its session there).
 */
export async function confirmSetUp<T>(
  sql: Pool,
  input: Limits & { staffId: string; code: string; key: Buffer; now?: number },
  then: (tx: TxSql) => Promise<T>,
): Promise<{ ok: true; recoveryCodes: string[]; then: T } | CodeRefused> {
  const { staffId } = input;
  const taken = await take(sql, counters(staffId, input.ip, input.limits));
  if (!taken.ok) return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  const [row] = await sql<{ secret_sealed: Buffer }[]>`
    select secret_sealed from staff_second_factors where staff_id = ${staffId} and confirmed_at is null`;
  if (!row) return refused(sql, staffId, "no-factor", { ...input, step: "set-up" });
  const typed = classifyCode(input.code);
  const step = typed.kind === "totp" ? matchingStep(openSecret(input.key, row.secret_sealed), typed.code, input.now ?? Date.now()) : null;
  if (step === null) return refused(sql, staffId, "wrong-code", { ...input, step: "set-up" });
  const done = await sql.begin(async (tx) => {
    const confirmed = await tx`
      update staff_second_factors set confirmed_at = now(), last_used_step = ${step}
      where staff_id = ${staffId} and confirmed_at is null and secret_sealed = ${row.secret_sealed}
      returning staff_id`;
    if (confirmed.length === 0) return null; // confirmed (or reset) by another request meanwhile
    const recoveryCodes = await newRecoveryCodes(tx, staffId);
    await settle(tx, taken.ticket);
    await audit(tx, { actorType: "staff", actorId: staffId, action: "staff.second_factor.enabled", ip: input.ip, requestId: input.requestId });
    return { recoveryCodes, then: await then(tx) };
  });
  if (!done) return refused(sql, staffId, "no-factor", { ...input, step: "set-up" });
  return { ok: true, ...done };
}

/**
 * The sign-in's second step: a TOTP code (used at most once in its window) or one of the recovery codes
 * (each once). `then` runs in the same transaction as marking the code used.
 */
export async function verifySecondFactor<T>(
  sql: Pool,
  input: Limits & { staffId: string; code: string; key: Buffer; now?: number },
  then: (tx: TxSql) => Promise<T>,
): Promise<{ ok: true; method: "totp" | "recovery"; then: T } | CodeRefused> {
  const { staffId } = input;
  const taken = await take(sql, counters(staffId, input.ip, input.limits));
  if (!taken.ok) return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  const [factor] = await sql<{ secret_sealed: Buffer }[]>`
    select secret_sealed from staff_second_factors where staff_id = ${staffId} and confirmed_at is not null`;
  if (!factor) return refused(sql, staffId, "no-factor", { ...input, step: "verify" });
  const typed = classifyCode(input.code);
  if (typed.kind === "invalid") return refused(sql, staffId, "wrong-code", { ...input, step: "verify" });

  const finish = async (tx: TxSql, method: "totp" | "recovery") => {
    await settle(tx, taken.ticket);
    await audit(tx, { actorType: "staff", actorId: staffId, action: "staff.second_factor.verified", ip: input.ip, requestId: input.requestId, details: { method } });
    return { ok: true as const, method, then: await then(tx) };
  };

  if (typed.kind === "totp") {
    const step = matchingStep(openSecret(input.key, factor.secret_sealed), typed.code, input.now ?? Date.now());
    if (step === null) return refused(sql, staffId, "wrong-code", { ...input, step: "verify" });
    const result = await sql.begin(async (tx) => {
      // Compare and set in one statement: of two requests with the same code, one updates the row, the
      // other (after waiting for the row lock) no longer matches `last_used_step < step`.
      const used = await tx`
        update staff_second_factors set last_used_step = ${step}
        where staff_id = ${staffId} and confirmed_at is not null and (last_used_step is null or last_used_step < ${step})
        returning staff_id`;
      return used.length ? finish(tx, "totp") : null;
    });
    return result ?? refused(sql, staffId, "reused", { ...input, step: "verify" });
  }

  const candidates = await sql<{ id: string; salt: Buffer; code_hash: Buffer }[]>`
    select id, salt, code_hash from staff_recovery_codes where staff_id = ${staffId} and used_at is null`;
  const match = candidates.find((c) => crypto.timingSafeEqual(recoveryHash(c.salt, typed.code), c.code_hash));
  if (!match) return refused(sql, staffId, "wrong-code", { ...input, step: "verify" });
  const result = await sql.begin(async (tx) => {
    const used = await tx`update staff_recovery_codes set used_at = now() where id = ${match.id} and used_at is null returning id`;
    return used.length ? finish(tx, "recovery") : null;
  });
  return result ?? refused(sql, staffId, "reused", { ...input, step: "verify" });
}

/** How many unused recovery codes are left (the code page tells the person when they run low). */
export async function recoveryCodesLeft(sql: Sql, staffId: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from staff_recovery_codes where staff_id = ${staffId} and used_at is null`;
  return row?.n ?? 0;
}

// ---- The administrator's reset

export type ResetTarget = { id: string; fullName: string; email: string; enabled: boolean; recoveryCodesLeft: number };

/** May this staff member reset other people's second factor? (the administrator role, at any office) */
export async function isAdministrator(sql: Sql, staffId: string): Promise<boolean> {
  const [row] = await sql`select 1 from staff_roles r join staff s on s.id = r.staff_id where r.staff_id = ${staffId} and r.role = 'admin' and s.active`;
  return Boolean(row);
}

/** The person whose factor an administrator is about to reset; null when there is no such staff member. */
export async function resetTarget(sql: Sql, staffId: string): Promise<ResetTarget | null> {
  const [row] = await sql<{ id: string; full_name: string; email: string; enabled: boolean; left: number }[]>`
    select s.id, s.full_name, s.email,
           exists (select 1 from staff_second_factors f where f.staff_id = s.id and f.confirmed_at is not null) as enabled,
           (select count(*)::int from staff_recovery_codes c where c.staff_id = s.id and c.used_at is null) as left
    from staff s where s.id = ${staffId}`;
  return row ? { id: row.id, fullName: row.full_name, email: row.email, enabled: row.enabled, recoveryCodesLeft: row.left } : null;
}

/**
 * An administrator removes a staff member's second factor (lost phone): the secret, the recovery codes
 * and any half-finished sign-in go, every session of the person is revoked, and the audit log says who
 * did it. At the next sign-in the person sets up a new factor (or, where it is optional, may skip it).
 */
export async function resetSecondFactor(
  sql: Pool,
  input: { actorId: string; targetStaffId: string; ip: string | null; requestId?: string },
): Promise<{ ok: true; sessionsRevoked: number } | { ok: false; reason: "forbidden" | "not-found" }> {
  return sql.begin(async (tx) => {
    if (!(await isAdministrator(tx, input.actorId))) return { ok: false as const, reason: "forbidden" as const };
    const [target] = await tx<{ id: string }[]>`select id from staff where id = ${input.targetStaffId} for update`;
    if (!target) return { ok: false as const, reason: "not-found" as const };
    const factors = await tx`delete from staff_second_factors where staff_id = ${target.id}`;
    const codes = await tx`delete from staff_recovery_codes where staff_id = ${target.id}`;
    await tx`delete from staff_sign_in_challenges where staff_id = ${target.id}`;
    const sessionsRevoked = await revokeAllSessions(tx, { staffId: target.id });
    await audit(tx, {
      actorType: "staff",
      actorId: input.actorId,
      action: "staff.second_factor.reset",
      targetType: "staff",
      targetId: target.id,
      ip: input.ip,
      requestId: input.requestId,
      details: { hadFactor: factors.count > 0, recoveryCodesRemoved: codes.count, sessionsRevoked },
    });
    return { ok: true as const, sessionsRevoked };
  });
}

// ---- The half-way state between the password and the second step

export const CHALLENGE_COOKIE = "thads_staff_step";
export const CHALLENGE_TTL_SECONDS = 15 * 60;
export type ChallengePurpose = "verify" | "set-up";

const digest = (token: string) => crypto.createHash("sha256").update(token).digest();

/** After the right password: a random token for the challenge cookie (stored only as its hash). */
export async function createChallenge(sql: Sql, { staffId, purpose }: { staffId: string; purpose: ChallengePurpose }) {
  const token = crypto.randomBytes(32).toString("base64url");
  const [row] = await sql<{ expires_at: Date }[]>`
    insert into staff_sign_in_challenges (id_hash, staff_id, purpose, expires_at)
    values (${digest(token)}, ${staffId}, ${purpose}, now() + make_interval(secs => ${CHALLENGE_TTL_SECONDS}))
    returning expires_at`;
  return { token, expiresAt: row!.expires_at };
}

export type Challenge = { staffId: string; email: string; purpose: ChallengePurpose; used: boolean };

/**
 * The challenge behind a token (unexpired, of an active staff member), or null; a used one only with
 * `includeUsed` (the set-up page shown right after its own form used it).
 */
export async function findChallenge(sql: Sql, token: string | null | undefined, { includeUsed = false } = {}): Promise<Challenge | null> {
  if (!token || token.length > 100) return null;
  const [row] = await sql<{ staff_id: string; email: string; purpose: ChallengePurpose; used: boolean }[]>`
    select c.staff_id, s.email, c.purpose, c.used_at is not null as used
    from staff_sign_in_challenges c join staff s on s.id = c.staff_id
    where c.id_hash = ${digest(token)} and c.expires_at > now() and s.active`;
  if (!row || (row.used && !includeUsed)) return null;
  return { staffId: row.staff_id, email: row.email, purpose: row.purpose, used: row.used };
}

/** Uses the challenge up (once: a second request with the same cookie finds nothing). */
export async function consumeChallenge(sql: Sql, token: string): Promise<boolean> {
  const r = await sql`update staff_sign_in_challenges set used_at = now() where id_hash = ${digest(token)} and used_at is null and expires_at > now()`;
  return r.count > 0;
}

/** Old challenges (the hourly maintenance may call it). */
export async function pruneChallenges(sql: Sql): Promise<number> {
  const r = await sql`delete from staff_sign_in_challenges where expires_at < now() - interval '1 day'`;
  return r.count;
}
