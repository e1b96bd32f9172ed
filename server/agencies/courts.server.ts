import crypto from "node:crypto";
import type postgres from "postgres";
import type { Sql } from "../db";
import { audit } from "../audit";

export type Court = { code: string; name: string; agencyId: string | null; agencyName: string | null };

/**
 * The active courts, in the administrator's order. `receivingOnly`: only those mapped to an active
 * office (the filing journey's list: a court without an office is simply not offered there); otherwise
 * every active court (the accountant's notice form, where a court may still be unmapped).
 */
export async function listCourts(sql: Sql, { receivingOnly = false }: { receivingOnly?: boolean } = {}): Promise<Court[]> {
  const rows = await sql<{ code: string; name: string; agency_id: string | null; agency_name: string | null }[]>`
    select c.code, c.name, a.id as agency_id, a.name as agency_name
    from courts c left join agencies a on a.id = c.agency_id and a.active
    where c.active ${receivingOnly ? sql`and a.id is not null` : sql``}
    order by c.sort_order, c.name`;
  return rows.map((r) => ({ code: r.code, name: r.name, agencyId: r.agency_id, agencyName: r.agency_name }));
}

/** The court by code and the office that enforces its judgments (the competent office), or null. */
export async function findCourt(sql: Sql, { code }: { code: string }) {
  const [row] = await sql<
    { id: string; code: string; name: string; agency_id: string; agency_name: string; agency_address: string | null; agency_phone: string | null }[]
  >`
    select c.id, c.code, c.name, a.id as agency_id, a.name as agency_name, a.address as agency_address, a.phone as agency_phone
    from courts c join agencies a on a.id = c.agency_id
    where c.code = ${code} and c.active and a.active`;
  return row ?? null;
}

type CourtSeed = { code: string; name: string; level: "supreme" | "high" | "province" | "regional"; agencyCode: string };

/**
 * Demo courts after the 2025 reorganisation, each routed to the office that enforces its judgments:
 * provincial courts and the high courts to the provincial THADS, regional courts to the regional office.
 */
export const DEMO_COURTS: CourtSeed[] = [
  { code: "TANDCC-HN", name: "Tòa án nhân dân cấp cao tại Hà Nội", level: "high", agencyCode: "HNI" },
  { code: "TANDCC-DN", name: "Tòa án nhân dân cấp cao tại Đà Nẵng", level: "high", agencyCode: "DNG" },
  { code: "TANDCC-HCM", name: "Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh", level: "high", agencyCode: "HCM" },
  { code: "TAND-HNI", name: "Tòa án nhân dân thành phố Hà Nội", level: "province", agencyCode: "HNI" },
  { code: "TAND-HNI-KV01", name: "Tòa án nhân dân khu vực 1 – Hà Nội", level: "regional", agencyCode: "HNI-KV01" },
  { code: "TAND-HNI-KV02", name: "Tòa án nhân dân khu vực 2 – Hà Nội", level: "regional", agencyCode: "HNI-KV02" },
  { code: "TAND-HCM", name: "Tòa án nhân dân Thành phố Hồ Chí Minh", level: "province", agencyCode: "HCM" },
  { code: "TAND-HCM-KV01", name: "Tòa án nhân dân khu vực 1 – Thành phố Hồ Chí Minh", level: "regional", agencyCode: "HCM-KV01" },
  { code: "TAND-HCM-KV02", name: "Tòa án nhân dân khu vực 2 – Thành phố Hồ Chí Minh", level: "regional", agencyCode: "HCM-KV02" },
  { code: "TAND-NAN", name: "Tòa án nhân dân tỉnh Nghệ An", level: "province", agencyCode: "NAN" },
  { code: "TAND-NAN-KV01", name: "Tòa án nhân dân khu vực 1 – Nghệ An", level: "regional", agencyCode: "NAN-KV01" },
  { code: "TAND-NAN-KV02", name: "Tòa án nhân dân khu vực 2 – Nghệ An", level: "regional", agencyCode: "NAN-KV02" },
  { code: "TAND-DNG", name: "Tòa án nhân dân thành phố Đà Nẵng", level: "province", agencyCode: "DNG" },
  { code: "TAND-DNG-KV01", name: "Tòa án nhân dân khu vực 1 – Đà Nẵng", level: "regional", agencyCode: "DNG-KV01" },
  { code: "TAND-DNG-KV02", name: "Tòa án nhân dân khu vực 2 – Đà Nẵng", level: "regional", agencyCode: "DNG-KV02" },
];

