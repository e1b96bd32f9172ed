-- Hand-off to the agency case system (issue 12, docs/decisions/060-handoff-to-the-case-system.md).
-- Every case event whose definition says `handoff` becomes one message (JSON, server/handoff/message.ts),
-- delivered to the office's case system (Phần mềm Thụ lý) signed the Standard Webhooks way, in order per
-- case. The message id is the idempotency key the receiver deduplicates on.

create table handoff_messages (
  -- msg_<case id>_<seq>: stable per event, the `webhook-id` header.
  id text primary key check (id ~ '^msg_[0-9a-f-]{36}_[0-9]+$'),
  case_id uuid not null references cases (id),
  -- The case event's seq: the delivery order of the case's messages.
  seq int not null check (seq >= 1),
  event_id bigint not null unique references case_events (id),
  -- The office whose case system receives it (its endpoint comes from HANDOFF_ENDPOINTS).
  agency_id uuid not null references agencies (id),
  type text not null,
  body jsonb not null,
  -- pending: waiting or being retried; delivered: answered 2xx; dead: no more tries (dead-letter list,
  -- replayed by staff). A later message of the case is never sent while an earlier one is not delivered.
  status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
  attempts int not null default 0 check (attempts >= 0),
  last_error text,
  last_attempt_at timestamptz,
  -- When the next try is due (null: as soon as its turn comes).
  next_attempt_at timestamptz,
  delivered_at timestamptz,
  -- The case number the case system answered with (also kept in cases.external_case_number).
  response_case_number text,
  created_at timestamptz not null default now(),
  unique (case_id, seq),
  check (status <> 'delivered' or delivered_at is not null)
);
-- The staff page and the sweep: what is not delivered yet, per office.
create index handoff_messages_open_idx on handoff_messages (agency_id, status, created_at desc) where status <> 'delivered';
create index handoff_messages_agency_idx on handoff_messages (agency_id, created_at desc);
create index handoff_messages_due_idx on handoff_messages (next_attempt_at) where status = 'pending';

-- The receiver sandbox (server/handoff/receiver, development and tests only): what "Phần mềm Thụ lý"
-- recorded, once per webhook-id, and the case numbers it gave.
create table sandbox_case_system_messages (
  webhook_id text primary key,
  case_id uuid not null,
  sequence int not null,
  type text not null,
  body jsonb not null,
  case_number text not null,
  -- How many times the same message arrived (a retry after a lost answer): recorded once, counted here.
  deliveries int not null default 1,
  received_at timestamptz not null default now()
);
create index sandbox_case_system_messages_case_idx on sandbox_case_system_messages (case_id, sequence);
