-- Answering a request for information (issue 12, docs/decisions/063-answering-a-request-for-information.md).
-- When staff fire the case event `askForMore`, the citizen is asked for more information or documents. One
-- row per such event, created lazily from the case_events row (by the e-mail job, or the first page that
-- shows it); the citizen answers once, from the e-mailed link (only the SHA-256 of its token is stored) or
-- from their account. Answering fires `citizenAnswered`, which resumes the decision clock.
create table case_info_requests (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  -- The askForMore event that asked (one request per event).
  event_id bigint not null unique references case_events (id),
  message text not null default '' check (length(message) <= 4000),
  requested_documents text[] not null default '{}',
  -- SHA-256 of the e-mailed link's token; null until the e-mail job has issued one (a new one per sent
  -- e-mail: only the latest link works).
  token_hash bytea unique,
  -- The e-mail job was queued (by the askForMore notification or the every-minute sweep), then sent.
  mail_queued_at timestamptz,
  mailed_at timestamptz,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  answered_at timestamptz,
  answer_text text check (answer_text is null or length(answer_text) <= 4000),
  -- How the answer came: the e-mailed link or the signed-in account.
  answered_via text check (answered_via is null or answered_via in ('link', 'account')),
  answered_by_citizen uuid references citizens (id),
  -- The citizenAnswered event the answer fired (in the same transaction as the answer).
  answer_event_id bigint references case_events (id),
  check ((answered_at is null) = (answer_text is null))
);
create index case_info_requests_case_idx on case_info_requests (case_id, created_at);
create index case_info_requests_open_idx on case_info_requests (case_id) where answered_at is null;
create index case_info_requests_unqueued_idx on case_info_requests (created_at) where mail_queued_at is null and mailed_at is null;

-- The e-mail sweep (every minute) finds recent questions without a request row through this partial index
-- on the engine's events table, not by reading every event.
create index case_events_ask_for_more_idx on case_events (at) where event = 'askForMore';

-- The files sent with an answer, streamed to the file store (server/journeys storage), content-checked.
create table case_info_attachments (
  id uuid primary key default gen_random_uuid(),
  info_request_id uuid not null references case_info_requests (id),
  storage_key text not null unique,
  document_type text not null check (document_type in ('judgment', 'identity', 'authorisation', 'assets', 'other')),
  original_name text not null check (length(original_name) between 1 and 255),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null,
  scan_status text not null check (scan_status in ('clean', 'not_scanned')),
  created_at timestamptz not null default now(),
  unique (info_request_id, sha256)
);
create index case_info_attachments_request_idx on case_info_attachments (info_request_id, created_at);
