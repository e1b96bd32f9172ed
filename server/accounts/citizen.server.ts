import crypto from "node:crypto";
import type { Sql, Pool } from "../db";
import { audit } from "../audit";
import { enqueue } from "../jobs";
import {
  clientKey,
  DEFAULT_RATE_LIMITS,
  policies,
  refund,
  settle,
  take,
  waitingFor,
  type RateLimited,
  type RateLimitSettings,
} from "../http";
import { createSession } from "./session.server";
import { claimDraft, claimRequestsByEmail } from "./claims.server";
import type { Locale } from "../../vocabulary/i18n/config";

export const CODE_TTL_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;

// Rate limits (docs/decisions/042-rate-limits.md): codes sent to one address back off (3 free, then 30 s,
// 1 min … up to 5 min); codes asked for from one client address, and wrong codes from one client address,
// back off per the `client` policy; wrong codes for one address stop for the day after
// CITIZEN_CODE_DAILY_FAILURES. A successful sign-in resets the address's counters.
const sendKey = (email: string) => `citizen-code-send:email:${email}`;
const dailyKey = (email: string) => `citizen-code-check:email:${email}`;

export type Citizen = { id: string; email: string | null; fullName: string | null; locale: Locale };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The HMAC of a code for one address: without SESSION_SECRET a leaked row says nothing. */
export function codeHash(secret: string, email: string, code: string): Buffer {
  return crypto.createHmac("sha256", secret).update(`citizen-code:${normaliseEmail(email)}:${code}`).digest();
}

export function newCode(): string {
  return crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");
}

// The code travels to the mail job sealed (AES-256-GCM with a key derived from SESSION_SECRET), so the job
// queue never holds it readable.
function sealKey(secret: string): Buffer {
  return crypto.createHash("sha256").update(`citizen-code-seal:${secret}`).digest();
}

