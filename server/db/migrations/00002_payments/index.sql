-- Payments (issue 4): courts with API keys, fee notices, payment attempts with their event history,
-- and every gateway notification (IPN) stored raw.

create table courts (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9_.-]{2,32}$'),
  name text not null check (length(name) between 3 and 255),
  -- SHA-256 of the court's API key: the key itself is shown once and never stored.
  api_key_hash bytea unique,
  active boolean not null default true,
  created_at timestamptz not null default now()
);

create type fee_notice_status as enum ('unpaid', 'paid', 'cancelled');
create type payer_id_kind as enum ('cccd', 'tax');

-- Thông báo nộp tiền tạm ứng án phí: the court's notice to pay an advance court fee.
create table fee_notices (
  id uuid primary key default gen_random_uuid(),
  notice_number text not null unique check (notice_number ~ '^TB-[0-9]{4}-[0-9]{7}$'),
  court_id uuid not null references courts (id),
  court_document_number text check (length(court_document_number) <= 64),
  case_reference text not null check (length(case_reference) between 1 and 200),
  payer_name text not null check (length(payer_name) between 2 and 200),
  payer_id_kind payer_id_kind not null,
  payer_id_number text not null check (payer_id_number ~ '^[0-9]{10}([0-9]{2}|[0-9]{3})?$'),
  payer_address text not null check (length(payer_address) between 3 and 300),
  amount bigint not null check (amount > 0 and amount <= 9999999999),
  due_date date not null,
  agency_id uuid not null references agencies (id),
  status fee_notice_status not null default 'unpaid',
  paid_at timestamptz,
  paid_attempt_id uuid,
  source text not null check (source in ('form', 'csv', 'court_api', 'seed')),
  created_by uuid references staff (id),
  created_at timestamptz not null default now(),
  check ((status = 'paid') = (paid_at is not null))
);
create index fee_notices_agency_idx on fee_notices (agency_id, created_at desc);

create type payment_state as enum ('created', 'redirected', 'succeeded', 'failed', 'cancelled', 'expired');

create table payment_attempts (
  id uuid primary key default gen_random_uuid(),
  notice_id uuid not null references fee_notices (id),
  txn_ref text not null unique,
  amount bigint not null check (amount > 0),
  state payment_state not null default 'created',
  locale text not null check (locale in ('vi', 'en')),
  email text not null,
  ip text,
  order_info text not null,
  -- vnp_CreateDate / vnp_ExpireDate as sent (GMT+7 strings): querydr needs the first verbatim.
  vnp_create_date text not null,
  vnp_expire_date text not null,
  expires_at timestamptz not null,
  response_code text,
  transaction_status text,
  transaction_no text,
  bank_code text,
  pay_date timestamptz,
  -- Money taken that must not be kept (notice already paid, wrong amount): the office decides.
  refund_review boolean not null default false,
  refund_review_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  settled_at timestamptz
);
-- One open attempt per notice.
create unique index payment_attempts_one_open on payment_attempts (notice_id) where state in ('created', 'redirected');
create index payment_attempts_open_expiry on payment_attempts (expires_at) where state in ('created', 'redirected');
create index payment_attempts_notice_idx on payment_attempts (notice_id, created_at desc);
create index payment_attempts_refund_review on payment_attempts (created_at) where refund_review;

alter table fee_notices add constraint fee_notices_paid_attempt_fk foreign key (paid_attempt_id) references payment_attempts (id);

create table payment_events (
  id bigint generated always as identity primary key,
  attempt_id uuid not null references payment_attempts (id),
  at timestamptz not null default now(),
  kind text not null,
  from_state payment_state,
  to_state payment_state,
  details jsonb not null default '{}'::jsonb
);
create index payment_events_attempt_idx on payment_events (attempt_id, id);

-- Every IPN as received, before any check; the verdict is filled in after.
create table gateway_notifications (
  id bigint generated always as identity primary key,
  received_at timestamptz not null default now(),
  gateway text not null default 'vnpay',
  raw_query text not null,
  remote_ip text,
  txn_ref text,
  signature_ok boolean,
  rsp_code text,
  attempt_id uuid references payment_attempts (id),
  note text
);
create index gateway_notifications_txn_idx on gateway_notifications (txn_ref, id);