/** Idempotent; courts whose office is missing from the tree are skipped. */
export async function seedDemoCourts(sql: Sql): Promise<void> {
  let order = 0;
  for (const c of DEMO_COURTS) {
    order += 10;
    await sql`
      insert into courts (code, name, level, agency_id, sort_order)
      select ${c.code}, ${c.name}, ${c.level}, a.id, ${order} from agencies a where a.code = ${c.agencyCode}
      on conflict (code) do update set name = excluded.name, level = excluded.level, agency_id = excluded.agency_id,
        sort_order = excluded.sort_order`;
  }
}

/** An active court's id by its code (any case), or null. */
export async function courtIdByCode(sql: Sql, code: string): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`select id from courts where code = ${code.toUpperCase()} and active`;
  return row?.id ?? null;
}

/** The active courts by code, for validating many rows at once (the notice CSV import). */
export async function courtIdsByCode(sql: Sql): Promise<Map<string, string>> {
  return new Map((await sql<{ id: string; code: string }[]>`select id, code from courts where active`).map((c) => [c.code, c.id]));
}

/** An active collecting office (a district-level agency) by its code, or null. */
export async function agencyIdByCode(sql: Sql, code: string): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`select id from agencies where code = ${code} and active and level = 'district'`;
  return row?.id ?? null;
}

// ---- Courts' API keys ---------------------------------------------------------------------------------

export function hashApiKey(key: string): Buffer {
  return crypto.createHash("sha256").update(key, "utf8").digest();
}

/** Issues a new key for a court (replacing any earlier one); the key is returned once, only its hash kept. */
export async function issueCourtKey(sql: Sql, { courtId }: { courtId: string }): Promise<string> {
  const key = `tak_${crypto.randomBytes(24).toString("base64url")}`;
  await sql`update courts set api_key_hash = ${hashApiKey(key)}, api_key_issued_at = now() where id = ${courtId}`;
  return key;
}

/** Revokes the court's key: the next API call with it is refused (nothing is cached). */
export async function revokeCourtKey(sql: Sql, { courtId }: { courtId: string }): Promise<boolean> {
  const rows = await sql`update courts set api_key_hash = null, api_key_issued_at = null where id = ${courtId} and api_key_hash is not null returning id`;
  return rows.length > 0;
}

/** The active court whose key this is (by its SHA-256), or null. Looked up on every call. */
export async function courtByApiKey(sql: Sql, key: string | null | undefined): Promise<{ id: string; code: string; name: string } | null> {
  if (!key || key.length < 20 || key.length > 200) return null;
  const [row] = await sql<{ id: string; code: string; name: string }[]>`
    select id, code, name from courts where api_key_hash = ${hashApiKey(key)} and active`;
  return row ?? null;
}

// ---- Administration: courts, the office receiving their judgments, their keys ------------------------

export type CourtAdminRow = {
  id: string;
  code: string;
  name: string;
  active: boolean;
  agencyId: string | null;
  agencyName: string | null;
  hasKey: boolean;
  keyIssuedAt: Date | null;
};

export async function listCourtsForAdmin(sql: Sql): Promise<CourtAdminRow[]> {
  const rows = await sql<{ id: string; code: string; name: string; active: boolean; agency_id: string | null; agency_name: string | null; has_key: boolean; api_key_issued_at: Date | null }[]>`
    select c.id, c.code, c.name, c.active, c.agency_id, a.name as agency_name, c.api_key_hash is not null as has_key, c.api_key_issued_at
    from courts c left join agencies a on a.id = c.agency_id order by c.sort_order, c.name`;
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, active: r.active, agencyId: r.agency_id, agencyName: r.agency_name, hasKey: r.has_key, keyIssuedAt: r.api_key_issued_at,
  }));
}