export function sealCode(secret: string, code: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", sealKey(secret), iv);
  const body = Buffer.concat([cipher.update(code, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function openCode(secret: string, sealed: string): string {
  const raw = Buffer.from(sealed, "base64url");
  const decipher = crypto.createDecipheriv("aes-256-gcm", sealKey(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

export type RequestCodeResult = { ok: true } | RateLimited;

/**
 * "Send me a code": the same answer whether or not the address belongs to a citizen (a first sign-in
 * creates the account), so nothing is learnt about who uses the portal. The code (kept only as an HMAC)
 * and the job that e-mails it commit together; earlier unused codes for the address stop working.
 */
export async function requestSignInCode(
  sql: Pool,
  input: { email: string; secret: string; locale: Locale; ip: string | null; requestId?: string; limits?: RateLimitSettings },
): Promise<RequestCodeResult> {
  const email = normaliseEmail(input.email);
  const policy = policies(input.limits ?? DEFAULT_RATE_LIMITS);
  // No code is sent while the address has used up its wrong guesses for the day: it could not be used.
  const capped = await waitingFor(sql, [dailyKey(email)]);
  const taken = capped
    ? ({ ok: false, retryAfterSeconds: capped } as const)
    : await take(sql, [
        { key: sendKey(email), policy: policy.mailTo, onSuccess: "keep" },
        { key: clientKey("citizen-code-send", input.ip), policy: policy.client, onSuccess: "keep" },
      ]);
  if (!taken.ok) {
    await audit(sql, {
      actorType: "anonymous",
      action: "citizen.sign_in_code.rate_limited",
      ip: input.ip,
      requestId: input.requestId,
      details: { email, retryAfterSeconds: taken.retryAfterSeconds },
    });
    return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  }
  const code = newCode();
  await sql.begin(async (tx) => {
    await tx`update citizen_sign_in_codes set used_at = now() where lower(email) = ${email} and used_at is null`;
    const [row] = await tx<{ id: string }[]>`
      insert into citizen_sign_in_codes (email, code_hash, expires_at)
      values (${email}, ${codeHash(input.secret, email, code)}, now() + make_interval(mins => ${CODE_TTL_MINUTES}))
      returning id`;
    await audit(tx, {
      actorType: "anonymous",
      action: "citizen.sign_in_code.sent",
      targetType: "citizen_sign_in_code",
      targetId: row!.id,
      ip: input.ip,
      requestId: input.requestId,
      details: { email },
    });
    await enqueue(
      tx,
      "send_citizen_sign_in_code",
      { email, sealed: sealCode(input.secret, code), locale: input.locale },
      { maxAttempts: 3 },
    );
  });
  return { ok: true };
}

export type VerifyCodeResult =
  | { ok: true; token: string; expiresAt: Date; citizenId: string; firstSignIn: boolean }
  | { ok: false; reason: "wrong-code"; attemptsLeft: number }
  | { ok: false; reason: "no-code" | "expired" | "too-many-attempts" }
  | RateLimited;

/**
 * Checks the code sent to an address. Each wrong try counts against the code; after MAX_CODE_ATTEMPTS it
 * is dead and a new one must be asked for; after CITIZEN_CODE_DAILY_FAILURES wrong tries in a day the
 * address takes no more codes until the day is over. On success: the code is spent, the citizen is created
 * on first sign-in, a session opens, a guest draft in this browser becomes theirs, and it is audited.
 */
export async function verifySignInCode(
  sql: Pool,
  input: {
    email: string;
    code: string;
    secret: string;
    sessionTtlSeconds: number;
    locale: Locale;
    ip: string | null;
    userAgent: string | null;
    requestId?: string;
    draftToken?: string | null;
    limits?: RateLimitSettings;
  },
): Promise<VerifyCodeResult> {
  const email = normaliseEmail(input.email);
  const policy = policies(input.limits ?? DEFAULT_RATE_LIMITS);
  const taken = await take(sql, [
    { key: dailyKey(email), policy: policy.dailyCodeFailures, onSuccess: "reset" },
    { key: clientKey("citizen-code-check", input.ip), policy: policy.client, onSuccess: "refund" },
  ]);
  if (!taken.ok) {
    await audit(sql, {
      actorType: "anonymous",
      action: "citizen.sign_in.rate_limited",
      ip: input.ip,
      requestId: input.requestId,
      details: { email, retryAfterSeconds: taken.retryAfterSeconds },
    });
    return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  }

  let guessTested = false;
  const result = await sql.begin(async (tx): Promise<VerifyCodeResult> => {
    const [row] = await tx<{ id: string; code_hash: Buffer; attempts: number; expired: boolean }[]>`
      select id, code_hash, attempts, expires_at <= now() as expired
      from citizen_sign_in_codes
      where lower(email) = ${email} and used_at is null
      order by created_at desc limit 1
      for update`;
    if (!row) return { ok: false, reason: "no-code" };
    if (row.expired) return { ok: false, reason: "expired" };
    if (row.attempts >= MAX_CODE_ATTEMPTS) return { ok: false, reason: "too-many-attempts" };
    const given = codeHash(input.secret, email, input.code.trim());
    guessTested = true;
    if (!crypto.timingSafeEqual(given, row.code_hash)) {
      const attempts = row.attempts + 1;
      await tx`update citizen_sign_in_codes set attempts = ${attempts} where id = ${row.id}`;
      return attempts >= MAX_CODE_ATTEMPTS
        ? { ok: false, reason: "too-many-attempts" }
        : { ok: false, reason: "wrong-code", attemptsLeft: MAX_CODE_ATTEMPTS - attempts };
    }
    await tx`update citizen_sign_in_codes set used_at = now() where id = ${row.id}`;
    await settle(tx, taken.ticket);
    await tx`delete from rate_limit_counters where key = ${sendKey(email)}`;
    const { id: citizenId, created } = await findOrCreateCitizen(tx, { email, locale: input.locale });
    const session = await openCitizenSession(tx, citizenId, input, { method: "email-code", firstSignIn: created });
    return { ok: true, token: session.token, expiresAt: session.expiresAt, citizenId, firstSignIn: created };
  });

  // Only a wrong guess counts against the address's daily cap: with no live code nothing was tested.
  if (!result.ok && !guessTested) await refund(sql, taken.ticket, [dailyKey(email)]);
  if (!result.ok && result.reason !== "rate-limited") {
    await audit(sql, {
      actorType: "anonymous",
      action: "citizen.sign_in.failed",
      ip: input.ip,
      requestId: input.requestId,
      details: { email, reason: result.reason },
    });
  }
  return result;
}

/**
 * The end of every citizen sign-in method, in its transaction: a new session, the guest's filing draft
 * (if any) handed to the citizen, and the audit entry with how they signed in.
 */
export async function openCitizenSession(
  tx: Sql,
  citizenId: string,
  input: { ip: string | null; userAgent: string | null; sessionTtlSeconds?: number; draftToken?: string | null; requestId?: string | null },
  details: { method: "email-code" | "oidc"; firstSignIn: boolean; issuer?: string },
  /** The citizen ID number the national e-ID vouched for at this sign-in (joins the cases filed with it). */
  verifiedIdNumber: string | null = null,
) {
  const session = await createSession(tx, { citizenId }, { ip: input.ip, userAgent: input.userAgent, ttlSeconds: input.sessionTtlSeconds });
  await claimDraft(tx, { token: input.draftToken ?? null, citizenId });
  // The citizen's address is verified by now (code sent to it, or vouched for by the provider).
  const linkedRequests = await claimRequestsByEmail(tx, { citizenId, verifiedIdNumber });
  await audit(tx, {
    actorType: "citizen",
    actorId: citizenId,
    action: "citizen.sign_in",
    ip: input.ip,
    requestId: input.requestId,
    details: linkedRequests.length ? { ...details, linkedRequests } : details,
  });
  return session;
}

/** The citizen with this address, created when new (addresses compare case-insensitively). */
export async function findOrCreateCitizen(
  sql: Sql,
  { email, locale, fullName = null }: { email: string; locale: Locale; fullName?: string | null },
): Promise<{ id: string; created: boolean }> {
  const normalised = normaliseEmail(email);
  const [inserted] = await sql<{ id: string }[]>`
    insert into citizens (email, locale, full_name) values (${normalised}, ${locale}, ${fullName})
    on conflict ((lower(email))) do nothing
    returning id`;
  if (inserted) return { id: inserted.id, created: true };
  const [existing] = await sql<{ id: string }[]>`select id from citizens where lower(email) = ${normalised}`;
  return { id: existing!.id, created: false };
}

export async function getCitizen(sql: Sql, { citizenId }: { citizenId: string }): Promise<Citizen | null> {
  const [row] = await sql<{ id: string; email: string | null; full_name: string | null; locale: Locale }[]>`
    select id, email, full_name, locale from citizens where id = ${citizenId}`;
  return row ? { id: row.id, email: row.email, fullName: row.full_name, locale: row.locale } : null;
}

export type CitizenOverview = {
  drafts: { id: string; updatedAt: Date; completed: number }[];
  requests: { reference: string; submittedAt: Date; status: string; agencyName: string }[];
  activeSessions: number;
};

/** What the account page lists: drafts in progress, filed requests, how many sessions are open. */
export async function citizenOverview(sql: Sql, { citizenId }: { citizenId: string }): Promise<CitizenOverview> {
  const [drafts, requests, [sessions]] = await Promise.all([
    sql<{ id: string; updated_at: Date; completed: number }[]>`
      select id, updated_at, coalesce(array_length(completed, 1), 0) as completed
      from filing_drafts where citizen_id = ${citizenId} and expires_at > now()
      order by updated_at desc limit 20`,
    sql<{ reference: string; submitted_at: Date; status: string; agency_name: string }[]>`
      select r.reference, r.submitted_at, r.status, a.name as agency_name
      from enforcement_requests r join agencies a on a.id = r.agency_id
      where r.citizen_id = ${citizenId}
      order by r.submitted_at desc limit 50`,
    sql<{ n: number }[]>`
      select count(*)::int as n from sessions where citizen_id = ${citizenId} and revoked_at is null and expires_at > now()`,
  ]);
  return {
    drafts: drafts.map((d) => ({ id: d.id, updatedAt: d.updated_at, completed: d.completed })),
    requests: requests.map((r) => ({ reference: r.reference, submittedAt: r.submitted_at, status: r.status, agencyName: r.agency_name })),
    activeSessions: sessions?.n ?? 0,
  };
}

export async function pruneSignInCodes(sql: Sql): Promise<number> {
  const r = await sql`delete from citizen_sign_in_codes where expires_at < now() - interval '1 day'`;
  return r.count;
}
