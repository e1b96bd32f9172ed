import type { Pool, Sql } from "../db";
import { isUuid } from "../../vocabulary/identity";
import { audit } from "../audit";
import { idNumberDigest } from "../http";
import { actsAt, scopedAgencies } from "../agencies";
import type { StaffRole } from "../accounts";
import { notifiesParties, type CaseActor, type CaseEventDef, type CaseType } from "./definition";
import { caseTypeById } from "./registry";
import { searchTextOf } from "./search";
import { endClocks, refreshNextDue, resumeClocks, startClocks, stopClocks } from "./clocks.server";

/**
 * The one workflow engine (docs/decisions/058-case-types-as-data.md): it opens a case for a submission and
 * fires the events its case type defines, for every procedure. A fired event is, in ONE transaction: the
 * case row locked, the scope and role checked in SQL, the state and version checked, the input validated by
 * the event's schema, the effects (case number, officer, office), the state and version updated, one
 * case_events row, one audit entry, one timeline entry when public, the clock changes (server/deadlines)
 * and the jobs it owes (job_outbox). A refused event writes nothing.
 */

export type OpenCaseInput = {
  caseType: CaseType | string;
  submissionId: string;
  reference: string;
  agencyId: string;
  applicantName: string;
  otherPartyName?: string | null;
  /** Searchable parts besides the reference and names: ID numbers, … (normalised here). */
  searchParts?: readonly (string | null | undefined)[];
  receivedAt: Date;
  /**
   * The lookup pair's code as the procedure stores it (SHA-256, `accessCodeHash` of server/filing), the party's
   * account, address and language (ADR 065): the lookup, My cases and the e-mails read them from the case.
   */
  accessCodeHash?: Buffer | null;
  citizenId?: string | null;
  applicantEmail?: string | null;
  locale?: "vi" | "en";
  /**
   * The filing party's citizen ID number (CCCD), when a person filed it: only its digest is kept
   * (cases.applicant_id_digest, ADR 067), so a sign-in with the national e-ID vouching for it joins the case.
   */
  applicantIdNumber?: string | null;
  /** Who filed it (the opening event's actor): a citizen (null when signed out) by default. */
  actor?: CaseActor;
  ip?: string | null;
  requestId?: string | null;
};

export type OpenedCase = { caseId: string; eventId: number };

/**
 * Opens the case of a submission inside the caller's transaction (the filing submit): the case in its
 * type's initial state, the clocks that start at receipt, event seq 1 `received` (public, with its timeline
 * entry) and its audit entry.
 */
export async function openCase(tx: Sql, input: OpenCaseInput): Promise<OpenedCase> {
  const type = typeof input.caseType === "string" ? caseTypeById(input.caseType) : input.caseType;
  const actor = input.actor ?? { type: "citizen", citizenId: null };
  const searchText = searchTextOf([input.reference, input.applicantName, input.otherPartyName, ...(input.searchParts ?? [])]);
  const [row] = await tx<{ id: string }[]>`
    insert into cases (case_type, submission_id, reference, agency_id, state, applicant_name, other_party_name,
      search_text, received_at, updated_at, access_code_hash, citizen_id, applicant_email, locale, applicant_id_digest)
    values (${type.id}, ${input.submissionId}, ${input.reference}, ${input.agencyId}, ${type.initial}, ${input.applicantName},
      ${input.otherPartyName ?? null}, ${searchText}, ${input.receivedAt}, ${input.receivedAt}, ${input.accessCodeHash ?? null},
      ${input.citizenId ?? null}, ${input.applicantEmail ?? null}, ${input.locale ?? "vi"}, ${idNumberDigest(input.applicantIdNumber)})
    returning id`;
  const caseId = row!.id;
  await startClocks(tx, { caseId, type, clocks: type.startClocks ?? [], at: input.receivedAt });
  await refreshNextDue(tx, caseId);
  const [event] = await tx<{ id: number }[]>`
    insert into case_events (case_id, seq, event, from_state, to_state, actor_type, actor_id, fields, public, at)
    values (${caseId}, 1, 'received', null, ${type.initial}, ${actor.type}, ${actorId(actor)}, '{}'::jsonb, true, ${input.receivedAt})
    returning id`;
  await tx`insert into case_timeline (case_id, event_id, event, at, details) values (${caseId}, ${event!.id}, 'received', ${input.receivedAt}, '{}'::jsonb)`;
  await audit(tx, {
    actorType: actor.type === "citizen" && !actor.citizenId ? "anonymous" : actor.type,
    actorId: actorId(actor),
    agencyId: input.agencyId,
    action: "case.received",
    targetType: "case",
    targetId: caseId,
    ip: input.ip ?? null,
    requestId: input.requestId ?? null,
    details: { caseType: type.id, from: null, to: type.initial, seq: 1, reference: input.reference },
  });
  return { caseId, eventId: event!.id };
}

