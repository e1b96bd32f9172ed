-- Following a case (issue 13, docs/decisions/065-following-a-case.md): what every procedure's case needs so
-- its parties can follow it without knowing the procedure — the lookup pair's code, the party who filed it
-- (account, address, language, whether they want e-mails) — and the organisations (businesses) that follow
-- many cases, their members and their API keys. Copied here from the procedure's own table at opening
-- (openCase), so the lookup, My cases, the e-mails, the organisations and the API read one table.

-- The access code of the lookup pair (reference + code), as the filing stores it: SHA-256 of
-- "access:" + the code normalised (server/filing/submit.server.ts accessCodeHash). Null: no lookup by pair.
alter table cases add column access_code_hash bytea;
-- The account of the party who filed it (null when filed signed out and not yet joined).
alter table cases add column citizen_id uuid references citizens (id);
-- Where the party who filed it is told of public events, and in which language.
alter table cases add column applicant_email text check (applicant_email is null or length(applicant_email) <= 320);
alter table cases add column locale text not null default 'vi' check (locale in ('vi', 'en'));
-- The party's choice: e-mail me when something public happens (they can turn it off and on).
alter table cases add column notify_applicant boolean not null default true;

update cases c set access_code_hash = r.access_code_hash, citizen_id = r.citizen_id, applicant_email = r.applicant_email, locale = r.locale
from enforcement_requests r
where c.case_type = 'enforcement-request' and c.submission_id = r.id;

-- My cases: a citizen's cases, newest first; and the unjoined ones found by a verified address at sign-in.
create index cases_citizen_idx on cases (citizen_id, received_at desc) where citizen_id is not null;
create index cases_unlinked_email_idx on cases (lower(applicant_email)) where citizen_id is null and applicant_email is not null;

-- An organisation (a bank, a company with many cases) whose members sign in as citizens do and follow the
-- organisation's cases. tax_code is its enterprise code (mã số doanh nghiệp), checked for shape and check digit.
create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 2 and 200),
  tax_code text not null unique check (tax_code ~ '^[0-9]{10}([0-9]{3})?$'),
  created_by uuid references citizens (id),
  created_at timestamptz not null default now()
);

-- Its members: citizens' accounts; an admin manages members, API keys and webhooks.
create table organisation_members (
  organisation_id uuid not null references organisations (id),
  citizen_id uuid not null references citizens (id),
  role text not null check (role in ('admin', 'member')),
  added_by uuid references citizens (id),
  added_at timestamptz not null default now(),
  primary key (organisation_id, citizen_id)
);
create index organisation_members_citizen_idx on organisation_members (citizen_id);

-- The cases an organisation follows: added by proving the lookup pair (on screen, by CSV or by the API).
create table organisation_cases (
  organisation_id uuid not null references organisations (id),
  case_id uuid not null references cases (id),
  added_by_citizen uuid references citizens (id),
  added_by_key uuid,
  added_at timestamptz not null default now(),
  primary key (organisation_id, case_id)
);
create index organisation_cases_case_idx on organisation_cases (case_id);
create index organisation_cases_org_added_idx on organisation_cases (organisation_id, added_at desc, case_id);

-- API keys: shown once as "thads_<prefix>_<secret>"; only the prefix (to find it) and the SHA-256 of the whole
-- key are kept. Revoked at once: every call reads revoked_at.
create table api_keys (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  name text not null check (length(name) between 1 and 100),
  prefix text not null unique check (prefix ~ '^[a-z0-9]{8,16}$'),
  secret_hash bytea not null,
  created_by uuid references citizens (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid references citizens (id)
);
create index api_keys_org_idx on api_keys (organisation_id, created_at desc);
alter table organisation_cases add constraint organisation_cases_key_fk foreign key (added_by_key) references api_keys (id);
