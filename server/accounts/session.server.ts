import crypto from "node:crypto";
import type { Sql } from "../db";

export const SESSION_COOKIE = "thads_session";
export const SESSION_TTL_SECONDS = 8 * 60 * 60; // a working day; staff sign in again each morning

export type SessionSubject = { staffId: string } | { citizenId: string };

function digest(token: string): Buffer {
  return crypto.createHash("sha256").update(token).digest();
}

/** Creates a session and returns the random token that goes into the cookie (never stored as is). */
export async function createSession(
  sql: Sql,
  subject: SessionSubject,
  meta: { ip?: string | null; userAgent?: string | null; ttlSeconds?: number } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const ttl = meta.ttlSeconds ?? SESSION_TTL_SECONDS;
  const rows = await sql<{ expires_at: Date }[]>`
    insert into sessions (id_hash, staff_id, citizen_id, expires_at, ip, user_agent)
    values (${digest(token)}, ${"staffId" in subject ? subject.staffId : null},
            ${"citizenId" in subject ? subject.citizenId : null},
            now() + make_interval(secs => ${ttl}), ${meta.ip ?? null}, ${meta.userAgent?.slice(0, 300) ?? null})
    returning expires_at`;
  return { token, expiresAt: rows[0]!.expires_at };
}

export type SessionRow = { staff_id: string | null; citizen_id: string | null; expires_at: Date };

/** The live session behind a token, or null (unknown, expired or revoked). */
export async function findSession(sql: Sql, token: string | undefined | null): Promise<SessionRow | null> {
  if (!token || token.length > 100) return null;
  const rows = await sql<SessionRow[]>`
    update sessions set last_seen_at = now()
    where id_hash = ${digest(token)} and revoked_at is null and expires_at > now()
    returning staff_id, citizen_id, expires_at`;
  return rows[0] ?? null;
}

export async function revokeSession(sql: Sql, token: string): Promise<void> {
  await sql`update sessions set revoked_at = now() where id_hash = ${digest(token)} and revoked_at is null`;
}

/** "Sign out everywhere". */
export async function revokeAllSessions(sql: Sql, subject: SessionSubject): Promise<number> {
  const r =
    "staffId" in subject
      ? await sql`update sessions set revoked_at = now() where staff_id = ${subject.staffId} and revoked_at is null`
      : await sql`update sessions set revoked_at = now() where citizen_id = ${subject.citizenId} and revoked_at is null`;
  return r.count;
}

/** Pushes a live session's end `ttlSeconds` from now (the "extend my session" button); null when it is gone. */
export async function extendSession(sql: Sql, token: string | null | undefined, ttlSeconds: number): Promise<SessionRow | null> {
  if (!token || token.length > 100) return null;
  const rows = await sql<SessionRow[]>`
    update sessions set expires_at = greatest(expires_at, now() + make_interval(secs => ${ttlSeconds})), last_seen_at = now()
    where id_hash = ${digest(token)} and revoked_at is null and expires_at > now()
    returning staff_id, citizen_id, expires_at`;
  return rows[0] ?? null;
}