export type FireEventInput = {
  caseId: string;
  event: string;
  actor: CaseActor;
  /** The event's fields as the form (or a caller) sent them: validated by the event's schema. */
  input: Record<string, unknown>;
  /** The version the actor saw: another event in between → conflict, nothing written. */
  expectedVersion?: number | string | null;
  ip?: string | null;
  requestId?: string | null;
  /** The moment of the event (tests; default now). */
  at?: Date;
};

export type RefusalReason = "not-found" | "forbidden" | "illegal" | "invalid" | "conflict";

export type FireEventResult =
  | { ok: true; state: string; seq: number; eventId: number; version: number; fields: Record<string, unknown> }
  | {
      ok: false;
      reason: RefusalReason;
      /** field → i18n keys (reason invalid). */
      errors?: Record<string, string[]>;
      /** The case's state when refused (illegal: "… because the case is …"). */
      state?: string;
    };

type LockedCase = {
  id: string;
  case_type: string;
  state: string;
  agency_id: string;
  officer_id: string | null;
  case_number: string | null;
  received_at: Date;
  version: number;
};

const actorId = (a: CaseActor): string | null => (a.type === "staff" ? a.staffId : a.type === "citizen" ? a.citizenId : null);

/**
 * What an event also does beyond its own case, in the same transaction (ADR 082): e.g. a granted change of
 * officer reassigns the related enforcement case through that case's own event. It runs after every check of
 * the event and before anything of it is written; a refusal refuses the event, and the fields it returns join
 * the event's fields. Registered by the domain that owns the case type (server side), so every door that
 * fires the event (the staff event page, an API, a test) does the same.
 */
export type EventCascade = (
  tx: Sql,
  ctx: { caseId: string; fields: Record<string, unknown>; actor: CaseActor; at: Date; ip: string | null; requestId: string | null },
) => Promise<{ ok: true; fields?: Record<string, unknown> } | Extract<FireEventResult, { ok: false }>>;

const CASCADES = new Map<string, EventCascade>();

export function registerEventCascade(caseType: string, event: string, cascade: EventCascade): void {
  CASCADES.set(`${caseType}:${event}`, cascade);
}

/** Fires an event in its own transaction. */
export async function fireEvent(sql: Pool, input: FireEventInput): Promise<FireEventResult> {
  return sql.begin((tx) => fireEventIn(tx, input)) as Promise<FireEventResult>;
}

/**
 * Fires an event inside the caller's transaction (e.g. the citizen's answer stored with its files). The
 * case row is locked first, so two events on one case run one after the other and the second sees the first.
 */
