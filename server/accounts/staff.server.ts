import type { Sql, Pool } from "../db";
import { audit } from "../audit";
import { enqueue } from "../jobs";
import {
  clientKey,
  DEFAULT_RATE_LIMITS,
  policies,
  settle,
  take,
  type RateLimited,
  type RateLimitSettings,
} from "../http";
import { hashPassword, verifyPassword } from "./password.server";
import { createSession } from "./session.server";
import { createChallenge, hasSecondFactor, type ChallengePurpose, type SecondFactorPolicy } from "./second-factor.server";
import type { Locale } from "../../vocabulary/i18n/config";

import { STAFF_ROLES, type StaffRole } from "./roles";

export { STAFF_ROLES, type StaffRole };

export type StaffRoleAt = { role: StaffRole; agencyId: string; agencyName: string; agencyCode: string };
export type StaffProfile = { id: string; email: string; fullName: string; roles: StaffRoleAt[] };

export async function createStaff(
  sql: Sql,
  input: { email: string; fullName: string; password: string; roles: { role: StaffRole; agencyId: string }[] },
): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await sql<{ id: string }[]>`
    insert into staff (email, full_name, password_hash)
    values (${input.email.toLowerCase()}, ${input.fullName}, ${passwordHash})
    returning id`;
  const id = row!.id;
  for (const r of input.roles) {
    await sql`insert into staff_roles (staff_id, agency_id, role) values (${id}, ${r.agencyId}, ${r.role})`;
  }
  return id;
}

export async function getStaffProfile(sql: Sql, { staffId }: { staffId: string }): Promise<StaffProfile | null> {
  const rows = await sql<
    { id: string; email: string; full_name: string; role: StaffRole | null; agency_id: string | null; agency_name: string | null; agency_code: string | null }[]
  >`
    select s.id, s.email, s.full_name, r.role, a.id as agency_id, a.name as agency_name, a.code as agency_code
    from staff s
    left join staff_roles r on r.staff_id = s.id
    left join agencies a on a.id = r.agency_id
    where s.id = ${staffId} and s.active
    order by r.role`;
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.id,
    email: first.email,
    fullName: first.full_name,
    roles: rows
      .filter((r) => r.role && r.agency_id)
      .map((r) => ({ role: r.role!, agencyId: r.agency_id!, agencyName: r.agency_name!, agencyCode: r.agency_code! })),
  };
}

/**
 * `step` "signed-in": `token` is a session's. Otherwise the password was right and a second step is to go
 * ("verify": the code; "set-up": the first set-up): `token` is then that step's challenge, for its own
 * cookie (CHALLENGE_COOKIE), and opens no session.
 */
export type SignInResult =
  | { ok: true; step: "signed-in" | ChallengePurpose; token: string; expiresAt: Date; staffId: string }
  | { ok: false; reason: "bad-credentials" }
  | RateLimited;

type SessionMeta = { ip: string | null; userAgent: string | null; requestId?: string; locale: Locale };

/**
 * The end of a staff sign-in (after the password, and the second factor where there is one): a session,
 * the audit entry and the sign-in alert e-mail, in the caller's transaction.
 */
export async function openStaffSession(tx: Sql, staffId: string, meta: SessionMeta) {
  const session = await createSession(tx, { staffId }, { ip: meta.ip, userAgent: meta.userAgent });
  await tx`update staff set last_sign_in_at = now() where id = ${staffId}`;
  await audit(tx, { actorType: "staff", actorId: staffId, action: "staff.sign_in", ip: meta.ip, requestId: meta.requestId });
  await enqueue(tx, "send_sign_in_alert", { staffId, at: new Date().toISOString(), ip: meta.ip ?? "?", locale: meta.locale });
  return { token: session.token, expiresAt: session.expiresAt, staffId };
}

/**
 * Checks a staff member's password. Someone with a second factor then gets a challenge for the code
 * step; someone without one gets a challenge for the set-up when `secondFactor` is "required", and a
 * session straight away when it is "optional" (development and the demo accounts; the default here, the
 * routes pass STAFF_SECOND_FACTOR). Every attempt is audited; a session comes with the sign-in alert
 * e-mail queued in the same transaction.
 *
 * Only failures count (docs/decisions/042-rate-limits.md): per account, a few free tries then a wait that
 * doubles up to RATE_LIMIT_MAX_DELAY_SECONDS, so nobody can lock a colleague out for longer than that; per
 * client address, a longer one. The right password resets the account's count.
 */
export async function signInStaff(
  sql: Pool,
  input: SessionMeta & {
    email: string;
    password: string;
    limits?: RateLimitSettings;
    secondFactor?: SecondFactorPolicy;
  },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const policy = policies(input.limits ?? DEFAULT_RATE_LIMITS);
  const taken = await take(sql, [
    { key: `staff-sign-in:account:${email}`, policy: policy.subject, onSuccess: "reset" },
    { key: clientKey("staff-sign-in", input.ip), policy: policy.client, onSuccess: "refund" },
  ]);
  if (!taken.ok) {
    await audit(sql, {
      actorType: "anonymous",
      action: "staff.sign_in.rate_limited",
      ip: input.ip,
      requestId: input.requestId,
      details: { email, retryAfterSeconds: taken.retryAfterSeconds },
    });
    return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  }

  const [staff] = await sql<{ id: string; password_hash: string }[]>`
    select id, password_hash from staff where lower(email) = ${email} and active`;
  const valid = await verifyPassword(staff?.password_hash ?? null, input.password);
  if (!staff || !valid) {
    await audit(sql, {
      actorType: "anonymous",
      actorId: staff?.id ?? null,
      action: "staff.sign_in.failed",
      ip: input.ip,
      requestId: input.requestId,
      details: { email },
    });
    return { ok: false, reason: "bad-credentials" };
  }

  const next: ChallengePurpose | null = (await hasSecondFactor(sql, staff.id))
    ? "verify"
    : (input.secondFactor ?? "optional") === "required"
      ? "set-up"
      : null;
  return sql.begin(async (tx) => {
    await settle(tx, taken.ticket);
    if (next) {
      const challenge = await createChallenge(tx, { staffId: staff.id, purpose: next });
      await audit(tx, { actorType: "anonymous", actorId: staff.id, action: "staff.sign_in.password_ok", ip: input.ip, requestId: input.requestId, details: { next } });
      return { ok: true as const, step: next, token: challenge.token, expiresAt: challenge.expiresAt, staffId: staff.id };
    }
    return { ok: true as const, step: "signed-in" as const, ...(await openStaffSession(tx, staff.id, input)) };
  });
}
