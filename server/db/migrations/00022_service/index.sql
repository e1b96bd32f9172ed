-- Electronic service of documents (tống đạt điện tử, issue 14, docs/decisions/074): the party's consent
-- (Decree 62/2015 art. 12 as amended requires it), and one row per document served on a party, with the
-- SHA-256 of the exact PDF served and the proof of the party's first opening (immutable once recorded).

-- A party's consent to electronic service on one case. Withdrawing sets withdrawn_at; giving it again is a
-- new row (the history of consents stays). At most one live consent per case.
create table case_service_consents (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases (id),
  citizen_id uuid references citizens (id),
  -- How the party proved the case: their account ('account') or the lookup pair ('lookup').
  proved_by text not null check (proved_by in ('account', 'lookup')),
  channel text not null default 'email' check (channel in ('email')),
  email text not null check (length(email) between 3 and 320),
  given_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  check (withdrawn_at is null or withdrawn_at >= given_at)
);
create unique index case_service_consents_live_idx on case_service_consents (case_id) where withdrawn_at is null;

-- A case document (stored_documents kind 'case-document', version = the event's seq) served on the party.
create table document_services (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  document_seq int not null,
  document text not null check (length(document) between 1 and 64),
  -- SHA-256 (hex) of the exact PDF bytes served.
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  consent_id bigint references case_service_consents (id),
  -- 'electronic' (e-mailed link, opened on the portal) or 'paper' (recorded by the officer).
  method text not null check (method in ('electronic', 'paper')),
  paper_method text check (paper_method is null or paper_method in ('direct', 'post', 'posting')),
  served_by uuid references staff (id),
  served_at timestamptz not null default now(),
  -- The day by which the party should open it (LEGAL_RULES service.electronic-open), electronic only.
  due_on date,
  rule_id text,
  rule_effective_from date,
  -- The public timeline entry of the service (case_events row fired by server/cases appendCaseRecord).
  event_id bigint references case_events (id),
  -- The party's first opening: when, and the SHA-256 of the bytes delivered. Set once, never changed.
  opened_at timestamptz,
  -- The notice e-mail bounced (or its sending failed for good): the officer serves on paper.
  bounced_at timestamptz,
  opened_sha256 text check (opened_sha256 is null or opened_sha256 ~ '^[0-9a-f]{64}$'),
  check ((opened_at is null) = (opened_sha256 is null))
);
create index document_services_case_idx on document_services (case_id, served_at);
create unique index document_services_live_idx on document_services (case_id, document_seq, method);

-- The proof of service cannot be rewritten: the trigger is in server/service-of-documents/rules.sql (ADR 054).