export async function fireEventIn(tx: Sql, input: FireEventInput): Promise<FireEventResult> {
  const at = input.at ?? new Date();
  if (!isUuid(input.caseId)) return { ok: false, reason: "not-found" };
  const [row] = await tx<LockedCase[]>`
    select id, case_type, state, agency_id, officer_id, case_number, received_at, version
    from cases where id = ${input.caseId} for update`;
  if (!row) return { ok: false, reason: "not-found" };
  const type = caseTypeById(row.case_type);
  const { actor } = input;
  if (actor.type === "staff" && !(await actsAt(tx, { staffId: actor.staffId, agencyId: row.agency_id, roles: type.viewers }))) {
    return { ok: false, reason: "not-found" };
  }
  const def = (type.events as Record<string, CaseEventDef | undefined>)[input.event];
  if (!def || !Object.hasOwn(type.events, input.event)) return { ok: false, reason: "illegal", state: row.state };
  if (!(await mayFire(tx, type, def, row, actor))) return { ok: false, reason: "forbidden", state: row.state };
  // (a form posts the version as text: "3" is version 3; anything unreadable is stale)
  if (input.expectedVersion !== undefined && input.expectedVersion !== null && Number(input.expectedVersion) !== row.version) {
    return { ok: false, reason: "conflict", state: row.state };
  }
  if (!def.from.includes(row.state)) return { ok: false, reason: "illegal", state: row.state };

  const parsed = def.schema.safeParse(input.input ?? {});
  if (!parsed.success) return { ok: false, reason: "invalid", errors: issuesByField(parsed.error.issues), state: row.state };
  const fields: Record<string, unknown> = { ...parsed.data };
  const checked = def.check?.(fields, { receivedAt: row.received_at, at });
  if (checked && Object.keys(checked).length) return { ok: false, reason: "invalid", errors: checked, state: row.state };

  // Effects that can refuse are checked before anything is written.
  const effects = def.effects ?? [];
  let officer: { id: string; full_name: string } | null = null;
  let office: { id: string; name: string } | null = null;
  if (effects.includes("setOfficer")) {
    officer = await officerAt(tx, String(fields.officerId), row.agency_id);
    if (!officer) return { ok: false, reason: "invalid", errors: { officerId: ["cases.errors.officerNotAtOffice"] }, state: row.state };
    if (officer.id === row.officer_id) return { ok: false, reason: "invalid", errors: { officerId: ["cases.errors.officerUnchanged"] }, state: row.state };
    fields.officerName = officer.full_name;
  }
  if (effects.includes("moveOffice")) {
    const [target] = await tx<{ id: string; name: string }[]>`
      select id, name from agencies where id = ${String(fields.agencyId)} and active and level <> 'central'`;
    if (!target) return { ok: false, reason: "invalid", errors: { agencyId: ["cases.errors.agencyInvalid"] }, state: row.state };
    if (target.id === row.agency_id) return { ok: false, reason: "invalid", errors: { agencyId: ["cases.errors.agencySame"] }, state: row.state };
    office = target;
    fields.agencyName = target.name;
    fields.fromAgencyId = row.agency_id;
  }
  let caseNumber = row.case_number;
  if (effects.includes("allocateCaseNumber") && !caseNumber) {
    caseNumber = await allocateCaseNumber(tx, row.agency_id, at);
    fields.caseNumber = caseNumber;
  }

  const cascade = CASCADES.get(`${type.id}:${input.event}`);
  if (cascade) {
    const done = await cascade(tx, { caseId: row.id, fields, actor, at, ip: input.ip ?? null, requestId: input.requestId ?? null });
    if (!done.ok) return { ...done, state: done.state ?? row.state };
    Object.assign(fields, done.fields ?? {});
  }

  // Clocks: end, stop, resume, then start (a start restarts a clock that ran before, e.g. after forwarding).
  // Entering a final state ends every clock still running or stopped.
  const final = type.final.includes(def.to);
  const clocks = def.clocks ?? {};
  await endClocks(tx, { caseId: row.id, clocks: final ? Object.keys(type.clocks) : (clocks.end ?? []), at });
  await stopClocks(tx, { caseId: row.id, clocks: clocks.stop ?? [], at });
  await resumeClocks(tx, { caseId: row.id, clocks: clocks.resume ?? [], at });
  if (!final) await startClocks(tx, { caseId: row.id, type, clocks: clocks.start ?? [], at, fields });

  const version = row.version + 1;
  await tx`
    update cases set
      state = ${def.to},
      version = ${version},
      updated_at = ${at},
      closed_at = ${final ? at : null},
      case_number = ${caseNumber},
      officer_id = ${officer ? officer.id : row.officer_id},
      agency_id = ${office ? office.id : row.agency_id},
      -- a case moved to another office is no one's there yet (the holder was staff of the old office)
      assignee_id = ${office ? null : tx`assignee_id`}
    where id = ${row.id}`;
  await refreshNextDue(tx, row.id);
  const [{ seq }] = (await tx<{ seq: number }[]>`select coalesce(max(seq), 0)::int + 1 as seq from case_events where case_id = ${row.id}`) as unknown as [
    { seq: number },
  ];
  const [event] = await tx<{ id: number }[]>`
    insert into case_events (case_id, seq, event, from_state, to_state, actor_type, actor_id, fields, public, at)
    values (${row.id}, ${seq}, ${input.event}, ${row.state}, ${def.to}, ${actor.type}, ${actorId(actor)},
      ${tx.json(fields as never)}, ${def.public}, ${at})
    returning id`;
  const eventId = event!.id;
  if (def.public) {
    const details = Object.fromEntries((def.publicFields ?? []).filter((f) => fields[f] !== undefined).map((f) => [f, fields[f]]));
    await tx`insert into case_timeline (case_id, event_id, event, at, details) values (${row.id}, ${eventId}, ${input.event}, ${at}, ${tx.json(details as never)})`;
  }
  await audit(tx, {
    actorType: actor.type === "citizen" && !actor.citizenId ? "anonymous" : actor.type,
    actorId: actorId(actor),
    agencyId: row.agency_id,
    action: `case.${input.event}`,
    targetType: "case",
    targetId: row.id,
    ip: input.ip ?? null,
    requestId: input.requestId ?? null,
    details: { caseType: type.id, from: row.state, to: def.to, seq, ...(office ? { toAgencyId: office.id } : {}) },
  });
  const jobs: { task: string; payload: Record<string, unknown> }[] = [];
  if (def.handoff) jobs.push({ task: "handoff_record", payload: { caseId: row.id, eventId } });
  // Every public event e-mails the parties unless its definition says `notify: false` (ADR 068).
  if (notifiesParties(def)) jobs.push({ task: "case_notify", payload: { caseId: row.id, eventId } });
  // Every public event: the organisations that follow the case are told (webhooks, ADR 065).
  if (def.public) jobs.push({ task: "case_followers", payload: { caseId: row.id, eventId } });
  if (def.document) jobs.push({ task: "case_document", payload: { caseId: row.id, eventId, document: def.document } });
  // Electronic service (ADR 074): the event's document is served on the consenting party, else left for paper.
  if (def.document && def.serve) jobs.push({ task: "service_auto", payload: { caseId: row.id, eventId } });
  for (const job of jobs) {
    await tx`insert into job_outbox (task, payload, job_key) values (${job.task}, ${tx.json(job.payload as never)}, ${`${job.task}:${eventId}`})`;
  }
  return { ok: true, state: def.to, seq, eventId, version, fields };
}

