import crypto from "node:crypto";
import type { Pool, Sql } from "../db";
import { audit } from "../audit";

/**
 * API keys of an organisation (docs/decisions/070): shown once as `thads_<prefix>_<secret>`; only the prefix
 * (to find the row) and the SHA-256 of the whole key are stored. Revoked at once: `authenticateApiKey` reads
 * `revoked_at` on every call, nothing is cached beyond the request.
 */
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
export const KEY_PATTERN = /^thads_([a-z0-9]{10})_([a-z2-7]{52})$/;

/** n random bytes in lower-case base32 (RFC 4648 alphabet, no padding). */
function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A new key: 10 characters of prefix (50 bits, only to find it) and 32 random bytes of secret (256 bits). */
export function newApiKey(): { key: string; prefix: string; hash: Buffer } {
  const prefix = base32(crypto.randomBytes(7)).slice(0, 10);
  const secret = base32(crypto.randomBytes(32)); // 52 characters
  const key = `thads_${prefix}_${secret}`;
  return { key, prefix, hash: keyHash(key) };
}

export const keyHash = (key: string) => crypto.createHash("sha256").update(key, "utf8").digest();

const DUMMY = keyHash("thads_dummy");

export type ApiCaller = { keyId: string; organisationId: string; name: string };

/**
 * The key of an `Authorization: Bearer …` value, or null — the same null for a missing, malformed, unknown,
 * wrong or revoked key (one indexed query by prefix, one constant-time comparison whatever happened).
 */
export async function authenticateApiKey(sql: Sql, header: string | undefined): Promise<ApiCaller | null> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1] ?? "";
  const m = KEY_PATTERN.exec(token);
  const typed = keyHash(token);
  if (!m) {
    crypto.timingSafeEqual(typed, DUMMY);
    return null;
  }
  const [row] = await sql<{ id: string; organisation_id: string; name: string; secret_hash: Buffer; revoked_at: Date | null }[]>`
    select id, organisation_id, name, secret_hash, revoked_at from api_keys where prefix = ${m[1]!}`;
  const stored = row && row.secret_hash.length === typed.length ? row.secret_hash : DUMMY;
  const same = crypto.timingSafeEqual(typed, stored);
  if (!row || !same || row.revoked_at) return null;
  return { keyId: row.id, organisationId: row.organisation_id, name: row.name };
}

export type ApiKeyItem = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** The organisation's keys, newest first (never their secrets: only the prefix is kept readable). */
export async function listApiKeys(sql: Sql, { organisationId }: { organisationId: string }): Promise<ApiKeyItem[]> {
  const rows = await sql<{ id: string; name: string; prefix: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }[]>`
    select id, name, prefix, created_at, last_used_at, revoked_at from api_keys
    where organisation_id = ${organisationId} order by created_at desc, id`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

type Actor = { citizenId: string; ip?: string | null; requestId?: string | null };

/** Creates a key; the returned `key` is the only time anyone sees it. Audited. */
export async function createApiKey(sql: Pool, { organisationId, name, actor }: { organisationId: string; name: string; actor: Actor }) {
  const { key, prefix, hash } = newApiKey();
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into api_keys (organisation_id, name, prefix, secret_hash, created_by)
      values (${organisationId}, ${name}, ${prefix}, ${hash}, ${actor.citizenId}) returning id`;
    await audit(tx, {
      actorType: "citizen",
      actorId: actor.citizenId,
      action: "api_key.create",
      targetType: "api_key",
      targetId: row!.id,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      details: { organisationId, name, prefix },
    });
    return { id: row!.id, key, prefix };
  });
}

/** Revokes one of the organisation's keys (another organisation's key id: false, nothing changes). Audited. */
export async function revokeApiKey(sql: Pool, { organisationId, keyId, actor }: { organisationId: string; keyId: string; actor: Actor }): Promise<boolean> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: string; prefix: string }[]>`
      update api_keys set revoked_at = now(), revoked_by = ${actor.citizenId}
      where id = ${keyId} and organisation_id = ${organisationId} and revoked_at is null returning id, prefix`;
    if (!row) return false;
    await audit(tx, {
      actorType: "citizen",
      actorId: actor.citizenId,
      action: "api_key.revoke",
      targetType: "api_key",
      targetId: row.id,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      details: { organisationId, prefix: row.prefix },
    });
    return true;
  });
}
