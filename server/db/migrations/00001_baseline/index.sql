-- Baseline schema (issue 11): the tables, types, indexes and constraints as they stood after the first
-- eleven migrations (00001_init … 00011_job_runners), squashed into one before anything was deployed.
-- No functions or triggers here: they live in one re-runnable rules.sql per domain (server/<domain>/rules.sql),
-- applied after the migrations at every start (server/db/migrate.server.ts, docs/decisions/054-rules-in-sql-or-typescript.md).
-- Later changes are new numbered migrations; this file does not change once deployed.

-- Foundation: agencies (a tree), staff with roles scoped to an agency, citizens, database-backed sessions,
-- an append-only audit log and the local mail outbox.
create type agency_level as enum ('central', 'province', 'district');
create type staff_role as enum ('clerk', 'officer', 'accountant', 'head', 'admin');

create table agencies (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9_.-]{2,32}$'),
  name text not null check (length(name) between 3 and 255),
  level agency_level not null,
  parent_id uuid references agencies (id),
  address text,
  phone text,
  email text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((level = 'central') = (parent_id is null))
);
create index agencies_parent_idx on agencies (parent_id);

create table staff (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  full_name text not null check (length(full_name) between 2 and 200),
  password_hash text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  last_sign_in_at timestamptz
);
create unique index staff_email_key on staff (lower(email));

create table staff_roles (
  staff_id uuid not null references staff (id) on delete cascade,
  agency_id uuid not null references agencies (id),
  role staff_role not null,
  primary key (staff_id, agency_id, role)
);
create index staff_roles_agency_idx on staff_roles (agency_id, role);

-- A citizen who signs in with the national e-ID may have no e-mail address: the provider vouches for them.
create table citizens (
  id uuid primary key default gen_random_uuid(),
  email text,
  full_name text,
  phone text,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  created_at timestamptz not null default now()
);
create unique index citizens_email_key on citizens (lower(email));

-- The cookie holds a random token; the table keeps only its SHA-256, so a leaked table opens nothing.
create table sessions (
  id_hash bytea primary key,
  staff_id uuid references staff (id) on delete cascade,
  citizen_id uuid references citizens (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip inet,
  user_agent text,
  check ((staff_id is null) <> (citizen_id is null))
);
create index sessions_staff_idx on sessions (staff_id) where revoked_at is null;
create index sessions_citizen_idx on sessions (citizen_id) where revoked_at is null;

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_type text not null check (actor_type in ('staff', 'citizen', 'system', 'anonymous')),
  actor_id uuid,
  agency_id uuid references agencies (id),
  action text not null,
  target_type text,
  target_id text,
  ip inet,
  request_id text,
  details jsonb not null default '{}'::jsonb
);
create index audit_log_actor_idx on audit_log (actor_id, at desc);
create index audit_log_agency_idx on audit_log (agency_id, at desc);
-- Append-only: the database itself refuses to change or remove audit entries (triggers audit_log_no_update
-- and audit_log_no_truncate, server/audit/rules.sql).

-- Messages kept instead of sent when no SMTP_URL is configured (development outbox).
create table mail_outbox (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  message_id text,
  to_address text not null,
  subject text not null,
  text_body text not null,
  html_body text not null,
  raw text not null
);

-- Payments: courts with API keys, fee notices, payment attempts with their event history, and every
-- gateway notification (IPN) stored raw. The credit itself is payments_apply_outcome and the IPN
-- payments_record_ipn (server/payments/rules.sql).

create type court_level as enum ('supreme', 'high', 'province', 'regional', 'military');

-- Which enforcement office receives a court's judgments is data (agency_id): the 2025 reorganisation
-- changed it once and may again. An administrator edits this table (or imports it); the code never names a
-- court. A court without an office is simply not offered in the filing journey.
create table courts (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9_.-]{2,32}$'),
  name text not null check (length(name) between 3 and 255),
  -- SHA-256 of the court's API key: the key itself is shown once and never stored.
  api_key_hash bytea unique,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  level court_level,
  agency_id uuid references agencies (id),
  sort_order integer not null default 0
);
create index courts_agency_idx on courts (agency_id);

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

-- Unsigned (or wrongly signed) IPNs can be sent by anyone: each is counted per hour in gateway_rejections
-- and only the first 60 of an hour are kept as samples, pruned after 30 days (payments_record_ipn).
create index gateway_notifications_unsigned_age on gateway_notifications (received_at) where signature_ok = false;

create table gateway_rejections (
  window_start timestamptz primary key,
  -- unsigned IPNs received in the hour from window_start; least(received, 60) of them were kept
  received bigint not null default 0
);

-- Filing an enforcement request online: drafts of the journey, resume links, attachments, the submitted
-- requests, e-mail sign-in codes and OpenID Connect identities of citizens.

-- A journey in progress. Guests hold a random token in a cookie (only its SHA-256 is kept); a signed-in
-- citizen's draft is found by citizen_id on any device.
create table filing_drafts (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  citizen_id uuid references citizens (id) on delete cascade,
  answers jsonb not null default '{}'::jsonb,
  completed text[] not null default '{}',
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '30 days'
);
create index filing_drafts_citizen_idx on filing_drafts (citizen_id, updated_at desc) where citizen_id is not null;
create index filing_drafts_expires_idx on filing_drafts (expires_at);

