-- The organisations' JSON API and webhooks (issue 13, docs/decisions/070-api-keys-and-openapi.md and
-- 071-webhooks.md). API keys themselves are in 00014 (api_keys).

-- Every API call is audited with the key as its actor (actor_id = api_keys.id).
alter table audit_log drop constraint audit_log_actor_type_check;
alter table audit_log add constraint audit_log_actor_type_check check (actor_type in ('staff', 'citizen', 'system', 'anonymous', 'api_key'));

-- An API call's cursor pages an organisation's followed cases by (added_at desc, case_id): the index of 00014.

-- Where an organisation is told of its followed cases' public events. The secret ("whsec_" + base64 of
-- 32 random bytes) is shown once and kept to sign each delivery (it is a shared HMAC key, not a password).
create table webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  url text not null check (length(url) between 8 and 2000 and url ~ '^https?://'),
  secret text not null check (secret ~ '^whsec_[A-Za-z0-9+/=]{40,}$'),
  created_by uuid references citizens (id),
  created_at timestamptz not null default now(),
  disabled_at timestamptz,
  disabled_by uuid references citizens (id)
);
create index webhook_endpoints_org_idx on webhook_endpoints (organisation_id, created_at desc);

-- One delivery per public case event and endpoint; its id is the webhook-id (msg_<id>) of every attempt,
-- the send-again button's too, so the receiver can drop duplicates.
create table webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  endpoint_id uuid not null references webhook_endpoints (id),
  case_id uuid not null references cases (id),
  event_id bigint not null references case_events (id),
  event_type text not null check (length(event_type) between 1 and 100),
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts int not null default 0 check (attempts >= 0),
  last_status int,
  last_error text,
  last_attempt_at timestamptz,
  next_attempt_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  unique (endpoint_id, event_id)
);
create index webhook_deliveries_org_idx on webhook_deliveries (organisation_id, created_at desc, id);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';

-- Each try of a delivery, for the organisation's delivery log.
create table webhook_attempts (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references webhook_deliveries (id),
  at timestamptz not null default now(),
  http_status int,
  error text,
  duration_ms int not null check (duration_ms >= 0),
  manual boolean not null default false
);
create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, at);