/** Zod issues → field → i18n keys (the first path segment names the field; "_" for the form as a whole). */
function issuesByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) {
    const field = i.path.length ? String(i.path[0]) : "_";
    (out[field] ??= []).includes(i.message) || out[field]!.push(i.message);
  }
  return out;
}

/** The staff roles of an event that the case type's viewers include. */
export function staffRolesOf(type: CaseType, def: CaseEventDef): StaffRole[] {
  return def.roles.filter((r): r is StaffRole => r !== "citizen" && r !== "system" && (type.viewers as readonly string[]).includes(r));
}

/**
 * May this actor fire this event on this case (state aside)? Staff: one of the event's roles (that the case
 * type lets see cases) at the case's office, in SQL through the one scope; an officerOnly event only by the
 * case's own officer, or by a head of the office. Citizen and system: the event names them (the citizen's
 * right to the case — their link or account — is checked by the caller that identified them).
 */
async function mayFire(tx: Sql, type: CaseType, def: CaseEventDef, row: Pick<LockedCase, "agency_id" | "officer_id">, actor: CaseActor): Promise<boolean> {
  if (actor.type === "citizen") return def.roles.includes("citizen");
  if (actor.type === "system") return def.roles.includes("system");
  const roles = staffRolesOf(type, def);
  if (!roles.length) return false;
  if (!def.officerOnly) return actsAt(tx, { staffId: actor.staffId, agencyId: row.agency_id, roles });
  if (roles.includes("head") && (await actsAt(tx, { staffId: actor.staffId, agencyId: row.agency_id, roles: ["head"] }))) return true;
  const others = roles.filter((r) => r !== "head");
  return row.officer_id === actor.staffId && others.length > 0 && actsAt(tx, { staffId: actor.staffId, agencyId: row.agency_id, roles: others });
}

/** The events of the case's current state this staff member may fire, in definition order. */
export async function availableEvents(sql: Sql, type: CaseType, row: { state: string; agency_id: string; officer_id: string | null }, staffId: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of type.eventsFrom(row.state)) {
    const def = type.events[name]!;
    if (await mayFire(sql, type, def, row, { type: "staff", staffId })) out.push(name);
  }
  return out;
}

/** An active staff member holding the officer role at the case's office (directly, or above it with reach). */
async function officerAt(tx: Sql, officerId: string, agencyId: string) {
  if (!isUuid(officerId)) return null;
  const [s] = await tx<{ id: string; full_name: string }[]>`
    select s.id, s.full_name from staff s
    where s.id = ${officerId} and s.active
      and ${agencyId}::uuid in (${scopedAgencies(tx, officerId, ["officer"])})`;
  return s ?? null;
}

/**
 * The office's next case number for the year of the event (Asia/Ho_Chi_Minh): `<office code>-<year>-<6 digits>`,
 * e.g. HNI-KV01-2026-000042. The counter row is created or incremented in one statement, which takes its row
 * lock until the transaction ends: two acceptances at once get consecutive numbers, never the same one.
 */
export async function allocateCaseNumber(tx: Sql, agencyId: string, at: Date): Promise<string> {
  const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(at));
  const [r] = await tx<{ last_value: number; code: string }[]>`
    with n as (
      insert into case_number_counters as c (agency_id, year, last_value) values (${agencyId}, ${year}, 1)
      on conflict (agency_id, year) do update set last_value = c.last_value + 1
      returning last_value
    )
    select n.last_value, a.code from n, agencies a where a.id = ${agencyId}`;
  return `${r!.code}-${year}-${String(r!.last_value).padStart(6, "0")}`;
}
