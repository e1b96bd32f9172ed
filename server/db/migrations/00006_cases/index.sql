-- Cases (issue 12, docs/decisions/058-case-types-as-data.md): every submission a procedure files becomes a
-- case of its case type, run by one workflow engine (server/cases). A case type is data in TypeScript
-- (states, events with the states they start from, the state they lead to, roles, fields, clocks, whether
-- the parties see them); this schema stores only what happened.

-- One row per submission, whatever its procedure: the unit the inbox lists and the engine moves.
create table cases (
  id uuid primary key default gen_random_uuid(),
  case_type text not null check (case_type ~ '^[a-z][a-z0-9-]{1,63}$'),
  -- The submission this case was opened for (enforcement_requests.id for an enforcement request, …).
  submission_id uuid not null,
  -- The citizen-facing reference of the submission (e.g. YC-2026-000123): shown in the inbox, searched.
  reference text not null unique,
  agency_id uuid not null references agencies (id),
  state text not null check (length(state) between 1 and 64),
  -- The office's case number (số thụ lý), created when the case is accepted.
  case_number text unique,
  -- The number the agency's case system (Phần mềm Thụ lý) returned for it, once handed off.
  external_case_number text,
  -- Who holds the work now (claimed by a clerk, or assigned by a head); null = unassigned.
  assignee_id uuid references staff (id),
  -- The enforcement officer in charge (chấp hành viên), set by the case type's assignment events.
  officer_id uuid references staff (id),
  -- Display name of the party who filed it (the applicant), and the other party where there is one.
  applicant_name text not null,
  other_party_name text,
  -- Lower-case, diacritic-free text the inbox searches: reference, names, ID numbers (server/cases/search.ts
  -- builds it; queries normalise the same way), indexed with pg_trgm.
  search_text text not null,
  received_at timestamptz not null,
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  -- The earliest due date among the running clocks (null when none runs): overdue and due-soon filters.
  next_due_on date,
  -- Incremented by every event: two staff acting on the same case at once cannot both succeed.
  version int not null default 0,
  unique (case_type, submission_id)
);
create index cases_agency_received_idx on cases (agency_id, received_at desc, id desc);
create index cases_agency_state_idx on cases (agency_id, state, received_at desc, id desc);
create index cases_assignee_idx on cases (assignee_id, received_at desc, id desc) where assignee_id is not null;
create index cases_officer_idx on cases (officer_id) where officer_id is not null;
create index cases_due_idx on cases (agency_id, next_due_on) where closed_at is null and next_due_on is not null;

-- Every event fired on a case, in order (seq is 1, 2, 3 … per case). Append-only by convention of the engine;
-- the audit log holds the who/where/why of the same act.
create table case_events (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases (id),
  seq int not null check (seq >= 1),
  event text not null check (length(event) between 1 and 64),
  from_state text,
  to_state text not null,
  actor_type text not null check (actor_type in ('staff', 'citizen', 'system')),
  actor_id uuid,
  -- The event's fields as validated by its schema (decision number and date, refusal ground, note …).
  fields jsonb not null default '{}'::jsonb,
  public boolean not null,
  at timestamptz not null default now(),
  unique (case_id, seq)
);

-- What the parties see of a case: one entry per public event (the status issue shows them). `details`
-- holds only what may be shown to the parties (never internal notes or staff-only fields).
create table case_timeline (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases (id),
  event_id bigint not null unique references case_events (id),
  event text not null,
  at timestamptz not null,
  details jsonb not null default '{}'::jsonb
);
create index case_timeline_case_idx on case_timeline (case_id, at, id);

-- Statutory clocks (deadlines) of a case. A clock runs under one legal rule version (rule_id +
-- rule_effective_from, server/deadlines), from started_at; due_on is the last day to act. Stopping it keeps
-- the working days left (remaining_days); resuming computes a new due_on from the resume date.
create table case_clocks (
  case_id uuid not null references cases (id),
  clock text not null check (length(clock) between 1 and 64),
  rule_id text not null,
  rule_effective_from date not null,
  state text not null check (state in ('running', 'stopped', 'ended')),
  started_at timestamptz not null,
  due_on date,
  stopped_at timestamptz,
  remaining_days int,
  ended_at timestamptz,
  primary key (case_id, clock),
  check (state <> 'running' or (due_on is not null and stopped_at is null and ended_at is null)),
  check (state <> 'stopped' or (stopped_at is not null and remaining_days is not null))
);

-- Case numbers per office and year: <office code>-<year>-<6 digits>, allocated at acceptance under a row lock.
create table case_number_counters (
  agency_id uuid not null references agencies (id),
  year int not null,
  last_value int not null default 0,
  primary key (agency_id, year)
);