-- "Save and come back later": a link sent by e-mail; only the hash of its token is stored.
create table filing_resume_links (
  token_hash bytea primary key,
  draft_id uuid not null references filing_drafts (id) on delete cascade,
  email text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index filing_resume_links_draft_idx on filing_resume_links (draft_id);

create sequence enforcement_request_seq;

create table enforcement_requests (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  access_code_hash bytea not null,
  agency_id uuid not null references agencies (id),
  court_id uuid not null references courts (id),
  citizen_id uuid references citizens (id),
  status text not null default 'submitted' check (status in ('submitted', 'accepted', 'rejected', 'more_info')),
  applicant_name text not null,
  applicant_email text,
  debtor_name text not null,
  judgment_number text not null,
  judgment_effective_on date not null,
  money_amount bigint check (money_amount is null or money_amount > 0),
  past_time_limit boolean not null default false,
  answers jsonb not null,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  submitted_at timestamptz not null default now()
);
-- The office's list: newest first, only its own rows.
create index enforcement_requests_agency_idx on enforcement_requests (agency_id, submitted_at desc);
create index enforcement_requests_citizen_idx on enforcement_requests (citizen_id) where citizen_id is not null;
-- A request filed while signed out is linked to the citizen's account when they sign in with the same
-- (verified) e-mail address; this index finds the unlinked ones by address.
create index enforcement_requests_unlinked_email_idx on enforcement_requests (lower(applicant_email))
  where citizen_id is null and applicant_email is not null;

create table filing_attachments (
  id uuid primary key default gen_random_uuid(),
  draft_id uuid references filing_drafts (id) on delete cascade,
  request_id uuid references enforcement_requests (id),
  storage_key text not null unique,
  document_type text not null check (document_type in ('judgment', 'identity', 'authorisation', 'assets', 'other')),
  original_name text not null check (length(original_name) between 1 and 255),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null,
  scan_status text not null check (scan_status in ('clean', 'not_scanned')),
  created_at timestamptz not null default now(),
  check (draft_id is not null or request_id is not null)
);
create index filing_attachments_draft_idx on filing_attachments (draft_id) where draft_id is not null;
create index filing_attachments_request_idx on filing_attachments (request_id) where request_id is not null;

-- Citizen sign-in by e-mail: a 6-digit code, valid 10 minutes, a few attempts. It is kept as an HMAC keyed
-- with SESSION_SECRET (code_hash), so a leaked table cannot be searched through the million possible codes.
-- Old codes are pruned by expiry.
create table citizen_sign_in_codes (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  code_hash bytea not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  attempts integer not null default 0,
  used_at timestamptz
);
create index citizen_sign_in_codes_email_idx on citizen_sign_in_codes (lower(email), created_at desc);
create index citizen_sign_in_codes_expires_idx on citizen_sign_in_codes (expires_at);

-- Identities from an OpenID Connect provider (VNeID when configured): issuer + subject → citizen.
create table citizen_identities (
  issuer text not null,
  subject text not null,
  citizen_id uuid not null references citizens (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  primary key (issuer, subject)
);

-- Receipts: electronic receipts with gapless numbers per office and year (issued by receipts_issue,
-- server/receipts/rules.sql), their cancellation and replacement, reconciliation runs with the gateway,
-- and refunds decided by the office.

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
  summary jsonb not null default '{}'::jsonb,
  -- Per payment state and for matched / auto-resolved / mismatched attempts, a count and a sum in đồng
  -- (shape: ReconciliationTotals in server/receipts/reconciliation.server.ts).
  totals jsonb
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

-- Jobs. One transactional outbox for the jobs that hot transactions owe (docs/decisions/014-job-outbox.md):
-- graphile_worker.add_job ends with pg_notify, and PostgreSQL serialises the commits of all notifying
-- transactions. Jobs born in the credit commit as rows here and are moved into graphile-worker in batches
-- (jobs_flush_outbox, server/jobs/rules.sql) right after the commit and every minute by the cron task.
create table job_outbox (
  id bigint generated always as identity primary key,
  task text not null check (task ~ '^[a-z_]{1,64}$'),
  payload jsonb not null default '{}'::jsonb,
  job_key text check (length(job_key) <= 200),
  max_attempts integer not null default 10 check (max_attempts between 1 and 100),
  created_at timestamptz not null default now()
);

-- Live job runners, so that a job locked by a worker that died is released within a minute instead of
-- graphile-worker's 4 hours (its job_expiry). A runner (a job thread or `npm run worker`) writes its row
-- every few seconds from one connection of its own: its graphile-worker ids and that connection's backend.
-- A worker counts as alive while its runner's session is alive or its row was written in the last 15 s;
-- a SIGKILLed process loses its session at once, a stuck one stops writing.
create table job_runners (
  id text primary key check (length(id) <= 200),
  worker_ids text[] not null default '{}',
  backend_pid int,
  backend_start timestamptz,
  started_at timestamptz not null default now(),
  seen_at timestamptz not null default now()
);

-- One counter per limited key (an account, a looked-up object, a client address), shared by every web
-- process: attempts in the current window, when that window began, and until when the key must wait.
-- See docs/decisions/042-rate-limits.md.
create table rate_limit_counters (
  key text primary key,
  count integer not null default 0,
  window_start timestamptz not null default now(),
  blocked_until timestamptz
);
create index rate_limit_counters_window_start_idx on rate_limit_counters (window_start);
