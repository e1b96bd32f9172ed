import { data, redirect } from "@remix-run/node";
import type { RouteArgs } from "../http";
import { uuidParam } from "../http";
import type { Sql } from "../db";
import { requireStaff } from "../accounts";
import { audit } from "../audit";
import { flushJobOutbox } from "../jobs";
import { documentResponse, findDocument } from "../documents";
import { paths, withQuery } from "../../vocabulary/paths";
import { notifiesParties, type CaseEventDef, type CaseFieldDef, type CaseType } from "./definition";
import { caseTypeById } from "./registry";
import { fireEvent } from "./engine.server";
import { loadCase, type LoadedCase } from "./load.server";
import { caseDocumentKey, issueCaseDocument, listCaseDocuments, type CaseDocumentItem } from "./documents.server";

/**
 * The one event page of every case type (ADR 062): `/staff/cases/:id/:event`. GET renders the event's
 * form from its field definitions, with the case above it and what confirming will do; POST fires the
 * event through the engine (which checks scope, role, state, version and input in one transaction) and
 * goes back to the case page with a notice, or shows the form again with what was typed and each field's
 * message. A case outside the staff member's scope is a 404, whatever the event; an event their role may
 * not fire is a 403 page, one the case's state does not allow a 409 page, never a 500.
 */

const EVENT_NAME = /^[a-zA-Z][a-zA-Z0-9]{0,63}$/;

export type EventEffects = {
  from: string;
  to: string;
  clocks: { end: string[]; stop: string[]; start: string[]; resume: string[] };
  public: boolean;
  notify: boolean;
  document: string | null;
  handoff: boolean;
  effects: string[];
};

export type EventPageCase = Pick<
  LoadedCase["case"],
  "id" | "caseType" | "reference" | "agencyName" | "state" | "caseNumber" | "applicantName" | "otherPartyName" | "receivedAt" | "officerName" | "officerId" | "version"
>;

/** A choice of a `staff` or `agency` field; `group` (the parent office) groups offices in the list. */
export type Choice = { value: string; label: string; group?: string };

export type EventPage =
  | {
      kind: "form";
      case: EventPageCase;
      content: string;
      event: string;
      fields: CaseFieldDef[];
      effects: EventEffects;
      /** Choices of `staff` and `agency` fields, by field name (names from the database). */
      choices: Record<string, Choice[]>;
    }
  | { kind: "refused"; reason: "forbidden" | "illegal" | "unknown"; case: EventPageCase; content: string; event: string };

export type EventFormResult = {
  values: Record<string, string | string[]>;
  /** field → i18n keys; "_" for the form as a whole. */
  errors: Record<string, string[]>;
  formError?: "conflict" | "invalid";
};

function pick(c: LoadedCase["case"]): EventPageCase {
  return {
    id: c.id,
    caseType: c.caseType,
    reference: c.reference,
    agencyName: c.agencyName,
    state: c.state,
    caseNumber: c.caseNumber,
    applicantName: c.applicantName,
    otherPartyName: c.otherPartyName,
    receivedAt: c.receivedAt,
    officerName: c.officerName,
    officerId: c.officerId,
    version: c.version,
  };
}

export function effectsOf(type: CaseType, from: string, def: CaseEventDef): EventEffects {
  const final = type.final.includes(def.to);
  const running = def.clocks ?? {};
  return {
    from,
    to: def.to,
    clocks: {
      end: final ? Object.keys(type.clocks) : [...(running.end ?? [])],
      stop: [...(running.stop ?? [])],
      start: final ? [] : [...(running.start ?? [])],
      resume: [...(running.resume ?? [])],
    },
    public: def.public,
    notify: notifiesParties(def),
    document: def.document ?? null,
    handoff: Boolean(def.handoff),
    effects: [...(def.effects ?? [])],
  };
}

/** Active enforcement officers of the case's office (held there, or above it with reach), by name. */
async function officersAt(sql: Sql, agencyId: string): Promise<Choice[]> {
  const rows = await sql<{ id: string; full_name: string }[]>`
    with recursive up (id, parent_id, depth) as (
      select id, parent_id, 0 from agencies where id = ${agencyId}
      union all
      select a.id, a.parent_id, up.depth + 1 from agencies a join up on a.id = up.parent_id where up.depth < 10
    )
    select distinct s.id, s.full_name from staff s
    join staff_roles r on r.staff_id = s.id and r.role = 'officer'
    join up on up.id = r.agency_id and (up.depth = 0 or r.reaches_sub_offices)
    where s.active
    order by s.full_name`;
  return rows.map((r) => ({ value: r.id, label: r.full_name }));
}

