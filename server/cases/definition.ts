import type { z } from "zod";
import type { StaffRole } from "../accounts/browser";

/**
 * A case type as data (docs/decisions/058-case-types-as-data.md), after HMCTS Core Case Data: its states,
 * and its events, each naming the states it may start from, the state it leads to, the roles allowed, the
 * fields it asks for (a Zod schema whose messages are i18n keys), the statutory clocks it starts, stops,
 * resumes or ends, and whether the parties see it. One engine (server/cases/engine.server.ts) runs every
 * case type; a procedure adds a definition file, never an engine. Pure data, shared with the browser.
 */

/** A field of an event's form, rendered by the one event-form component (words at `<content>.events.<event>.fields.<name>`). */
export type CaseFieldDef = {
  name: string;
  kind: "text" | "textarea" | "date" | "select" | "radio" | "checkboxes" | "staff" | "agency" | "file";
  /** Fixed choices (labels at `<content>.events.<event>.fields.<name>.options.<value>`). */
  options?: readonly string[];
  optional?: boolean;
  hint?: boolean;
};

/** What an event does to a statutory clock. A clock's rule (deadline length, legal basis) is data in server/deadlines. */
export type ClockEffect = {
  start?: readonly string[];
  stop?: readonly string[];
  resume?: readonly string[];
  end?: readonly string[];
};

export type CaseEventDef<S extends string = string> = {
  /** States the event may be fired from. */
  from: readonly S[];
  /** The state it leads to (may equal a `from` state: e.g. a later officer event). */
  to: S;
  /** Staff roles that may fire it at the case's office; "citizen" = the party who filed it; "system" = the portal itself. */
  roles: readonly (StaffRole | "citizen" | "system")[];
  /** Only the case's assigned officer (besides the head) may fire it. */
  officerOnly?: boolean;
  fields: readonly CaseFieldDef[];
  schema: z.ZodType<Record<string, unknown>>;
  clocks?: ClockEffect;
  /** The parties see it on the timeline, and are told by e-mail unless `notify: false`. */
  public: boolean;
  /** Fields of the event that the parties may see on the timeline (never internal notes). */
  publicFields?: readonly string[];
  /** A document the event produces (PDF with the office's header), kept with the case. */
  document?: string;
  /** Delivered to the agency's case system (hand-off), in order per case. */
  handoff?: boolean;
  /**
   * The platform's rule (ADR 068): every public event e-mails the parties that it happened (task case_notify,
   * one job per event through the job outbox, one e-mail per event), in the case's language, unless the
   * party turned e-mails off. `notify: false` keeps a public event off the e-mails; a private event never sends.
   */
  notify?: boolean;
  /**
   * What the engine itself does besides the state change, implemented once for every case type:
   * allocateCaseNumber (the office's next case number, at acceptance), setOfficer (from the field
   * `officerId`), moveOffice (to the field `agencyId`: forwarding to the competent office).
   */
  effects?: readonly ("allocateCaseNumber" | "setOfficer" | "moveOffice")[];
  /**
   * Checks that need the case (the schema alone cannot know it): e.g. a decision date not before receipt and
   * not in the future. Returns field → i18n keys, or nothing when the input is fine. Pure.
   */
  check?: (fields: Record<string, unknown>, ctx: EventCheckContext) => Record<string, string[]> | null | undefined;
  /**
   * Electronic service (tống đạt điện tử, issue 14): the event's `document` is served on the party who filed
   * the case, when they agreed to electronic service (server/service-of-documents implements it once for
   * every case type; an answer, a decision or a certificate is served this way).
   */
  serve?: boolean;
};

/** The platform's e-mail rule (ADR 068): a public event e-mails the parties unless its definition says `notify: false`. */
export const notifiesParties = (def: Pick<CaseEventDef, "public" | "notify">): boolean => def.public && def.notify !== false;

/** What an event's `check` may read: the case's receipt and the moment the event is fired. */
export type EventCheckContext = { receivedAt: Date; at: Date };

/** Who fires an event: a staff member, the citizen (party) who filed the submission, or the portal itself. */
export type CaseActor = { type: "staff"; staffId: string } | { type: "citizen"; citizenId: string | null } | { type: "system" };

export type ClockDef = {
  /** The legal rule (server/deadlines) that sets its length, e.g. "enforcement.decide-request". */
  rule: string;
  /**
   * A rule chosen by a field of the event that starts the clock (field value → rule id), `rule` otherwise:
   * a complaint's resolution period depends on the kind of decision complained of (issue 14).
   */
  ruleByField?: { field: string; rules: Readonly<Record<string, string>> };
  /**
   * A window for an act the office may or may not need (asking for corrections): it lapsing unused is not
   * lateness, so the statistics' on time / late leave it out (ADR 081).
   */
  window?: boolean;
  /**
   * Counts from another clock of the case rather than from the event that starts it: its start (a complex
   * denunciation's 90 days run from acceptance, like the 60 they replace, art. 157) or its due day (a
   * complaint's extension adds 30 days to the first period, art. 146), whenever the extension is granted.
   */
  countsFrom?: { clock: string; from: "start" | "due" };
};

export type CaseTypeDefinition<S extends string = string, E extends string = string> = {
  /** Stored with every case (`cases.case_type`): never change it once cases exist. */
  id: string;
  /** The i18n section of its words: `<content>.states.<state>`, `<content>.events.<event>.title`, … */
  content: string;
  /** The state a new case opens in, and the clocks that start when it is received. */
  initial: S;
  startClocks?: readonly string[];
  states: readonly S[];
  /** States where the case is finished (closed_at is set on entering one). */
  final: readonly S[];
  events: Record<E, CaseEventDef<S>>;
  clocks: Record<string, ClockDef>;
  /** Staff roles that may see the case at its office (inbox, case page, export). */
  viewers: readonly StaffRole[];
  /**
   * What the parties read (ADR 065): every state has a plain-language sentence `<content>.party.states.<state>`
   * and what the party should do next `<content>.party.next.<state>`; in these states the party who filed it
   * must act (My cases lists them first, the status page says so).
   */
  partyActionStates?: readonly S[];
};

export type CaseType<S extends string = string, E extends string = string> = CaseTypeDefinition<S, E> & {
  /** Events that may be fired from a state (in definition order). */
  eventsFrom(state: S): E[];
};

/** Checks a definition once at start-up: states and clocks named by events exist, final states are states. */
export function defineCaseType<S extends string, E extends string>(definition: CaseTypeDefinition<S, E>): CaseType<S, E> {
  const states = new Set<string>(definition.states);
  const fail = (why: string) => {
    throw new Error(`case type ${definition.id}: ${why}`);
  };
  if (!states.has(definition.initial)) fail(`initial state ${definition.initial} is not a state`);
  for (const f of definition.final) if (!states.has(f)) fail(`final state ${f} is not a state`);
  for (const c of definition.startClocks ?? []) if (!(c in definition.clocks)) fail(`start clock ${c} is not defined`);
  for (const [name, e] of Object.entries(definition.events) as [string, CaseEventDef<S>][]) {
    for (const s of e.from) if (!states.has(s)) fail(`event ${name} starts from unknown state ${s}`);
    if (!states.has(e.to)) fail(`event ${name} leads to unknown state ${e.to}`);
    for (const list of Object.values(e.clocks ?? {})) for (const c of list ?? []) if (!(c in definition.clocks)) fail(`event ${name} names unknown clock ${c}`);
  }
  return {
    ...definition,
    eventsFrom: (state) => (Object.keys(definition.events) as E[]).filter((e) => definition.events[e].from.includes(state)),
  };
}
