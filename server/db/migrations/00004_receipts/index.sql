-- Receipts (issue 5): electronic receipts with gapless numbers per office and year, their cancellation
-- and replacement, reconciliation runs with the gateway, and refunds decided by the office.

-- One numbering series per issuing office and year: the row is locked by `update … returning` inside the
-- crediting transaction, so numbers have no gaps and no duplicates.
create table receipt_counters (
  agency_id uuid not null references agencies (id),
  year integer not null check (year between 2000 and 2999),
  -- Mẫu số and ký hiệu as registered by the office (demo defaults, see docs/decisions/030-e-receipts.md).
  form_number text not null default '01BLTP-001' check (length(form_number) between 1 and 20),
  symbol text not null check (length(symbol) between 1 and 20),
  last_number integer not null default 0 check (last_number >= 0),
  primary key (agency_id, year)
);

create type receipt_status as enum ('valid', 'cancelled');

create table receipts (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  year integer not null,
  number integer not null check (number > 0),
  form_number text not null,
  symbol text not null,
  attempt_id uuid not null references payment_attempts (id),
  notice_id uuid not null references fee_notices (id),
  amount bigint not null check (amount > 0),
  -- The receipt's content exactly as signed (JSON), and its JWS once signed (see signing.server.ts).
  payload jsonb not null,
  jws text,
  kid text,
  -- The capability in the QR code and the links: unguessable, never a counter.
  code text not null unique check (code ~ '^[A-Za-z0-9]{20,40}$'),
  issued_at timestamptz not null default now(),
  status receipt_status not null default 'valid',
  cancelled_at timestamptz,
  cancelled_by uuid references staff (id),
  cancel_reason text check (length(cancel_reason) <= 500),
  replaces_id uuid references receipts (id),
  replaced_by_id uuid references receipts (id),
  unique (agency_id, year, number),
  check ((status = 'cancelled') = (cancelled_at is not null)),
  check (status = 'cancelled' or replaced_by_id is null)
);
-- Exactly one original receipt per payment attempt, and at most one valid receipt per attempt.
create unique index receipts_one_per_attempt on receipts (attempt_id) where replaces_id is null;
create unique index receipts_one_valid_per_attempt on receipts (attempt_id) where status = 'valid';
create index receipts_agency_idx on receipts (agency_id, issued_at desc);

-- Đối soát: one run per office and day (or button press), and what it found.
create table reconciliation_runs (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  day date not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  triggered_by uuid references staff (id),
  checked integer not null default 0,
  summary jsonb not null default '{}'::jsonb
);
create index reconciliation_runs_agency_idx on reconciliation_runs (agency_id, day desc, started_at desc);

create table reconciliation_items (
  id bigint generated always as identity primary key,
  run_id uuid not null references reconciliation_runs (id) on delete cascade,
  kind text not null check (kind in ('paid_without_receipt', 'receipt_without_payment', 'amount_mismatch', 'gateway_paid_we_pending')),
  attempt_id uuid references payment_attempts (id),
  receipt_id uuid references receipts (id),
  txn_ref text,
  our_state text,
  gateway_status text,
  our_amount bigint,
  gateway_amount bigint,
  resolved boolean not null default false,
  resolution text,
  note text
);
create index reconciliation_items_run_idx on reconciliation_items (run_id, id);

-- Refunds: the accountant proposes, the head of office (another person) decides, then the gateway runs it.
create type refund_state as enum ('proposed', 'approved', 'rejected', 'refunded', 'failed');

create table refunds (
  id uuid primary key default gen_random_uuid(),
  attempt_id uuid not null references payment_attempts (id),
  agency_id uuid not null references agencies (id),
  amount bigint not null check (amount > 0),
  reason text not null check (length(reason) between 5 and 500),
  state refund_state not null default 'proposed',
  proposed_by uuid not null references staff (id),
  proposed_at timestamptz not null default now(),
  decided_by uuid references staff (id),
  decided_at timestamptz,
  decision_note text check (length(decision_note) <= 500),
  gateway_response_code text,
  gateway_message text,
  gateway_transaction_no text,
  completed_at timestamptz,
  updated_at timestamptz not null default now(),
  -- Four eyes, in the database too: whoever decides is not whoever proposed.
  constraint refunds_second_person check (decided_by is null or decided_by <> proposed_by),
  constraint refunds_decided check ((state = 'proposed') = (decided_by is null)),
  check ((state in ('refunded', 'failed')) = (completed_at is not null))
);
create index refunds_agency_idx on refunds (agency_id, proposed_at desc);
create index refunds_attempt_idx on refunds (attempt_id);
-- One refund in flight per payment.
create unique index refunds_one_open on refunds (attempt_id) where state in ('proposed', 'approved');
