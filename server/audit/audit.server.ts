import type { Sql } from "../db";

export type AuditEntry = {
  actorType: "staff" | "citizen" | "system" | "anonymous" | "api_key";
  actorId?: string | null;
  agencyId?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Appends one entry to the audit log. The table refuses updates, deletes and truncation (triggers
 * audit_log_no_update and audit_log_no_truncate, server/audit/rules.sql).
 */
export async function audit(sql: Sql, e: AuditEntry): Promise<void> {
  await sql`
    insert into audit_log (actor_type, actor_id, agency_id, action, target_type, target_id, ip, request_id, details)
    values (${e.actorType}, ${e.actorId ?? null}, ${e.agencyId ?? null}, ${e.action}, ${e.targetType ?? null},
            ${e.targetId ?? null}, ${e.ip ?? null}, ${e.requestId ?? null}, ${sql.json((e.details ?? {}) as never)})`;
}
