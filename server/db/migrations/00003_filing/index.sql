-- Filing an enforcement request online (issue 6): courts (data, each routed to the agency that enforces
-- its judgments), drafts of the journey, attachments, the submitted requests, e-mail sign-in codes and
-- OpenID Connect identities of citizens.

create type court_level as enum ('supreme', 'high', 'province', 'regional', 'military');

-- Which enforcement office receives a court's judgments is data: the 2025 reorganisation changed it
-- once and may again. An administrator edits this table (or imports it); the code never names a court.
-- `courts` itself comes from 00002_payments (codes, names, API keys); filing adds where each court's
-- judgments are enforced. A court without an office is simply not offered in the filing journey.
alter table courts
  add column level court_level,
  add column agency_id uuid references agencies (id),
  add column sort_order integer not null default 0;
create index courts_agency_idx on courts (agency_id);

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

-- Citizen sign-in by e-mail: a 6-digit code, kept only as a hash, valid 10 minutes, a few attempts.
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

-- Identities from an OpenID Connect provider (VNeID when configured): issuer + subject → citizen.
create table citizen_identities (
  issuer text not null,
  subject text not null,
  citizen_id uuid not null references citizens (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  primary key (issuer, subject)
);
