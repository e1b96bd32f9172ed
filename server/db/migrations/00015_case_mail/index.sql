-- The parties' e-mails of public case events (issue 13 item 3, docs/decisions/068-case-event-emails.md).

-- One row per public event e-mailed: task case_notify inserts it in the transaction that sends the mail, so a
-- job that runs twice (graphile-worker retries, two workers) finds it and sends nothing the second time.
create table case_event_mail (
  event_id bigint primary key references case_events (id),
  case_id uuid not null references cases (id),
  to_address text not null check (length(to_address) <= 320),
  message_id text,
  sent_at timestamptz not null default now()
);

-- The one-click unsubscribe links (RFC 8058) of those e-mails: 256 random bits per e-mail, only their SHA-256
-- kept. A link names one case; it turns the party's e-mails for that case off, and back on.
create table case_mail_tokens (
  token_hash bytea primary key check (length(token_hash) = 32),
  case_id uuid not null references cases (id),
  event_id bigint references case_events (id),
  created_at timestamptz not null default now()
);
create index case_mail_tokens_case_idx on case_mail_tokens (case_id);