export async function getCourtForAdmin(sql: Sql, id: string): Promise<CourtAdminRow | null> {
  return (await listCourtsForAdmin(sql)).find((c) => c.id === id) ?? null;
}

type AdminActor = { staffId: string; ip: string | null; requestId: string | null };
export type CourtResult = { ok: true; id: string } | { ok: false; field: string; error: string };

async function activeAgency(sql: Sql, id: string | null): Promise<boolean> {
  if (!id) return true;
  const [row] = await sql`select 1 from agencies where id = ${id} and active`;
  return Boolean(row);
}

export async function createCourt(
  sql: postgres.Sql,
  input: { code: string; name: string; agencyId: string | null },
  actor: AdminActor,
): Promise<CourtResult> {
  return sql.begin(async (tx) => {
    if (!(await activeAgency(tx, input.agencyId))) return { ok: false as const, field: "agencyId", error: "admin.errors.agencyRequired" };
    const rows = await tx<{ id: string }[]>`
      insert into courts (code, name, agency_id, sort_order)
      values (${input.code}, ${input.name}, ${input.agencyId}, (select coalesce(max(sort_order), 0) + 10 from courts))
      on conflict (code) do nothing returning id`;
    if (!rows[0]) return { ok: false as const, field: "code", error: "admin.errors.codeTaken" };
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: input.agencyId, action: "court.create", targetType: "court", targetId: rows[0].id,
      ip: actor.ip, requestId: actor.requestId, details: { code: input.code, name: input.name },
    });
    return { ok: true as const, id: rows[0].id };
  });
}

/** Which office receives (enforces) the court's judgments; null: none (the court is not offered in filing). */
export async function mapCourt(sql: postgres.Sql, input: { courtId: string; agencyId: string | null }, actor: AdminActor): Promise<CourtResult> {
  return sql.begin(async (tx) => {
    if (!(await activeAgency(tx, input.agencyId))) return { ok: false as const, field: "agencyId", error: "admin.errors.agencyRequired" };
    const [before] = await tx<{ agency_id: string | null }[]>`select agency_id from courts where id = ${input.courtId} for update`;
    if (!before) return { ok: false as const, field: "agencyId", error: "admin.errors.notFound" };
    await tx`update courts set agency_id = ${input.agencyId} where id = ${input.courtId}`;
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, agencyId: input.agencyId, action: "court.map", targetType: "court", targetId: input.courtId,
      ip: actor.ip, requestId: actor.requestId, details: { from: before.agency_id, to: input.agencyId },
    });
    return { ok: true as const, id: input.courtId };
  });
}

/** A new key for the court (the old one stops at once); returned to show once. Audited (never the key). */
export async function issueCourtKeyByAdmin(sql: postgres.Sql, { courtId }: { courtId: string }, actor: AdminActor): Promise<string | null> {
  return sql.begin(async (tx) => {
    const [court] = await tx<{ code: string }[]>`select code from courts where id = ${courtId} and active for update`;
    if (!court) return null;
    const key = await issueCourtKey(tx, { courtId });
    await audit(tx, {
      actorType: "staff", actorId: actor.staffId, action: "court.api_key.issue", targetType: "court", targetId: courtId,
      ip: actor.ip, requestId: actor.requestId, details: { code: court.code },
    });
    return key;
  });
}

export async function revokeCourtKeyByAdmin(sql: postgres.Sql, { courtId }: { courtId: string }, actor: AdminActor): Promise<boolean> {
  return sql.begin(async (tx) => {
    const revoked = await revokeCourtKey(tx, { courtId });
    if (revoked) {
      await audit(tx, {
        actorType: "staff", actorId: actor.staffId, action: "court.api_key.revoke", targetType: "court", targetId: courtId,
        ip: actor.ip, requestId: actor.requestId,
      });
    }
    return revoked;
  });
}
