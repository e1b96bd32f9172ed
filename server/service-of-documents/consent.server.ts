import type { Pool, Sql } from "../db";
import { audit } from "../audit";

/**
 * The party's consent to electronic service on one case (Decree 62/2015 art. 12 as amended: a document is
 * served electronically only on a party who agreed to it). One live consent per case; withdrawing ends it,
 * giving it again is a new row. Every change is audited. The caller has proved the party: their account
 * owns the case (`proved_by` account) or they typed the case's lookup pair (`lookup`).
 */
export type ConsentParty = { caseId: string; citizenId: string | null; provedBy: "account" | "lookup" };
export type LiveConsent = { id: number; email: string; givenAt: Date; citizenId: string | null };

export async function liveConsent(sql: Sql, caseId: string): Promise<LiveConsent | null> {
  const [c] = await sql<{ id: string; email: string; given_at: Date; citizen_id: string | null }[]>`
    select id, email, given_at, citizen_id from case_service_consents where case_id = ${caseId} and withdrawn_at is null`;
  return c ? { id: Number(c.id), email: c.email, givenAt: c.given_at, citizenId: c.citizen_id } : null;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
export const isServiceEmail = (s: string) => s.length <= 320 && EMAIL.test(s);

/** Gives consent (no-op returning the live one when already given). `email` is where the notices go. */
export async function giveConsent(
  sql: Pool,
  party: ConsentParty & { email: string; ip?: string | null; requestId?: string | null; at?: Date },
): Promise<{ ok: true; consent: LiveConsent } | { ok: false; reason: "invalid-email" | "not-found" }> {
  const email = party.email.trim();
  if (!isServiceEmail(email)) return { ok: false, reason: "invalid-email" };
  return sql.begin(async (tx) => {
    const [c] = await tx<{ id: string; agency_id: string }[]>`select id, agency_id from cases where id = ${party.caseId} for update`;
    if (!c) return { ok: false as const, reason: "not-found" as const };
    const live = await liveConsent(tx, c.id);
    if (live) return { ok: true as const, consent: live };
    const at = party.at ?? new Date();
    const [row] = await tx<{ id: string }[]>`
      insert into case_service_consents (case_id, citizen_id, proved_by, email, given_at)
      values (${c.id}, ${party.citizenId}, ${party.provedBy}, ${email}, ${at}) returning id`;
    await audit(tx, {
      actorType: party.citizenId ? "citizen" : "anonymous",
      actorId: party.citizenId,
      agencyId: c.agency_id,
      action: "service.consent-given",
      targetType: "case",
      targetId: c.id,
      ip: party.ip ?? null,
      requestId: party.requestId ?? null,
      details: { consentId: Number(row!.id), provedBy: party.provedBy, channel: "email" },
    });
    return { ok: true as const, consent: { id: Number(row!.id), email, givenAt: at, citizenId: party.citizenId } };
  }) as Promise<{ ok: true; consent: LiveConsent } | { ok: false; reason: "invalid-email" | "not-found" }>;
}

/** Withdraws the live consent; false when there was none. Documents already served stay served. */
export async function withdrawConsent(sql: Pool, party: ConsentParty & { ip?: string | null; requestId?: string | null; at?: Date }): Promise<boolean> {
  return sql.begin(async (tx) => {
    const [c] = await tx<{ id: string; agency_id: string }[]>`select id, agency_id from cases where id = ${party.caseId} for update`;
    if (!c) return false;
    const [row] = await tx<{ id: string }[]>`
      update case_service_consents set withdrawn_at = ${party.at ?? new Date()}
      where case_id = ${c.id} and withdrawn_at is null returning id`;
    if (!row) return false;
    await audit(tx, {
      actorType: party.citizenId ? "citizen" : "anonymous",
      actorId: party.citizenId,
      agencyId: c.agency_id,
      action: "service.consent-withdrawn",
      targetType: "case",
      targetId: c.id,
      ip: party.ip ?? null,
      requestId: party.requestId ?? null,
      details: { consentId: Number(row.id), provedBy: party.provedBy },
    });
    return true;
  }) as Promise<boolean>;
}