/**
 * Active offices a case can be forwarded to (every office but the case's own and the central body), grouped
 * under their parent office (a province's offices together: ~700 in all), by name.
 */
async function officesBut(sql: Sql, agencyId: string): Promise<Choice[]> {
  const rows = await sql<{ id: string; name: string; parent: string | null }[]>`
    select a.id, a.name, p.name as parent from agencies a left join agencies p on p.id = a.parent_id
    where a.active and a.level <> 'central' and a.id <> ${agencyId}
    order by coalesce(p.name, a.name), p.name is not null, a.name`;
  return rows.map((r) => ({ value: r.id, label: r.name, group: r.parent ?? r.name }));
}

async function choicesFor(sql: Sql, fields: readonly CaseFieldDef[], agencyId: string): Promise<Record<string, Choice[]>> {
  const out: Record<string, Choice[]> = {};
  for (const f of fields) {
    if (f.kind === "staff") out[f.name] = await officersAt(sql, agencyId);
    if (f.kind === "agency") out[f.name] = await officesBut(sql, agencyId);
  }
  return out;
}

/** The case (scoped: a 404 outside the scope) and the event page it gives this staff member. */
async function eventPage(args: RouteArgs): Promise<{ page: EventPage; staffId: string; agencyId: string; def: CaseEventDef | null }> {
  const caseId = uuidParam(args.params.id);
  const event = args.params.event ?? "";
  const staff = await requireStaff(args.request, args.context);
  const { sql } = args.context.services;
  const loaded = await loadCase(sql, { caseId, staffId: staff.id });
  if (!loaded) throw data(null, { status: 404 });
  const type = caseTypeById(loaded.case.caseType);
  const c = pick(loaded.case);
  const base = { case: c, content: type.content, event };
  const def = EVENT_NAME.test(event) && Object.hasOwn(type.events, event) ? (type.events as Record<string, CaseEventDef>)[event]! : null;
  if (!def) return { page: { kind: "refused", reason: "unknown", ...base }, staffId: staff.id, agencyId: loaded.case.agencyId, def: null };
  if (!loaded.availableEvents.includes(event)) {
    // Not available: the state does not allow it (409) or the role / officer rule does not (403).
    const reason = def.from.includes(loaded.case.state) ? "forbidden" : "illegal";
    return { page: { kind: "refused", reason, ...base }, staffId: staff.id, agencyId: loaded.case.agencyId, def };
  }
  return {
    page: {
      kind: "form",
      ...base,
      fields: [...def.fields],
      effects: effectsOf(type, loaded.case.state, def),
      choices: await choicesFor(sql, def.fields, loaded.case.agencyId),
    },
    staffId: staff.id,
    agencyId: loaded.case.agencyId,
    def,
  };
}

const REFUSAL_STATUS = { forbidden: 403, illegal: 409, unknown: 404 } as const;

/** GET `/staff/cases/:id/:event`. */
export async function loadCaseEventPage(args: RouteArgs) {
  const { page } = await eventPage(args);
  if (page.kind === "refused") return data({ page, result: null as EventFormResult | null }, { status: REFUSAL_STATUS[page.reason] });
  return { page, result: null as EventFormResult | null };
}

/** The form's values, by field definition: checkboxes as lists, everything else as one trimmed-later string. */
export function formValues(form: FormData, fields: readonly CaseFieldDef[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const f of fields) {
    if (f.kind === "checkboxes") out[f.name] = form.getAll(f.name).filter((v): v is string => typeof v === "string");
    else {
      const v = form.get(f.name);
      if (typeof v === "string") out[f.name] = v;
    }
  }
  return out;
}

/** POST `/staff/cases/:id/:event`: fires the event, then back to the case page with a notice. */
export async function fireCaseEventFromForm(args: RouteArgs) {
  const { page, staffId } = await eventPage(args);
  if (page.kind === "refused") return data({ page, result: null as EventFormResult | null }, { status: REFUSAL_STATUS[page.reason] });
  const { request, context } = args;
  const { sql } = context.services;
  const form = await request.formData();
  const values = formValues(form, page.fields);
  const version = Number(form.get("version"));
  const result = await fireEvent(sql, {
    caseId: page.case.id,
    event: page.event,
    actor: { type: "staff", staffId },
    input: values,
    expectedVersion: Number.isInteger(version) ? version : undefined,
    ip: context.clientIp,
    requestId: context.requestId,
  });
  if (result.ok) {
    await flushJobOutbox(sql); // the document, e-mail and hand-off jobs the event owes start now
    return redirect(withQuery(paths.staff.case(page.case.id), { done: page.event, seq: result.seq }));
  }
  if (result.reason === "invalid") {
    return data({ page, result: { values, errors: result.errors ?? {}, formError: "invalid" } satisfies EventFormResult }, { status: 400 });
  }
  if (result.reason === "conflict") {
    // Someone acted first: the page shows the case as it is now, with what this person typed.
    const fresh = await eventPage(args);
    const status = fresh.page.kind === "refused" ? REFUSAL_STATUS[fresh.page.reason] : 409;
    return data({ page: fresh.page, result: { values, errors: {}, formError: "conflict" } satisfies EventFormResult }, { status });
  }
  if (result.reason === "not-found") throw data(null, { status: 404 });
  const reason = result.reason === "forbidden" ? "forbidden" : "illegal";
  return data(
    { page: { kind: "refused", reason, case: page.case, content: page.content, event: page.event } satisfies EventPage, result: null as EventFormResult | null },
    { status: REFUSAL_STATUS[reason] },
  );
}

