// Test-only helpers of the hand-off tests: offices, a case with its events written as the engine writes
// them (cases, case_events), the receiver sandbox mounted on a real Express app on port 0.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { Pool } from "../db";
import { createCaseSystemReceiver, type CaseSystemReceiver } from "./receiver/router";
import type { HandoffOptions } from "./handoff.server";

export const TEST_SECRET = `whsec_${crypto.randomBytes(24).toString("base64")}`;

export const HANDOFF_EVENTS = new Set(["accept", "refuse", "forward", "assignOfficer", "reassignOfficer", "close"]);
export const isHandoffEvent = (_caseType: string, event: string) => HANDOFF_EVENTS.has(event);

export type Offices = { centralId: string; officeId: string; officeCode: string; otherId: string; otherCode: string; courtId: string };

export async function seedOffices(sql: Pool): Promise<Offices> {
  const tag = crypto.randomBytes(3).toString("hex").toUpperCase();
  const [central] = await sql<{ id: string }[]>`insert into agencies (code, name, level) values (${`C${tag}`}, 'Cục Quản lý thi hành án dân sự', 'central') returning id`;
  const [office] = await sql<{ id: string }[]>`insert into agencies (code, name, level, parent_id) values (${`HNI-${tag}`}, 'Phòng Thi hành án dân sự khu vực 1 – Hà Nội', 'district', ${central!.id}) returning id`;
  const [other] = await sql<{ id: string }[]>`insert into agencies (code, name, level, parent_id) values (${`HCM-${tag}`}, 'Phòng Thi hành án dân sự khu vực 1 – TP. Hồ Chí Minh', 'district', ${central!.id}) returning id`;
  const [court] = await sql<{ id: string }[]>`insert into courts (code, name, agency_id) values (${`TAND-${tag}`}, 'Tòa án nhân dân khu vực 1 – Hà Nội', ${office!.id}) returning id`;
  return { centralId: central!.id, officeId: office!.id, officeCode: `HNI-${tag}`, otherId: other!.id, otherCode: `HCM-${tag}`, courtId: court!.id };
}

let refs = 0;

/** A submitted enforcement request and its case (state received, event seq 1 `received`). */
export async function newCase(sql: Pool, o: Offices, { agencyId = o.officeId }: { agencyId?: string } = {}): Promise<{ caseId: string; submissionId: string; reference: string }> {
  const reference = `YC-2026-${String(++refs).padStart(6, "0")}${crypto.randomBytes(2).toString("hex")}`;
  const [r] = await sql<{ id: string }[]>`
    insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, debtor_name, judgment_number, judgment_effective_on, money_amount, answers)
    values (${reference}, ${Buffer.from("x")}, ${agencyId}, ${o.courtId}, 'Nguyễn Văn An', 'Trần Thị Bình', '12/2026/DS-ST', '2026-05-04', 150000000, '{}'::jsonb) returning id`;
  const [c] = await sql<{ id: string }[]>`
    insert into cases (case_type, submission_id, reference, agency_id, state, applicant_name, other_party_name, search_text, received_at)
    values ('enforcement-request', ${r!.id}, ${reference}, ${agencyId}, 'received', 'Nguyễn Văn An', 'Trần Thị Bình', ${reference.toLowerCase()}, now()) returning id`;
  await addEvent(sql, c!.id, { event: "received", from: null, to: "received" });
  return { caseId: c!.id, submissionId: r!.id, reference };
}

/** An event as the engine writes it: the next seq, the case's new state. Returns its id (case_events.id). */
export async function addEvent(sql: Pool, caseId: string, e: { event: string; from: string | null; to: string; fields?: Record<string, unknown> }): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into case_events (case_id, seq, event, from_state, to_state, actor_type, fields, public)
    values (${caseId}, (select coalesce(max(seq), 0) + 1 from case_events where case_id = ${caseId}), ${e.event}, ${e.from}, ${e.to}, 'system',
      ${sql.json((e.fields ?? {}) as never)}, true)
    returning id::text`;
  await sql`update cases set state = ${e.to}, version = version + 1, updated_at = now() where id = ${caseId}`;
  return row!.id;
}

export type ReceiverServer = { base: string; url: string; receiver: CaseSystemReceiver; close: () => Promise<void> };

/** The receiver sandbox on a real HTTP server (port 0), verifying with `secrets`. */
export async function startReceiver(sql: Pool, secrets: string[] = [TEST_SECRET]): Promise<ReceiverServer> {
  const receiver = createCaseSystemReceiver({ sql, secrets });
  const app = express();
  app.use("/sandbox/case-system", receiver.router);
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: `${base}/sandbox/case-system`,
    receiver,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Options for the delivery: every office to the receiver, fast backoff. */
export function fastOptions(url: string, over: Partial<HandoffOptions> = {}): HandoffOptions {
  return { endpoints: { "*": { url, secret: TEST_SECRET } }, maxAttempts: 8, backoffBaseMs: 1, timeoutMs: 2000, isHandoffEvent, ...over };
}
