-- Foundation schema: agencies (a tree), staff with roles scoped to an agency, citizens,
-- database-backed sessions, an append-only audit log, rate-limit counters and the local mail outbox.

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

create table citizens (
  id uuid primary key default gen_random_uuid(),
  email text not null,
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

-- Append-only: the database itself refuses to change or remove audit entries.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();

-- Fixed-window counters shared by every web process.
create table rate_limits (
  key text not null,
  window_start timestamptz not null,
  count integer not null default 0,
  primary key (key, window_start)
);

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