/** The documents section of the case page: every document the case's events issued (scoped by the caller's loadCase). */
export async function caseDocumentsFor(sql: Sql, loaded: Pick<LoadedCase, "case">): Promise<CaseDocumentItem[]> {
  return listCaseDocuments(sql, { caseId: loaded.case.id, caseType: loaded.case.caseType });
}

/** GET `/staff/cases/:id/documents/:seq`: one decision document, for staff who can see the case; audited. */
export async function downloadCaseDocument(args: RouteArgs) {
  const caseId = uuidParam(args.params.id);
  const seq = Number(args.params.seq);
  if (!Number.isInteger(seq) || seq < 1 || seq > 1_000_000) throw data(null, { status: 404 });
  const staff = await requireStaff(args.request, args.context);
  const { sql } = args.context.services;
  const loaded = await loadCase(sql, { caseId, staffId: staff.id });
  if (!loaded) throw data(null, { status: 404 });
  const ifNoneMatch = args.request.headers.get("If-None-Match");
  let doc = await findDocument(sql, caseDocumentKey(caseId, seq), { ifNoneMatch });
  if (!doc) {
    // Not rendered yet (the job is behind): render it now, exactly as the job would; the first stored copy wins.
    const event = loaded.events.find((e) => e.seq === seq);
    const document = event ? (caseTypeById(loaded.case.caseType).events as Record<string, CaseEventDef | undefined>)[event.event]?.document : undefined;
    if (!event || !document) throw data(null, { status: 404 });
    await issueCaseDocument(sql, { caseId, eventId: event.id, document });
    doc = await findDocument(sql, caseDocumentKey(caseId, seq), { ifNoneMatch });
    if (!doc) throw data(null, { status: 404 });
  }
  await audit(sql, {
    actorType: "staff",
    actorId: staff.id,
    agencyId: loaded.case.agencyId,
    action: "case.document.downloaded",
    targetType: "case",
    targetId: caseId,
    ip: args.context.clientIp,
    requestId: args.context.requestId,
    details: { seq },
  });
  const name = `${loaded.case.caseNumber ?? loaded.case.reference}-${seq}.pdf`;
  return documentResponse(doc, { disposition: "inline", filename: name });
}

export type CaseEventNotice = { done: string; caseNumber: string | null; document: string | null };

/**
 * The notice after an event, for the case page's loader: `?done=<event>&seq=<n>` read against the case's
 * own events (a made-up query shows nothing), with the case number when that event allocated it.
 */
export function caseEventNotice(url: URL | string, loaded: Pick<LoadedCase, "case" | "events">): CaseEventNotice | null {
  const q = new URL(url, "http://x").searchParams;
  const done = q.get("done");
  const seq = Number(q.get("seq"));
  const e = loaded.events.find((x) => x.seq === seq && x.event === done);
  if (!e) return null;
  const def = (caseTypeById(loaded.case.caseType).events as Record<string, CaseEventDef | undefined>)[e.event];
  const caseNumber = def?.effects?.includes("allocateCaseNumber") && typeof e.fields.caseNumber === "string" ? e.fields.caseNumber : null;
  return { done: e.event, caseNumber, document: def?.document ?? null };
}

/**
 * What the case page shows of the workflow, in one call from its loader (the case already loaded, so
 * scoped): the notice after an event and the decision documents. Render with `<CaseWorkflowPanel>` from
 * app/components/case-documents.tsx.
 */
export async function caseWorkflowPanel(sql: Sql, loaded: Pick<LoadedCase, "case" | "events">, requestUrl: string) {
  return { notice: caseEventNotice(requestUrl, loaded), documents: await caseDocumentsFor(sql, loaded) };
}
